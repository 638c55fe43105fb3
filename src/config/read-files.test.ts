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

describe('readConfigFiles from a directory above the config', () => {
  it('reads the config directories (those with a `version:` file) and PATH itself, and lists what it ignored', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'oncall-above-'))
    for (const [path, text] of [
      ['oncall/org.yaml', 'version: 1\nowner: x\n'],
      ['oncall/app/team.yaml', 'teams: {app: {name: App}}\n'],
      ['ci/workflow.yml', 'on: push\njobs: {}\n'],
      ['test/fixtures/broken.yaml', 'teams: [\n'],
      ['top.yaml', 'services: {}\n'],
    ] as const) {
      mkdirSync(join(dir, path, '..'), {recursive: true})
      writeFileSync(join(dir, path), text)
    }
    const result = await readConfigFiles(dir)
    expect(result.files).toEqual([join(dir, 'oncall', 'app', 'team.yaml'), join(dir, 'oncall', 'org.yaml'), join(dir, 'top.yaml')])
    expect(result.ignored).toEqual([join(dir, 'ci', 'workflow.yml'), join(dir, 'test', 'fixtures', 'broken.yaml')])
    // The config directory itself: everything under it, as always.
    expect((await readConfigFiles(join(dir, 'oncall'))).ignored).toEqual([])
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
