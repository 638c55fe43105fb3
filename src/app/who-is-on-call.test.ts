import {describe, expect, it} from 'vitest'
import type {EscalationPolicy, Schedule, ScheduleLayer} from '../model/index.js'
import {basisNote} from './planned-shifts.js'
import {formatWhoText, whoJson} from './render-who.js'
import {parseAt, whoIsOnCall, WhoError, type OnCallSource} from './who-is-on-call.js'

const DAY = 86_400
const WEEK = 7 * DAY

function layer(fields: Partial<ScheduleLayer> & Pick<ScheduleLayer, 'users' | 'turnSeconds' | 'rotationStart'>): ScheduleLayer {
  return {name: 'Weekly', start: fields.rotationStart, end: null, restrictions: [], ...fields}
}

function schedule(key: string, timeZone: string, layers: ScheduleLayer[]): Schedule {
  return {key, name: key.toUpperCase(), description: '', timeZone, teams: [], layers}
}

const tokyo = schedule('tokyo-primary', 'Asia/Tokyo', [
  layer({users: ['aiko', 'ken', 'mei'], turnSeconds: WEEK, rotationStart: '2026-01-05T10:00'}),
])
// Business hours only (Mon–Fri 09:00–17:00 New York), daily handoff at 09:00.
const nyDays = schedule('ny-days', 'America/New_York', [
  layer({
    name: 'Days',
    users: ['ann', 'bob'],
    turnSeconds: DAY,
    rotationStart: '2026-01-05T09:00',
    restrictions: ([1, 2, 3, 4, 5] as const).map((startDay) => ({kind: 'weekly', startDay, start: '09:00', durationMinutes: 480})),
  }),
])
const policy: EscalationPolicy = {
  key: 'platform',
  name: 'Platform',
  description: '',
  team: null,
  repeat: 2,
  handoffNotifications: 'if_has_services',
  rules: [
    {delayMinutes: 15, targets: [{type: 'schedule', key: 'ny-days'}]},
    {delayMinutes: 30, targets: [{type: 'schedule', key: 'tokyo-primary'}, {type: 'user', email: 'boss'}]},
  ],
}
const source: OnCallSource = {
  schedules: new Map([
    [tokyo.key, tokyo],
    [nyDays.key, nyDays],
  ]),
  escalationPolicies: new Map([[policy.key, policy]]),
}

describe('parseAt', () => {
  it('reads instants with Z or an offset, and local times without', () => {
    expect(parseAt('2026-03-10T00:00Z')).toEqual({kind: 'instant', ms: Date.UTC(2026, 2, 10)})
    expect(parseAt('2026-03-10T09:00:00+09:00')).toEqual({kind: 'instant', ms: Date.UTC(2026, 2, 10)})
    expect(parseAt('2026-03-10T09:00')).toEqual({kind: 'local', local: '2026-03-10T09:00'})
    expect(parseAt('2026-03-10')).toEqual({kind: 'local', local: '2026-03-10'})
  })

  it('rejects anything else', () => {
    for (const bad of ['tomorrow', '2026-02-30T10:00', '2026-03-10 09:00', '2026-03-10T25:00Z', '']) {
      expect(() => parseAt(bad), bad).toThrow(WhoError)
    }
  })
})

