/**
 * `oncall demo` tells one story (issue 12): the big first plan is shown once, every step's output
 * is short, and the last steps (who, export) show the state the demo created, i.e. the swapped
 * rotation as the account has it. It leaves no temporary directories behind. The clock is pinned
 * with ONCALL_NOW (the sandbox follows it): Wednesday 2026-03-04 20:00 in Tokyo.
 */
import {mkdtempSync, readdirSync, readFileSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {runCli} from '../integration/harness.js'

describe('oncall demo', () => {
  const root = mkdtempSync(join(tmpdir(), 'oncall-demo-test-'))
  afterAll(() => rmSync(root, {recursive: true, force: true}))

  it('prints the first plan once, keeps steps short, and ends on the state it created', async () => {
    const scratch = mkdtempSync(join(root, 'tmp-'))
    const out = join(root, 'calendars')
    const run = await runCli(['demo', '--out', out], {ONCALL_NOW: '2026-03-04T11:00:00Z', NO_COLOR: '1', TMPDIR: scratch})
    expect(run.status, run.stderr).toBe(0)
    expect(run.stdout).toContain('Demo complete: 16 steps as expected')
    const lines = run.stdout.split('\n')
    // The full first plan (step 3) is the only long output; every other step is a few lines.
    const step = (n: number) => lines.findIndex((l) => l.startsWith(`=== ${n}/16 `))
    expect(lines.length - (step(4) - step(3))).toBeLessThan(200)
    expect(lines.length).toBeLessThan(450)
    // The 26-object first plan: once (step 3), not again in the apply step.
    expect(lines.filter((l) => /^\+ service consumer-app-bff\b/.test(l.trim()))).toHaveLength(1)
    expect(run.stdout).toMatch(/Plan: 0 to add, 1 to change, 0 to destroy\./)
    // The rotation change that gives Takumi two weeks in a row is refused by the team's rule.
    expect(run.stdout).toMatch(/error rule-max-consecutive-days takumi\.kobayashi@example\.com is on call in schedule `consumer-app-secondary` for 14 days/)

    // who and export run on the swapped copy the demo applied, which lives in its scratch dir.
    const commands = lines.filter((l) => l.startsWith('$ oncall '))
    const swapped = commands.find((l) => l.startsWith('$ oncall apply') && l.includes(scratch))?.split(' ')[3]
    expect(swapped).toBeDefined()
    for (const c of commands.filter((l) => /^\$ oncall (who|export)/.test(l))) expect(c).toContain(swapped)
    // The account keeps Takumi's week until Monday's handoff; the swapped config alone would say Yui.
    const whoStep = lines.slice(step(14), step(15)).join('\n')
    expect(whoStep).toMatch(/consumer-app-primary +takumi\.kobayashi@example\.com/)
    expect(lines.slice(step(15), step(16)).join('\n')).toMatch(/on call: takumi\.kobayashi@example\.com/)
    expect(readFileSync(join(out, 'index.html'), 'utf8')).not.toContain('Computed from the config alone')

    expect(readdirSync(scratch)).toEqual([]) // its temporary directories are removed
  }, 300_000)
})
