import {readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {REPO, runCli, tempDir} from '../export/run-cli.js'

const FIXTURE = join(REPO, 'test', 'health', 'fixtures-team-rules.yaml')
const NOW = '2026-04-27T00:00:00Z' // Mon 09:00 in Tokyo, a primary handoff; Golden Week is inside the 8 weeks

/** `line:col code` of each diagnostic line of validate's text output. */
function sites(stdout: string): string[] {
  return stdout
    .split('\n')
    .flatMap((line) => {
      const m = /^[^:]+:(\d+):(\d+): (error|warning) (\S+) /.exec(line)
      return m ? [`${m[1]}:${m[2]} ${m[3]} ${m[4]}`] : []
    })
}

function withRules(replace: (text: string) => string): string {
  const dir = tempDir('oncall-rules-')
  const file = join(dir, 'oncall.yaml')
  writeFileSync(file, replace(readFileSync(FIXTURE, 'utf8')))
  return file
}

describe('team rules on the command line', () => {
  it('validate warns about each broken rule at the person’s entry, the layer or the policy level', {timeout: 120_000}, () => {
    const r = runCli(['validate', FIXTURE, '--now', NOW])
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
    expect(sites(r.stdout).filter((s) => s.includes(' rule-'))).toEqual([
      // primary, layers[0].users[1]: Ken has weeks 2 and 3 of 4
      '26:35 warning rule-max-consecutive-days',
      '26:35 warning rule-max-holiday-share',
      '26:35 warning rule-max-nights-share',
      '26:35 warning rule-max-share',
      '26:35 warning rule-max-weekend-share',
      // secondary: two people rotate; each has half of everything
      '35:16 warning rule-min-people',
      '35:17 warning rule-max-holiday-share',
      '35:17 warning rule-max-nights-share',
      '35:17 warning rule-max-share',
      '35:17 warning rule-max-weekend-share',
      '35:34 warning rule-max-nights-share',
      '35:34 warning rule-max-share',
      '35:34 warning rule-max-weekend-share',
      // late-desk's own rules let Aiko carry it alone; the rest after her primary week is short
      '44:17 warning rule-min-rest-hours',
      // the policy's level 2 pages people who are primary at the same time
      '56:9 warning rule-no-double-booking',
      '56:9 warning rule-no-double-booking',
    ])
    expect(r.stdout).toContain(
      "ken@example.com is on call in schedule `primary` for 14 days without a break, mon 2026-05-04 09:00 – mon 2026-05-18 09:00 Asia/Tokyo (and 1 more stretch over the limit); the team's rule allows 7 (at schedules.primary.layers[0].users[1]) — rules.max_consecutive_days (warning)",
    )
    expect(r.stdout).toContain("emma@example.com carries 50 % of the nights of schedule `secondary` (counted on emma@example.com's clock, Europe/London)")
    expect(r.stdout).toContain('aiko@example.com rests only 11 h between the end of a shift in `primary` at mon 2026-05-04 09:00 Asia/Tokyo and the next in `late-desk` at mon 2026-05-04 20:00 Asia/Tokyo')
  })

  it('an error-severity rule fails validate and plan (exit 1) with the positioned message', {timeout: 120_000}, () => {
    const file = withRules((t) => t.replace('  max_consecutive_days: 7\n', '  max_consecutive_days: {value: 7, severity: error}\n'))
    const v = runCli(['validate', file, '--now', NOW])
    expect(v.status).toBe(1)
    expect(v.stdout).toMatch(/oncall\.yaml:26:35: error rule-max-consecutive-days ken@example\.com is on call in schedule `primary` for 14 days/)
    expect(v.stdout).toMatch(/invalid \(1 file, 1 error, \d+ warnings\)/)
    // plan stops before it reads the account: no token is needed to be refused.
    const p = runCli(['plan', file, '--now', NOW], {PAGERDUTY_TOKEN: ''})
    expect(p.status).toBe(1)
    expect(p.stdout + p.stderr).toMatch(/oncall\.yaml:26:35: error rule-max-consecutive-days /)
    // Calendars of the rota are still exported: people need them whatever the rules say.
    const e = runCli(['export', file, '--out', tempDir('oncall-rules-export-'), '--now', NOW])
    expect(e.stderr).toBe('')
    expect(e.status).toBe(0)
    // So does who: the rules gate pull requests, not the answer to "who is on call".
    const w = runCli(['who', file, '--now', NOW, '--config-only'], {PAGERDUTY_TOKEN: ''})
    expect(w.stderr).toBe('')
    expect(w.status).toBe(0)
    expect(w.stdout).toMatch(/primary/)
  })

  it('--horizon limits how far ahead rules look, and a bad one is a one-line error', {timeout: 120_000}, () => {
    const file = withRules((t) => t.replace('  max_consecutive_days: 7\n', '  max_consecutive_days: {value: 7, severity: error}\n'))
    const week = runCli(['validate', file, '--now', NOW, '--horizon', '1w'])
    expect(week.status).toBe(0)
    expect(week.stdout).not.toContain('rule-max-consecutive-days')
    const bad = runCli(['validate', file, '--now', NOW, '--horizon', '3h'])
    expect(bad.status).not.toBe(0)
    expect(bad.stderr).toContain('--horizon "3h" is not a horizon: use whole days or weeks between 1d and 366d (e.g. 8w, 90d)')
  })
})