describe('whoIsOnCall', () => {
  it('lists every schedule, reading a local --at on each schedule’s own clock', async () => {
    const report = await whoIsOnCall(source, undefined, parseAt('2026-03-10T09:30'))
    expect(formatWhoText(report, 'config+account')).toBe(
      [
        "On call at 2026-03-10 09:30 (each schedule's local time):",
        '  ny-days        ann (since tue 2026-03-10 09:00, until tue 2026-03-10 17:00 America/New_York)',
        '  tokyo-primary  aiko (since mon 2026-03-09 10:00, until mon 2026-03-16 10:00 Asia/Tokyo)',
        '',
      ].join('\n'),
    )
  })

  it('shows one schedule with the current shift, its layer and who is next', async () => {
    const report = await whoIsOnCall(source, 'tokyo-primary', parseAt('2026-03-16T00:59Z'))
    expect(formatWhoText(report, 'config+account')).toBe(
      [
        'tokyo-primary (TOKYO-PRIMARY) at mon 2026-03-16 09:59 Asia/Tokyo:',
        '  on call: aiko (since mon 2026-03-09 10:00, until mon 2026-03-16 10:00 Asia/Tokyo) [layer Weekly]',
        '  next:    ken (from mon 2026-03-16 10:00, until mon 2026-03-23 10:00 Asia/Tokyo)',
        '',
      ].join('\n'),
    )
  })

  it('says when the answer comes from the config alone (no token: rollout times and overrides unknown)', async () => {
    const report = await whoIsOnCall(source, 'tokyo-primary', parseAt('2026-03-16T00:59Z'))
    const alone = formatWhoText(report, 'config').trimEnd().split('\n')
    expect(alone.at(-1)).toBe(`(${basisNote('config')})`)
    expect(alone.at(-1)).toContain('Computed from the config alone')
    expect(formatWhoText(report, 'config+account')).not.toContain('config alone')
    expect(formatWhoText(report, 'account')).not.toContain('config alone')
  })

  it('says nobody in a gap and names the next person', async () => {
    // Saturday: the business-hours layer has nobody until Monday 09:00 (turn 63 since Jan 5: bob).
    const report = await whoIsOnCall(source, 'schedule:ny-days', parseAt('2026-03-07T12:00'))
    expect(report.kind === 'schedule' && report.schedule.onCall).toBe(null)
    expect(formatWhoText(report, 'config+account')).toContain('on call: nobody')
    expect(formatWhoText(report, 'config+account')).toContain('next:    bob (from mon 2026-03-09 09:00, until mon 2026-03-09 17:00 America/New_York)')
  })

  it('shows each level of a policy at one instant, with cumulative delays', async () => {
    // A local time is read in the zone of the policy's first schedule (New York): 14:00 EDT = 18:00Z.
    // 2026-01-05 → 2026-03-10 is 64 days: turn 64 (even) is ann's.
    const report = await whoIsOnCall(source, 'platform', parseAt('2026-03-10T14:00'))
    expect(formatWhoText(report, 'config+account')).toBe(
      [
        'platform (Platform) at 2026-03-10T18:00:00Z:',
        '  level 1 (after 0m):',
        '    schedule ny-days: ann (since tue 2026-03-10 09:00, until tue 2026-03-10 17:00 America/New_York)',
        '  level 2 (after 15m):',
        '    schedule tokyo-primary: aiko (since mon 2026-03-09 10:00, until mon 2026-03-16 10:00 Asia/Tokyo)',
        '    user boss',
        '  then repeats 2 time(s)',
        '',
      ].join('\n'),
    )
  })

  it('writes JSON with ISO times in each schedule’s zone', async () => {
    const report = await whoIsOnCall(source, 'ny-days', parseAt('2026-03-07T12:00:00-05:00'))
    expect(whoJson(report, 'config')).toEqual({
      at: '2026-03-07T17:00:00.000Z',
      basis: 'config',
      schedule: {
        key: 'ny-days',
        name: 'NY-DAYS',
        time_zone: 'America/New_York',
        at: '2026-03-07T12:00:00-05:00',
        on_call: null,
        next: {user: 'bob', since: '2026-03-09T09:00:00-04:00', until: '2026-03-09T17:00:00-04:00', layer: 'Days'},
      },
    })
  })

  it('looks up to 400 days around for long stretches, and says when a shift has no end', async () => {
    const solo = schedule('solo', 'UTC', [layer({users: ['sam'], turnSeconds: WEEK, rotationStart: '2026-01-01T00:00'})])
    const report = await whoIsOnCall({schedules: new Map([['solo', solo]]), escalationPolicies: new Map()}, 'solo', parseAt('2026-06-01T00:00Z'))
    expect(report.kind === 'schedule' && report.schedule.onCall).toEqual({user: 'sam', since: Date.UTC(2026, 0, 1), until: null, layer: 'Weekly'})
    expect(formatWhoText(report, 'config+account')).toContain('sam (since thu 2026-01-01 00:00, until over a year from then UTC)')
  })

  it('uses the injected shift source instead of the engine', async () => {
    const asked: string[] = []
    const live: OnCallSource = {
      ...source,
      shiftsFor: async (s, window) => {
        asked.push(s.key)
        return [{user: 'override', start: window.start + 1, end: window.end - 1, layer: 99}]
      },
    }
    const report = await whoIsOnCall(live, 'tokyo-primary', parseAt('2026-03-10T00:00Z'))
    expect(asked[0]).toBe('tokyo-primary')
    expect(report.kind === 'schedule' && report.schedule.onCall?.user).toBe('override')
    expect(report.kind === 'schedule' && report.schedule.onCall?.layer).toBe(null)
  })

  it('explains unknown and ambiguous names', async () => {
    await expect(whoIsOnCall(source, 'tokyo', parseAt('2026-03-10'))).rejects.toThrow(
      'no schedule or escalation policy named tokyo (did you mean tokyo-primary?)',
    )
    const both: OnCallSource = {...source, schedules: new Map([...source.schedules, ['platform', {...tokyo, key: 'platform'}]])}
    await expect(whoIsOnCall(both, 'platform', parseAt('2026-03-10'))).rejects.toThrow(/both a schedule and an escalation policy/)
    const bySchedule = await whoIsOnCall(both, 'schedule:platform', parseAt('2026-03-10'))
    expect(bySchedule.kind).toBe('schedule')
    const byPolicy = await whoIsOnCall(both, 'policy:platform', parseAt('2026-03-10'))
    expect(byPolicy.kind).toBe('policy')
  })
})
