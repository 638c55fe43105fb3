import {spawnSync} from 'node:child_process'
import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {dirname, join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {whoArguments} from '../../src/cli/who-arguments.js'

const REPO = join(import.meta.dirname, '..', '..')
const CONFIG = join(import.meta.dirname, 'fixtures', 'oncall.yaml')
/** The closing line of text output computed without a token (app/planned-shifts.ts basisNote). */
const CONFIG_ALONE =
  '(Computed from the config alone: a rotation change waiting for its handoff in PagerDuty and overrides made in PagerDuty are not shown ' +
  '(set PAGERDUTY_TOKEN to include them, or use --live).)'

/** Runs the built CLI (dist/ is compiled by test/global-setup.ts). Every call passes --at: no real clock. */
function who(...args: string[]): {status: number | null; stdout: string; stderr: string} {
  return whoWithEnv({}, ...args)
}

function whoWithEnv(env: Record<string, string>, ...args: string[]): {status: number | null; stdout: string; stderr: string} {
  const r = spawnSync(process.execPath, [join(REPO, 'bin', 'run.js'), 'who', ...args], {
    cwd: REPO,
    encoding: 'utf8',
    env: {...process.env, NO_COLOR: '1', PAGERDUTY_TOKEN: '', ...env}, // no token: the config alone
  })
  return {status: r.status, stdout: r.stdout, stderr: r.stderr}
}

describe('oncall who', () => {
  it('--json is the same as --format json', () => {
    const json = who(CONFIG, '--at', '2026-03-10T12:00Z', '--json')
    expect(json.status).toBe(0)
    expect(JSON.parse(json.stdout)).toHaveProperty('schedules')
    expect(json.stdout).toBe(who(CONFIG, '--at', '2026-03-10T12:00Z', '--format', 'json').stdout)
  })

  it('lists every schedule at an instant, times in each schedule’s zone', () => {
    // 2026-03-10T12:00Z is Tue 21:00 in Tokyo (week 9 since 2026-01-05: aiko) and Tue 08:00 EDT in
    // New York (daily turn 63 since 2026-01-05, started Mon 09:00: bob).
    const r = who(CONFIG, '--at', '2026-03-10T12:00Z')
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
    expect(r.stdout).toBe(
      [
        'On call at 2026-03-10T12:00:00Z:',
        '  app-days     bob@example.com (since mon 2026-03-09 09:00, until tue 2026-03-10 09:00 America/New_York)',
        '  app-primary  aiko@example.com (since mon 2026-03-09 10:00, until mon 2026-03-16 10:00 Asia/Tokyo)',
        CONFIG_ALONE,
        '',
      ].join('\n'),
    )
  })

  it('reads a local --at in the schedule’s zone and shows who is next', () => {
    const r = who(CONFIG, 'app-days', '--at', '2026-03-13T18:00')
    expect(r.status).toBe(0)
    expect(r.stdout).toBe(
      [
        'app-days (App - Business days) at fri 2026-03-13 18:00 America/New_York:',
        '  on call: nobody',
        // 2026-01-05 → 2026-03-16 is 70 days: turn 70 is ann's.
        '  next:    ann@example.com (from mon 2026-03-16 09:00, until tue 2026-03-17 09:00 America/New_York)',
        CONFIG_ALONE,
        '',
      ].join('\n'),
    )
  })

  it('shows an escalation policy level by level as JSON', () => {
    const r = who(CONFIG, 'app', '--at', '2026-03-10T12:00Z', '--format', 'json')
    expect(r.status).toBe(0)
    const json = JSON.parse(r.stdout)
    expect(json.escalation_policy.key).toBe('app')
    expect(
      json.escalation_policy.levels.map((l: {level: number; notified_after_minutes: number; targets: {type: string; key?: string; email?: string; on_call?: {user: string}}[]}) => [
        l.level,
        l.notified_after_minutes,
        l.targets.map((t) => (t.type === 'user' ? `user ${t.email}` : `${t.key}: ${t.on_call?.user}`)),
      ]),
    ).toEqual([
      [1, 0, ['app-days: bob@example.com']],
      [2, 15, ['app-primary: aiko@example.com', 'user aiko@example.com']],
    ])
    expect(json.escalation_policy.levels[1].targets[0].on_call.until).toBe('2026-03-16T10:00:00+09:00')
  })

  it('takes "now" from ONCALL_NOW when --at is not given', () => {
    const r = whoWithEnv({ONCALL_NOW: '2026-03-10T12:00:00Z'}, CONFIG, 'app-primary')
    expect(r.status).toBe(0)
    expect(r.stdout.split('\n')[0]).toBe('app-primary (App - Primary) at tue 2026-03-10 21:00 Asia/Tokyo:')
  })

  it('is deterministic: the same question gives byte-identical output', () => {
    const a = who(CONFIG, 'app', '--at', '2026-03-10T12:00Z', '--format', 'json')
    const b = who(CONFIG, 'app', '--at', '2026-03-10T12:00Z', '--format', 'json')
    expect(a.stdout).toBe(b.stdout)
  })

  it('fails with one line for an unknown name or a bad time', () => {
    const unknown = who(CONFIG, 'app-primry', '--at', '2026-03-10T12:00Z')
    expect(unknown.status).toBe(1)
    expect(unknown.stderr).toBe('error: no schedule or escalation policy named app-primry (did you mean app-primary?)\n')
    const badTime = who(CONFIG, '--at', 'next tuesday')
    expect(badTime.status).toBe(1)
    expect(badTime.stderr.split('\n')[0]).toMatch(/^error: invalid time: next tuesday/)
  })

  it('refuses a config with errors and lists them', () => {
    const dir = mkdtempSync(join(tmpdir(), 'oncall-who-'))
    const file = join(dir, 'oncall.yaml')
    writeFileSync(file, 'version: 1\nowner: x\nschedules:\n  s:\n    name: S\n    time_zone: Mars/Base\n    layers: []\n')
    const r = who(file, '--at', '2026-03-10T12:00Z')
    expect(r.status).toBe(1)
    expect(r.stderr).toMatch(/^error: the config has \d+ error\(s\)\n/)
    expect(r.stdout).toBe('')
  })

  it('takes the config as PATH like every other command; a lone key is the TARGET; --config still works, deprecated', () => {
    const at = ['--at', '2026-03-10T12:00Z']
    const both = who(CONFIG, 'app-primary', ...at)
    expect(both.status, both.stderr).toBe(0)
    expect(both.stderr).toBe('')
    expect(both.stdout).toMatch(/^app-primary \(/)
    const old = who('app-primary', '--config', CONFIG, ...at)
    expect(old.status).toBe(0)
    expect(old.stdout).toBe(both.stdout)
    expect(old.stderr).toMatch(/deprecated/)
    // From the config's own directory: a lone argument that is no file is the key.
    const r = spawnSync(process.execPath, [join(REPO, 'bin', 'run.js'), 'who', 'app-primary', ...at], {cwd: dirname(CONFIG), encoding: 'utf8', env: {...process.env, NO_COLOR: '1'}})
    expect(r.status, r.stderr).toBe(0)
    expect(r.stdout).toBe(both.stdout)
  })
})

describe('whoArguments', () => {
  const exists = (path: string) => path === 'oncall' || path === 'team.yaml'
  it.each([
    [['oncall/', 'primary'], {path: 'oncall/', target: 'primary'}],
    [['primary'], {path: undefined, target: 'primary'}],
    [['oncall'], {path: 'oncall', target: undefined}],
    [['team.yaml'], {path: 'team.yaml', target: undefined}],
    [['other.yml'], {path: 'other.yml', target: undefined}],
    [['conf/dir'], {path: 'conf/dir', target: undefined}],
    [[], {path: undefined, target: undefined}],
  ])('%j', (args, expected) => {
    expect(whoArguments(args[0], args[1], undefined, exists)).toEqual(expected)
  })
  it('with the deprecated --config, the argument is the target', () => {
    expect(whoArguments('primary', undefined, 'oncall/', exists)).toEqual({path: 'oncall/', target: 'primary'})
    expect(() => whoArguments('a', 'b', 'oncall/', exists)).toThrow(/at most one argument/)
  })
})
