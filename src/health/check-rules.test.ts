import {describe, expect, it} from 'vitest'
import type {EscalationPolicy} from '../model/escalation-policy.js'
import type {Schedule} from '../model/schedule.js'
import {checkRules, type RulesInput} from './check-rules.js'
import {scheduleLoad, type OnCallSpan} from './load.js'
import {holidayIntervals} from './public-holidays.js'
import {DEFAULT_NIGHTS, type RuleSet} from './settings.js'

const at = (iso: string) => Date.parse(iso)
const span = (user: string, start: string, end: string): OnCallSpan => ({user, start: at(start), end: at(end)})
const WINDOW = {start: at('2026-03-02T00:00:00Z'), end: at('2026-04-27T00:00:00Z')} // 8 weeks

function schedule(key: string, timeZone: string, users: string[]): Schedule {
  return {
    key,
    name: key,
    description: '',
    timeZone,
    teams: [],
    layers: [{name: 'Weekly', users, turnSeconds: 604_800, rotationStart: '2026-01-05T10:00', start: '2026-01-05T10:00', end: null, restrictions: []}],
  }
}

interface Case {
  schedules: {s: Schedule; shifts: OnCallSpan[]; holidays?: {country: string}}[]
  rules: RuleSet
  policies?: EscalationPolicy[]
  zones?: Map<string, string>
  window?: {start: number; end: number}
}

function run(c: Case) {
  const window = c.window ?? WINDOW
  const loads = c.schedules.map(({s, shifts, holidays}) =>
    scheduleLoad(
      {schedule: s.key, timeZone: s.timeZone, teams: [], shifts, holidays: holidays ? holidayIntervals(holidays, window) : []},
      {window, userZones: c.zones ?? new Map()},
    ),
  )
  const input: RulesInput = {
    loads,
    schedules: new Map(c.schedules.map(({s}) => [s.key, s])),
    policies: c.policies ?? [],
    settings: {rulesBySchedule: new Map(c.schedules.map(({s}) => [s.key, c.rules])), configRules: c.rules, holidaysBySchedule: new Map(), nights: DEFAULT_NIGHTS},
    window,
  }
  return checkRules(input)
}

const err = (value: number) => ({value, severity: 'error' as const, origin: 'config' as const})
const warn = (value: number) => ({value, severity: 'warning' as const, origin: 'config' as const})

describe('max_consecutive_days', () => {
  it('names the person, the schedule and the local times of two weeks in a row', () => {
    const berlin = schedule('payments', 'Europe/Berlin', ['ken@example.com', 'aiko@example.com'])
    const shifts = [
      span('ken@example.com', '2026-03-09T09:00:00Z', '2026-03-16T09:00:00Z'),
      span('ken@example.com', '2026-03-16T09:00:00Z', '2026-03-23T09:00:00Z'),
      span('aiko@example.com', '2026-03-23T09:00:00Z', '2026-03-30T08:00:00Z'),
    ]
    const breaches = run({schedules: [{s: berlin, shifts}], rules: {max_consecutive_days: err(7)}})
    expect(breaches).toEqual([
      expect.objectContaining({
        rule: 'max_consecutive_days',
        severity: 'error',
        schedule: 'payments',
        user: 'ken@example.com',
        message: 'ken@example.com is on call in schedule `payments` for 14 days without a break, mon 2026-03-09 10:00 – mon 2026-03-23 10:00 Europe/Berlin; the team\'s rule allows 7',
        site: {kind: 'layer-user', schedule: 'payments', layer: 0, index: 0},
      }),
    ])
  })

  it('counts a DST week as 7 days on the wall clock (169 real hours) and lets it pass at 7', () => {
    const berlin = schedule('payments', 'Europe/Berlin', ['ken@example.com'])
    const window = {start: at('2026-10-19T00:00:00Z'), end: at('2026-10-30T00:00:00Z')}
    const shifts = [span('ken@example.com', '2026-10-19T08:00:00Z', '2026-10-26T09:00:00Z')]
    expect(run({schedules: [{s: berlin, shifts}], rules: {max_consecutive_days: err(7)}, window})).toEqual([])
    expect(run({schedules: [{s: berlin, shifts}], rules: {max_consecutive_days: err(6.9)}, window}).map((b) => b.message)).toEqual([
      "ken@example.com is on call in schedule `payments` for 7 days without a break, mon 2026-10-19 10:00 – mon 2026-10-26 10:00 Europe/Berlin; the team's rule allows 6.9",
    ])
  })
})

