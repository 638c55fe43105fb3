import {readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {startSandbox, type Sandbox} from '../../src/sandbox/index.js'
import {runCli} from '../integration/harness.js'
import {REPO, tempDir} from '../export/run-cli.js'

const FIXTURE = join(REPO, 'test', 'health', 'fixtures-team-rules.yaml')
const NOW = '2026-04-27T00:00:00Z'
const cli = (args: readonly string[], env: Record<string, string> = {}) => runCli(args, {NO_COLOR: '1', ONCALL_NOW: NOW, ...env})

describe('oncall report', () => {
  it('gives hand-checked figures per person in JSON (snake_case), even when the config breaks its rules', {timeout: 120_000}, async () => {
    // Two weeks from Mon 27 Apr 09:00 Tokyo: Golden Week (29 Apr, 3–6 May) is inside.
    // The rules are made errors: validate would fail, the report still shows the load.
    const file = join(tempDir('oncall-report-'), 'oncall.yaml')
    writeFileSync(file, readFileSync(FIXTURE, 'utf8').replace('  max_consecutive_days: 7\n', '  max_consecutive_days: {value: 7, severity: error}\n'))
    expect((await cli(['validate', file])).status).toBe(1)
    const r = await cli(['report', file, '--until', '2026-05-11T00:00:00Z', '--json'])
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
    const report = JSON.parse(r.stdout)
    expect(report.window).toEqual({start: '2026-04-27T00:00:00.000Z', end: '2026-05-11T00:00:00.000Z'})
    // Ken: primary 4–11 May (168 h), secondary Mon 27 Apr 21:00 – Mon 4 May 21:00 (168 h); seven 9-hour
    // nights and one weekend in each; holidays 15 h of 4 May + 5 and 6 May in primary, 29 Apr + 3 May + 21 h of 4 May in secondary.
    expect(report.everyone.find((p: {user: string}) => p.user === 'ken@example.com')).toEqual({
      user: 'ken@example.com',
      hours: 336,
      shifts: 2,
      night_hours: 126,
      weekend_hours: 96,
      holiday_hours: 132,
      longest_streak_days: 7,
      shares: {primary: 0.5, secondary: 0.5},
    })
    const primary = report.schedules.find((s: {schedule: string}) => s.schedule === 'primary')
    expect(primary.people.map((p: {user: string; holiday_hours: number; holiday_share: number}) => [p.user, p.holiday_hours, p.holiday_share])).toEqual([
      ['aiko@example.com', 57, 0.475],
      ['ken@example.com', 63, 0.525],
    ])
  })

  it('counts the config’s overrides like who and export do: Aiko covering a day of Ken’s primary week moves 24 h', {timeout: 120_000}, async () => {
    const file = join(tempDir('oncall-report-'), 'oncall.yaml')
    const override = '\noverrides:\n  - {schedule: primary, user: aiko@example.com, start: 2026-05-04T10:00, end: 2026-05-05T10:00}\n'
    writeFileSync(file, readFileSync(FIXTURE, 'utf8') + override)
    const hours = async (path: string) => {
      const r = await cli(['report', path, '--until', '2026-05-11T00:00:00Z', '--json'])
      expect(r.status, r.stderr).toBe(0)
      const report = JSON.parse(r.stdout) as {everyone: {user: string; hours: number}[]}
      return Object.fromEntries(report.everyone.map((p) => [p.user, p.hours]))
    }
    const before = await hours(FIXTURE)
    const after = await hours(file)
    expect(after['ken@example.com']).toBe(before['ken@example.com']! - 24)
    expect(after['aiko@example.com']).toBe(before['aiko@example.com']! + 24)
  })

  it('prints a table per team in text and Markdown, and refuses a backwards window', {timeout: 120_000}, async () => {
    const text = await cli(['report', FIXTURE, '--until', '2026-05-11T00:00:00Z'])
    expect(text.status).toBe(0)
    expect(text.stdout).toContain('On-call load 2026-04-27T00:00Z – 2026-05-11T00:00Z (14 days, computed from the config: its layers, overrides and time-off covers)')
    expect(text.stdout).toMatch(/\n {2}ken@example\.com +336 +2 +126 +96 +132 +7 +primary 50 %, secondary 50 %\n/)
    const md = await cli(['report', FIXTURE, '--until', '2026-05-11T00:00:00Z', '--format', 'markdown'])
    expect(md.stdout).toContain('| Ken | 336 | 2 | 126 | 96 | 132 | 7 | primary 50 %, secondary 50 % |')
    const back = await cli(['report', FIXTURE, '--since', '2026-05-11', '--until', '2026-05-01'])
    expect(back.status).toBe(1)
    expect(back.stderr).toContain('--until (2026-05-01T00:00:00.000Z) must be after --since (2026-05-11T00:00:00.000Z)')
  })
})

describe('oncall report --live (the account’s final schedules, overrides included)', () => {
  const LIVE_NOW = '2026-03-02T03:00:00Z'
  const CONFIG = join(REPO, 'examples', 'retail-org')
  let sandbox: Sandbox
  let env: Record<string, string>

  beforeAll(async () => {
    sandbox = await startSandbox({seed: join(REPO, 'examples', 'seeds', 'retail-org.yaml'), now: () => Date.parse(LIVE_NOW)})
    env = {PAGERDUTY_API_URL: sandbox.url, PAGERDUTY_TOKEN: sandbox.token, PAGERDUTY_FROM: 'hiroshi.mori@example.com', ONCALL_NOW: LIVE_NOW}
  })
  afterAll(async () => sandbox.stop())

  it('counts an override made in the account for the person who covers', {timeout: 240_000}, async () => {
    expect((await cli(['apply', CONFIG, '--auto-approve'], env)).status).toBe(0)
    const window = ['--since', '2026-03-09', '--until', '2026-03-16']
    const hoursOf = (json: string, user: string) =>
      JSON.parse(json).schedules.find((s: {schedule: string}) => s.schedule === 'consumer-app-secondary').people.find((p: {user: string}) => p.user === user)?.hours ?? 0
    const before = await cli(['report', CONFIG, '--live', '--json', ...window], env)
    expect(before.stderr).toBe('')
    const config = await cli(['report', CONFIG, '--json', ...window], env)
    const cover = 'sota.ito@example.com'
    expect(hoursOf(before.stdout, cover)).toBe(hoursOf(config.stdout, cover))

    const pd = async (method: string, path: string, body?: unknown) => {
      const res = await fetch(sandbox.url + path, {
        method,
        headers: {Authorization: `Token token=${sandbox.token}`, Accept: 'application/vnd.pagerduty+json;version=2', 'Content-Type': 'application/json'},
        body: body === undefined ? undefined : JSON.stringify(body),
      })
      return res.json() as Promise<any>
    }
    const users = (await pd('GET', '/users?limit=100')).users as {id: string; email: string}[]
    const schedules = (await pd('GET', '/schedules?limit=100')).schedules as {id: string; description: string}[]
    const id = schedules.find((s) => s.description.includes('key: consumer-app-secondary)'))!.id
    const sota = users.find((u) => u.email === cover)!
    await pd('POST', `/schedules/${id}/overrides`, {overrides: [{start: '2026-03-10T00:00:00Z', end: '2026-03-11T00:00:00Z', user: {id: sota.id, type: 'user_reference'}}]})

    const after = await cli(['report', CONFIG, '--live', '--json', ...window], env)
    expect(after.status).toBe(0)
    expect(JSON.parse(after.stdout).source).toBe('live')
    expect(hoursOf(after.stdout, cover)).toBe(hoursOf(before.stdout, cover) + 24)
  })
})
