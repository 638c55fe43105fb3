/**
 * Every YAML block in the README and docs/ is a config (or a fragment of one) that validates:
 * readers copy them, so a broken example is a bug. Fragments without `version` are checked with
 * `version: 1` and an owner added; blocks of comments only (editor modelines) have nothing to check.
 */
import {readdirSync, readFileSync} from 'node:fs'
import {join, relative} from 'node:path'
import {describe, expect, it} from 'vitest'
import {formatDiagnostic} from '../../src/config/diagnostic.js'
import {checkSources} from '../../src/config/load-config.js'

const REPO = join(import.meta.dirname, '..', '..')
const DOCS = [join(REPO, 'README.md'), ...readdirSync(join(REPO, 'docs')).filter((f) => f.endsWith('.md')).map((f) => join(REPO, 'docs', f))]
const NOW = new Date('2026-03-01T00:00:00Z')

interface Block {
  readonly file: string
  readonly line: number
  readonly text: string
}

export function yamlBlocks(markdown: string, file: string): Block[] {
  const blocks: Block[] = []
  const lines = markdown.split('\n')
  for (let i = 0; i < lines.length; i++) {
    if (!/^```ya?ml\s*$/.test(lines[i] ?? '')) continue
    const start = i + 1
    let end = start
    while (end < lines.length && !/^```\s*$/.test(lines[end] ?? '')) end++
    blocks.push({file, line: start + 1, text: lines.slice(start, end).join('\n') + '\n'})
    i = end
  }
  return blocks
}

const blocks = DOCS.flatMap((file) => yamlBlocks(readFileSync(file, 'utf8'), relative(REPO, file)))

describe('YAML examples in the docs', () => {
  it('finds the blocks (README and docs/language.md hold several)', () => {
    expect(blocks.filter((b) => b.file === 'README.md').length).toBeGreaterThanOrEqual(1)
    expect(blocks.filter((b) => b.file.startsWith('docs')).length).toBeGreaterThanOrEqual(2)
  })

  it.each(blocks.map((b) => [`${b.file}:${b.line}`, b] as const))('%s validates', (_, block) => {
    const settings = block.text.split('\n').filter((l) => l.trim() !== '' && !l.trim().startsWith('#'))
    if (settings.length === 0) return // a modeline or a comment: nothing to validate
    const text = /^version:/m.test(block.text) ? block.text : `version: 1\nowner: docs\n${block.text}`
    const {diagnostics} = checkSources([{file: `${block.file}:${block.line}`, text}], {now: NOW})
    expect(diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic)).toEqual([])
  })
})
