import {describe, expect, it} from 'vitest'
import {mergeFiles} from './merge.js'
import {parseYamlFile, type ParsedFile} from './parse-yaml.js'

const parsed = (file: string, text: string): ParsedFile => {
  const result = parseYamlFile({file, text})
  if (!result.file) throw new Error(JSON.stringify(result.diagnostics))
  return result.file
}

describe('mergeFiles', () => {
  const a = parsed('a.yaml', 'version: 1\nowner: o\nusers:\n  - {email: a@example.com, name: A}\nteams:\n  zeta: {}\n')
  const b = parsed('b.yaml', 'owner: o\nusers:\n\n  - {email: b@example.com, name: B}\nteams:\n  alpha: {name: Alpha}\n')
  const merged = mergeFiles([a, b])

  it('concatenates users and merges keyed sections in key order', () => {
    expect(merged.config.users.map((u) => u.email)).toEqual(['a@example.com', 'b@example.com'])
    expect([...merged.config.teams.keys()]).toEqual(['alpha', 'zeta'])
    expect(merged.config.owner).toBe('o')
    expect(merged.diagnostics).toEqual([])
  })

  it('locates merged paths in the file they came from', () => {
    expect(merged.sources.locate(['users', 1, 'name'])).toEqual({file: 'b.yaml', line: 4, col: 34, path: 'users[1].name'})
    expect(merged.sources.locate(['teams', 'alpha', 'name'])).toEqual({file: 'b.yaml', line: 6, col: 17, path: 'teams.alpha.name'})
    expect(merged.sources.locate(['teams', 'zeta'], {key: true})).toEqual({file: 'a.yaml', line: 6, col: 3, path: 'teams.zeta'})
    // A path past the document ends at the deepest existing node.
    expect(merged.sources.locate(['teams', 'zeta', 'members', 0])).toEqual({file: 'a.yaml', line: 6, col: 9, path: 'teams.zeta.members[0]'})
  })

  it('keeps the first of a duplicated key and records both places', () => {
    const c = parsed('c.yaml', 'teams:\n  zeta: {name: Again}\n')
    const result = mergeFiles([a, c])
    expect(result.config.teams.get('zeta')).toEqual({})
    expect(result.duplicates).toEqual([
      {section: 'teams', key: 'zeta', first: {file: 'a.yaml', line: 6, col: 3, path: 'teams.zeta'}, again: {file: 'c.yaml', line: 2, col: 3}},
    ])
  })
})
