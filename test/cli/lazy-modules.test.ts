/**
 * Start-up cost (issue 14): a command loads the heavy libraries only when the config needs them.
 * date-holidays (~130 ms, ~25 MB) only for `holidays:`, rrule only for shift-based schedules, ajv
 * never for a valid config (the build precompiles the schema). Runs the built code (dist/, built by
 * the test setup) in a fresh process, as the CLI loads it.
 */
import {execFileSync} from 'node:child_process'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'

const REPO = join(import.meta.dirname, '..', '..')

function loadedFor(config: string): {valid: boolean; holidays: boolean; rrule: boolean; ajv: boolean} {
  const script = `
    import {createRequire} from 'node:module'
    const {loadConfig} = await import(${JSON.stringify(join(REPO, 'dist', 'config', 'load-config.js'))})
    const result = await loadConfig(${JSON.stringify(join(REPO, config))}, {now: new Date('2026-03-01T00:00:00Z')})
    const loaded = Object.keys(createRequire(import.meta.url).cache)
    const has = (part) => loaded.some((f) => f.includes(part))
    console.log(JSON.stringify({valid: result.state !== undefined, holidays: has('/date-holidays/'), rrule: has('/rrule/'), ajv: has('/ajv/dist/core.js')}))`
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], {encoding: 'utf8'})) as ReturnType<typeof loadedFor>
}

describe('libraries loaded by loading a config', {timeout: 120_000}, () => {
  it('a config without holidays or shift-based schedules loads neither date-holidays, rrule nor ajv', () => {
    expect(loadedFor('examples/starter')).toEqual({valid: true, holidays: false, rrule: false, ajv: false})
  })

  it('holidays load date-holidays (the team rules judge them)', () => {
    expect(loadedFor('examples/retail-org')).toMatchObject({valid: true, holidays: true, rrule: false})
  })

  it('shift-based schedules load rrule (their recurrences are checked)', () => {
    expect(loadedFor('examples/shift-based')).toMatchObject({valid: true, holidays: false, rrule: true})
  })
})
