import {describe, expect, it} from 'vitest'
import {MAX_ALIAS_COUNT, parseYamlFile} from './parse-yaml.js'

const parse = (text: string) => parseYamlFile({file: 'f.yaml', text})
const summary = (text: string) => parse(text).diagnostics.map((d) => [d.code, d.line, d.col])

describe('parseYamlFile', () => {
  it('returns plain data for a mapping', () => {
    const result = parse('version: 1\nteams: {a: {name: "09:00"}}\nstart: 2026-01-05\n')
    expect(result.file?.value).toEqual({version: 1, teams: {a: {name: '09:00'}}, start: '2026-01-05'})
    expect(result.diagnostics).toEqual([])
  })
  it('reports syntax errors at their position, first line of the message only', () => {
    const [d] = parse('a:\n  b: 1\n c: 2\n').diagnostics
    expect(d).toMatchObject({code: 'yaml-syntax', line: 3, col: 1})
    expect(d?.message).not.toContain('\n')
    expect(summary('a: 1\na: 2\n')).toEqual([['duplicate-mapping-key', 2, 1]])
  })
  it('names a duplicate key and where it was first defined', () => {
    const [d] = parse('teams:\n  app: {name: A}\n  web: {name: W}\n  app: {name: B}\n').diagnostics
    expect(d).toMatchObject({code: 'duplicate-mapping-key', line: 4, col: 3, message: 'duplicate key `app`: already defined at f.yaml:2:3 in the same mapping'})
  })
  it('merges `<<: *anchor` keys, the written keys winning', () => {
    const result = parse('templates:\n  weekly: &weekly {turn: weekly, handoff: mon 10:00}\nlayer:\n  <<: *weekly\n  handoff: tue 09:00\n')
    expect(result.diagnostics).toEqual([])
    expect(result.file?.value.layer).toEqual({turn: 'weekly', handoff: 'tue 09:00'})
  })
  it('warns about empty and comment-only files (no `version` hint: in a directory that is fine)', () => {
    expect(parse('').diagnostics).toEqual([{severity: 'warning', code: 'empty-file', message: 'file is empty', file: 'f.yaml', line: 1, col: 1}])
    const comments = parse('# notes for later\n# nothing yet\n')
    expect(comments.file).toBeUndefined()
    expect(comments.diagnostics).toEqual([{severity: 'warning', code: 'empty-file', message: 'file holds only comments', file: 'f.yaml', line: 1, col: 1}])
  })
  it('refuses non-mappings and several documents', () => {
    expect(summary('- x\n')).toEqual([['not-a-mapping', 1, 1]])
    expect(summary('a: 1\n---\nb: 2\n')).toEqual([['yaml-syntax', 2, 1]])
  })
  it('refuses prototype keys wherever they are, quoted or not', () => {
    expect(summary('a:\n  "__proto__": 1\n  b: [{constructor: 1}]\nprototype: 2\n')).toEqual([
      ['forbidden-key', 2, 3],
      ['forbidden-key', 3, 8],
      ['forbidden-key', 4, 1],
    ])
    // Spelled with escapes or an escaped line break (the text then never says `__proto__`).
    expect(summary('a:\n  "\\x5f_proto__": 1\n')).toEqual([['forbidden-key', 2, 3]])
    expect(summary('{"construc\\\n  tor": 1}\n')).toEqual([['forbidden-key', 1, 2]])
    expect(summary('a: "\\x5f"\n')).toEqual([])
  })
  it(`stops alias expansion beyond ${MAX_ALIAS_COUNT}`, () => {
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x, x]', `b: &b [${Array(10).fill('*a').join(', ')}]`, `c: [${Array(10).fill('*b').join(', ')}]`]
    expect(summary(lines.join('\n'))).toEqual([['alias-limit', 2, 8]])
    // A few aliases are fine: anchors are a legitimate way to share values.
    expect(parse('a: &a {x: 1}\nb: *a\n').file?.value).toEqual({a: {x: 1}, b: {x: 1}})
  })
})
