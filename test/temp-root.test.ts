import {existsSync, mkdirSync, mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {basename, dirname, join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {useTemporaryRoot} from './temp-root.js'

describe('temporary directories of a test run', () => {
  it('this run writes them under one oncall-test-run-* root (set by the global setup)', () => {
    expect(basename(tmpdir())).toMatch(/^oncall-test-run-/)
    const dir = mkdtempSync(join(tmpdir(), 'oncall-it-'))
    expect(dirname(dir)).toBe(tmpdir())
  })

  it('the root and everything tests left in it are removed at the end, and TMPDIR is restored', () => {
    const env: NodeJS.ProcessEnv = {TMPDIR: tmpdir()}
    const done = useTemporaryRoot(env)
    const root = env.TMPDIR as string
    expect(root).not.toBe(tmpdir())
    const leftover = join(root, 'oncall-export-abc', 'users')
    mkdirSync(leftover, {recursive: true})
    writeFileSync(join(leftover, 'x.ics'), 'x')
    done()
    expect(existsSync(root)).toBe(false)
    expect(env.TMPDIR).toBe(tmpdir())
  })
})
