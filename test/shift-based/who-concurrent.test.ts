import {spawnSync} from 'node:child_process'
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {CONCURRENT} from './fixture.js'

const REPO = join(import.meta.dirname, '..', '..')

/** The built CLI (dist/ compiled by test/global-setup.ts); no token: the config alone. Every call passes --at. */
function who(...args: string[]): {status: number | null; stdout: string; stderr: string} {
  return whoIn(CONCURRENT, ...args)
}

function whoIn(config: string, ...args: string[]): {status: number | null; stdout: string; stderr: string} {
  const r = spawnSync(process.execPath, [join(REPO, 'bin', 'run.js'), 'who', config, ...args], {
    cwd: REPO,
    encoding: 'utf8',
    env: {...process.env, NO_COLOR: '1', PAGERDUTY_TOKEN: ''},
  })
  return {status: r.status, stdout: r.stdout, stderr: r.stderr}
}

const times = (since: string, until: string) => `(since ${since}, until ${until} Europe/Berlin)`

describe('who on a shift-based schedule with concurrent rotations', () => {
  it('shows everyone on call at once, each with their rotation, and everyone who comes on next', () => {
    // Thursday 15:00: Anna (primary all week), Emil (secondary, day 3 of 0..), Ben and Carl (release window, everyone).
    const r = who('ops-shifts', '--at', '2026-03-05T15:00')
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
    expect(r.stdout.split('\n').slice(0, 7)).toEqual([
      'ops-shifts (Ops - Shifts) at thu 2026-03-05 15:00 Europe/Berlin:',
      `  on call: anna@example.com ${times('thu 2026-03-05 08:00', 'thu 2026-03-05 20:00')} [rotation Primary]`,
      `           emil@example.com ${times('thu 2026-03-05 08:00', 'thu 2026-03-05 20:00')} [rotation Secondary]`,
      `           ben@example.com ${times('thu 2026-03-05 14:00', 'thu 2026-03-05 16:00')} [rotation Releases]`,
      `           carl@example.com ${times('thu 2026-03-05 14:00', 'thu 2026-03-05 16:00')} [rotation Releases]`,
      '  next:    anna@example.com (from fri 2026-03-06 08:00, until fri 2026-03-06 20:00 Europe/Berlin) [rotation Primary]',
      '           dora@example.com (from fri 2026-03-06 08:00, until fri 2026-03-06 20:00 Europe/Berlin) [rotation Secondary]',
    ])
  })

  it('JSON: on_call and next as for layer schedules, plus also_on_call / also_next and the rotation of each', () => {
    const r = who('ops-shifts', '--at', '2026-03-05T13:00', '--json')
    expect(r.status).toBe(0)
    const s = JSON.parse(r.stdout).schedule
    expect(s.on_call).toEqual({user: 'anna@example.com', since: '2026-03-05T08:00:00+01:00', until: '2026-03-05T20:00:00+01:00', rotation: 'Primary'})
    expect(s.also_on_call).toEqual([{user: 'emil@example.com', since: '2026-03-05T08:00:00+01:00', until: '2026-03-05T20:00:00+01:00', rotation: 'Secondary'}])
    // The release window starts at 14:00 for both of its members at once.
    expect([s.next, ...s.also_next].map((x: {user: string; since: string}) => `${x.user} ${x.since}`)).toEqual([
      'ben@example.com 2026-03-05T14:00:00+01:00',
      'carl@example.com 2026-03-05T14:00:00+01:00',
    ])
  })

  it('an escalation policy level that targets the schedule pages everyone on call at once (--at an instant)', () => {
    const r = who('ops', '--at', '2026-03-05T14:30Z', '--json')
    expect(r.status).toBe(0)
    const level1 = JSON.parse(r.stdout).escalation_policy.levels[0].targets[0]
    expect([level1.on_call, ...level1.also_on_call].map((x: {user: string}) => x.user)).toEqual(['anna@example.com', 'emil@example.com', 'ben@example.com', 'carl@example.com'])
    const text = who('ops', '--at', '2026-03-05T07:00')
    expect(text.stdout).toContain('    schedule ops-shifts: nobody; next anna@example.com and emil@example.com from thu 2026-03-05 08:00 Europe/Berlin')
  })

  it('the list of schedules puts everyone on call on the schedule’s line; a quiet night says nobody', () => {
    const r = who('--at', '2026-03-06T09:00')
    expect(r.stdout.split('\n')[1]).toBe(
      `  ops-shifts  anna@example.com ${times('fri 2026-03-06 08:00', 'fri 2026-03-06 20:00')} [rotation Primary]; dora@example.com ${times('fri 2026-03-06 08:00', 'fri 2026-03-06 20:00')} [rotation Secondary]`,
    )
    expect(who('--at', '2026-03-06T22:00').stdout.split('\n')[1]).toBe('  ops-shifts  nobody; next anna@example.com and emil@example.com from sat 2026-03-07 08:00 Europe/Berlin')
  })

  it('time off: the cover comes from the same rotation and replaces only the person off; the concurrent rotation is untouched', () => {
    const dir = mkdtempSync(join(tmpdir(), 'oncall-v3-timeoff-'))
    const text = readFileSync(join(CONCURRENT, 'oncall.yaml'), 'utf8').replace(
      'escalation_policies:',
      'time_off:\n  - {user: dora@example.com, from: 2026-03-02, to: 2026-03-03, note: dentist}\n\nescalation_policies:',
    )
    writeFileSync(join(dir, 'oncall.yaml'), text)
    const r = whoIn(dir, 'ops-shifts', '--at', '2026-03-02T12:00')
    expect(r.status, r.stderr).toBe(0)
    expect(r.stdout.split('\n').slice(1, 3)).toEqual([
      `  on call: anna@example.com ${times('mon 2026-03-02 08:00', 'mon 2026-03-02 20:00')} [rotation Primary]`,
      `           emil@example.com ${times('mon 2026-03-02 08:00', 'mon 2026-03-02 20:00')} [time-off cover for dora@example.com: dentist] [rotation Secondary]`,
    ])
  })
})
