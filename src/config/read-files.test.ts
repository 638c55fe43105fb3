import {mkdirSync, mkdtempSync, symlinkSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {readConfigFiles, resolveConfigPath} from './read-files.js'

describe('readConfigFiles', () => {
  it('finds *.yaml and *.yml recursively in path order, skipping hidden entries, reading file symlinks', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'oncall-read-'))
    mkdirSync(join(dir, 'b'))
    mkdirSync(join(dir, '.git'))
    writeFileSync(join(dir, 'b', 'x.yml'), 'a: 1\n')
    writeFileSync(join(dir, 'a.yaml'), '\uFEFFa: 1\n')
    writeFileSync(join(dir, '.git', 'c.yaml'), 'a: 1\n')
    writeFileSync(join(dir, 'notes.md'), '#')
    symlinkSync(join(dir, 'a.yaml'), join(dir, 'c.yaml'))
    symlinkSync(dir, join(dir, 'loop')) // a directory symlink is not followed
    const result = await readConfigFiles(dir)
    expect(result.files).toEqual([join(dir, 'a.yaml'), join(dir, 'b', 'x.yml'), join(dir, 'c.yaml')])
    expect(result.sources[0]?.text).toBe('a: 1\n') // BOM removed
    expect(result.diagnostics).toEqual([])
  })
})

describe('resolveConfigPath', () => {
  it('prefers the argument, then oncall.yaml, then oncall/', () => {
    const dir = mkdtempSync(join(tmpdir(), 'oncall-path-'))
    expect(resolveConfigPath('x.yaml', dir)).toBe('x.yaml')
    expect(resolveConfigPath(undefined, dir)).toBe('oncall')
    writeFileSync(join(dir, 'oncall.yaml'), '')
    expect(resolveConfigPath(undefined, dir)).toBe('oncall.yaml')
  })
})