describe('shares', () => {
  const tokyo = schedule('app', 'Asia/Tokyo', ['aiko@example.com', 'emma@example.com'])

  it('max_share: two of three weeks is 66.7 %, over a limit of 50 %', () => {
    const shifts = [
      span('aiko@example.com', '2026-03-02T00:00:00Z', '2026-03-09T00:00:00Z'),
      span('emma@example.com', '2026-03-09T00:00:00Z', '2026-03-16T00:00:00Z'),
      span('aiko@example.com', '2026-03-16T00:00:00Z', '2026-03-23T00:00:00Z'),
    ]
    const breaches = run({schedules: [{s: tokyo, shifts}], rules: {max_share: warn(0.5)}})
    expect(breaches.map((b) => [b.rule, b.user, b.severity])).toEqual([['max_share', 'aiko@example.com', 'warning']])
    expect(breaches[0]?.message).toBe(
      "aiko@example.com carries 66.7 % of the on-call time of schedule `app` in the 56 days from mon 2026-03-02 09:00 Asia/Tokyo; the team's rule allows 50 %",
    )
  })

  it('max_nights_share: the same hours are night for a person in London and day in Tokyo', () => {
    // Each covers Tokyo 09:00–21:00 every day of one week: never night in Tokyo, 7 h a day in London.
    const days = (user: string, first: number) =>
      Array.from({length: 7}, (_, i) => span(user, `2026-01-${String(first + i).padStart(2, '0')}T00:00:00Z`, `2026-01-${String(first + i).padStart(2, '0')}T12:00:00Z`))
    const shifts = [...days('aiko@example.com', 5), ...days('emma@example.com', 12)]
    // Add one Tokyo night for Aiko so the schedule has nights on both clocks: 22:00–07:00 JST (9 h).
    shifts.push(span('aiko@example.com', '2026-01-20T13:00:00Z', '2026-01-20T22:00:00Z'))
    const window = {start: at('2026-01-05T00:00:00Z'), end: at('2026-01-26T00:00:00Z')}
    const breaches = run({schedules: [{s: tokyo, shifts}], rules: {max_nights_share: err(0.6)}, zones: new Map([['emma@example.com', 'Europe/London']]), window})
    // Emma: 7 × 7 h = 49 h of her nights; Aiko: 9 h. 49 / 58 = 84.5 %.
    expect(breaches.map((b) => b.message)).toEqual([
      "emma@example.com carries 84.5 % of the nights of schedule `app` (counted on emma@example.com's clock, Europe/London) in the 21 days from mon 2026-01-05 09:00 Asia/Tokyo; the team's rule allows 60 %",
    ])
  })

  it('max_holiday_share: Golden Week in Japan falls to one person', () => {
    const window = {start: at('2026-04-26T15:00:00Z'), end: at('2026-05-10T15:00:00Z')} // two weeks from Mon 27 Apr JST
    const shifts = [
      span('aiko@example.com', '2026-04-26T15:00:00Z', '2026-05-03T15:00:00Z'), // 29 Apr, 3 May
      span('emma@example.com', '2026-05-03T15:00:00Z', '2026-05-10T15:00:00Z'), // 4, 5, 6 May
    ]
    const breaches = run({schedules: [{s: tokyo, shifts, holidays: {country: 'JP'}}], rules: {max_holiday_share: warn(0.5)}, window})
    expect(breaches.map((b) => [b.rule, b.user, b.message.split(' of schedule')[0]])).toEqual([
      ['max_holiday_share', 'emma@example.com', 'emma@example.com carries 60 % of the public-holiday hours'],
    ])
    // Without a calendar there are no holiday hours to share.
    expect(run({schedules: [{s: tokyo, shifts}], rules: {max_holiday_share: warn(0.5)}, window})).toEqual([])
  })
})

describe('min_rest_hours across schedules', () => {
  it('reports 8 h between the end of one schedule’s shift and the start of another’s, not a handoff between them', () => {
    const a = schedule('a', 'UTC', ['ken@example.com'])
    const b = schedule('b', 'UTC', ['ken@example.com'])
    const breaches = run({
      schedules: [
        {s: a, shifts: [span('ken@example.com', '2026-03-02T00:00:00Z', '2026-03-02T10:00:00Z'), span('ken@example.com', '2026-03-04T00:00:00Z', '2026-03-04T10:00:00Z')]},
        {s: b, shifts: [span('ken@example.com', '2026-03-02T18:00:00Z', '2026-03-03T08:00:00Z'), span('ken@example.com', '2026-03-04T10:00:00Z', '2026-03-04T12:00:00Z')]},
      ],
      rules: {min_rest_hours: err(12)},
    })
    expect(breaches.map((b) => b.message)).toEqual([
      "ken@example.com rests only 8 h between the end of a shift in `a` at mon 2026-03-02 10:00 UTC and the next in `b` at mon 2026-03-02 18:00 UTC; the team's rule asks for 12 h",
    ])
    expect(breaches[0]?.site).toEqual({kind: 'layer-user', schedule: 'b', layer: 0, index: 0})
  })
})

describe('no_double_booking', () => {
  const primary = schedule('primary', 'UTC', ['ken@example.com', 'aiko@example.com'])
  const secondary = schedule('secondary', 'UTC', ['aiko@example.com', 'ken@example.com'])
  const shifts = {
    primary: [span('ken@example.com', '2026-03-02T00:00:00Z', '2026-03-09T00:00:00Z')],
    secondary: [span('aiko@example.com', '2026-03-02T00:00:00Z', '2026-03-05T00:00:00Z'), span('ken@example.com', '2026-03-05T00:00:00Z', '2026-03-09T00:00:00Z')],
  }
  const policy = (levels: string[][]): EscalationPolicy => ({
    key: 'app',
    name: 'App',
    description: '',
    team: null,
    repeat: 0,
    handoffNotifications: 'if_has_services',
    rules: levels.map((keys) => ({delayMinutes: 15, targets: keys.map((key) => ({type: 'schedule' as const, key}))})),
  })
  const both = [
    {s: primary, shifts: shifts.primary},
    {s: secondary, shifts: shifts.secondary},
  ]

  it('finds Ken primary and secondary at once from thu 2026-03-05 00:00 and points at level 2', () => {
    const breaches = run({schedules: both, rules: {no_double_booking: err(1)}, policies: [policy([['primary'], ['secondary']])]})
    expect(breaches).toEqual([
      expect.objectContaining({
        user: 'ken@example.com',
        severity: 'error',
        message:
          'ken@example.com is on call in `primary` at level 1 of escalation policy `app` and is also on call in `secondary` at level 2 at the same time, from thu 2026-03-05 00:00 – mon 2026-03-09 00:00 UTC: an unanswered page escalates to the same person',
        site: {kind: 'policy-level', policy: 'app', level: 1},
      }),
    ])
  })

  it('accepts the same overlap when the policy lists both schedules at one level', () => {
    expect(run({schedules: both, rules: {no_double_booking: err(1)}, policies: [policy([['primary', 'secondary'], ['secondary']])]})).toEqual([])
  })
})

describe('min_people', () => {
  it('counts different people, not entries', () => {
    const s = schedule('app', 'UTC', ['ken@example.com', 'aiko@example.com', 'ken@example.com'])
    const breaches = run({schedules: [{s, shifts: []}], rules: {min_people: warn(3)}})
    expect(breaches.map((b) => [b.message, b.site])).toEqual([
      ["layer 1 (Weekly) of schedule `app` rotates 2 people; the team's rule asks for at least 3", {kind: 'layer', schedule: 'app', layer: 0}],
    ])
    expect(run({schedules: [{s, shifts: []}], rules: {min_people: warn(2)}})).toEqual([])
  })
})
