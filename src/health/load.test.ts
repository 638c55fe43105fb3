import {describe, expect, it} from 'vitest'
import {holidayIntervals} from './public-holidays.js'
import {scheduleLoad, totalsByPerson, type OnCallSpan, type ScheduleShifts} from './load.js'

const H = 3_600_000
const at = (iso: string) => Date.parse(iso)
const span = (user: string, start: string, end: string): OnCallSpan => ({user, start: at(start), end: at(end)})
const WINDOW_2026 = {start: at('2026-01-01T00:00:00Z'), end: at('2027-01-01T00:00:00Z')}

function input(timeZone: string, shifts: OnCallSpan[], holidays: ScheduleShifts['holidays'] = []): ScheduleShifts {
  return {schedule: 's', timeZone, teams: [], shifts, holidays}
}

describe('scheduleLoad', () => {
  it('counts a DST week in Berlin: 169 real hours, 7 days on the wall clock, a 10-hour night and a 49-hour weekend', () => {
    // Mon 2026-10-19 10:00 CEST (08:00Z) to Mon 2026-10-26 10:00 CET (09:00Z); clocks go back Sun 25 Oct 03:00 → 02:00.
    const load = scheduleLoad(input('Europe/Berlin', [span('ken', '2026-10-19T08:00:00Z', '2026-10-26T09:00:00Z')]), {
      window: WINDOW_2026,
      userZones: new Map(),
    })
    const ken = load.people[0]!
    expect(ken.onCallMs).toBe(169 * H)
    expect(ken.longestStreak?.days).toBe(7)
    // Seven nights 22:00–07:00: six of 9 h and the night of the change (Sat 24 → Sun 25) of 10 h.
    expect(ken.nightMs).toBe(64 * H)
    // Sat 24 00:00 CEST (Fri 22:00Z) to Mon 26 00:00 CET (Sun 23:00Z).
    expect(ken.weekendMs).toBe(49 * H)
    expect(ken.shifts).toBe(1)
    expect(ken.share).toBe(1)
    // Without overlap: the weekend's 49 h, the five weeknights (Mon–Thu nights 9 h, Fri 22:00–24:00 2 h,
    // Mon 26 00:00–07:00 7 h = 45 h), and the rest is day.
    expect(ken.breakdown).toEqual({holidayMs: 0, weekendMs: 49 * H, nightMs: 45 * H, dayMs: 75 * H})
  })

  it('counts nights and weekends on the person’s own clock, not the schedule’s', () => {
    // Tokyo 09:00–21:00 is London 00:00–12:00 in January (UTC+0): no night in Tokyo, 7 h of night in London.
    const day = [span('aiko', '2026-01-12T00:00:00Z', '2026-01-12T12:00:00Z'), span('emma', '2026-01-13T00:00:00Z', '2026-01-13T12:00:00Z')]
    // Fri 20:00Z–Sat 02:00Z: London has 2 h of Saturday, Tokyo (Sat 05:00–11:00) 6 h.
    const weekend = [span('aiko', '2026-01-16T20:00:00Z', '2026-01-17T02:00:00Z'), span('emma', '2026-01-23T20:00:00Z', '2026-01-24T02:00:00Z')]
    const load = scheduleLoad(input('Asia/Tokyo', [...day, ...weekend]), {window: WINDOW_2026, userZones: new Map([['emma', 'Europe/London']])})
    const [aiko, emma] = load.people
    // Aiko's Saturday 05:00–07:00 in Tokyo is night: 2 h.
    expect(aiko).toMatchObject({user: 'aiko', timeZone: 'Asia/Tokyo', nightMs: 2 * H, weekendMs: 6 * H})
    // Emma's Friday 20:00–22:00 is evening; 22:00–02:00 is night (4 h) on top of the 7 h.
    expect(emma).toMatchObject({user: 'emma', timeZone: 'Europe/London', nightMs: 11 * H, weekendMs: 2 * H})
    expect(load.nightMs).toBe(13 * H)
    expect(emma?.nightShare).toBe(11 / 13)
    expect(aiko?.weekendShare).toBe(0.75)
  })

  it('charges the hours of a Japanese public holiday from date-holidays', () => {
    // Sun 2026-05-03 12:00 JST → Mon 05-04 12:00 JST: 12 h of Constitution Day and 12 h of Greenery Day.
    const window = {start: at('2026-04-27T00:00:00Z'), end: at('2026-05-11T00:00:00Z')}
    const holidays = holidayIntervals({country: 'JP'}, window)
    expect(holidays.map((h) => new Date(h.start).toISOString())).toEqual([
      '2026-04-28T15:00:00.000Z', // 昭和の日 29 Apr
      '2026-05-02T15:00:00.000Z', // 憲法記念日 3 May
      '2026-05-03T15:00:00.000Z', // みどりの日 4 May
      '2026-05-04T15:00:00.000Z', // こどもの日 5 May
      '2026-05-05T15:00:00.000Z', // 振替休日 6 May
    ])
    const shifts = [span('aiko', '2026-05-03T03:00:00Z', '2026-05-04T03:00:00Z'), span('ken', '2026-05-04T03:00:00Z', '2026-05-07T03:00:00Z')]
    const load = scheduleLoad(input('Asia/Tokyo', shifts, holidays), {window, userZones: new Map()})
    expect(load.people.map((p) => [p.user, p.holidayMs / H])).toEqual([
      ['aiko', 24],
      ['ken', 12 + 24 + 24], // rest of the 4th, the 5th and the 6th
    ])
    expect(load.people[0]?.holidayShare).toBe(24 / 84)
    // Without a calendar nobody has holiday hours.
    expect(scheduleLoad(input('Asia/Tokyo', shifts), {window, userZones: new Map()}).holidayMs).toBe(0)
  })

  it('joins adjacent turns of one person into one streak and clips to the window', () => {
    const shifts = [
      span('ken', '2026-03-02T01:00:00Z', '2026-03-09T01:00:00Z'),
      span('ken', '2026-03-09T01:00:00Z', '2026-03-16T01:00:00Z'),
      span('aiko', '2026-03-16T01:00:00Z', '2026-03-23T01:00:00Z'),
    ]
    const window = {start: at('2026-03-02T01:00:00Z'), end: at('2026-03-20T01:00:00Z')}
    const load = scheduleLoad(input('Asia/Tokyo', shifts), {window, userZones: new Map()})
    expect(load.people.map((p) => [p.user, p.shifts, p.longestStreak?.days, p.onCallMs / H])).toEqual([
      ['aiko', 1, 4, 96],
      ['ken', 1, 14, 336],
    ])
    expect(load.people[1]?.share).toBe(336 / 432)
  })

  it('sums a person over schedules, keeping each schedule’s share', () => {
    const window = {start: at('2026-03-02T00:00:00Z'), end: at('2026-03-04T00:00:00Z')}
    const a = scheduleLoad({...input('UTC', [span('ken', '2026-03-02T00:00:00Z', '2026-03-03T00:00:00Z'), span('aiko', '2026-03-03T00:00:00Z', '2026-03-04T00:00:00Z')]), schedule: 'a'}, {window, userZones: new Map()})
    const b = scheduleLoad({...input('UTC', [span('ken', '2026-03-02T00:00:00Z', '2026-03-04T00:00:00Z')]), schedule: 'b'}, {window, userZones: new Map()})
    expect(totalsByPerson([a, b])).toEqual([
      {user: 'aiko', onCallMs: 24 * H, shifts: 1, nightMs: 9 * H, weekendMs: 0, holidayMs: 0, longestStreakDays: 1, shares: {a: 0.5}, breakdown: {dayMs: 15 * H, nightMs: 9 * H, weekendMs: 0, holidayMs: 0}},
      {user: 'ken', onCallMs: 72 * H, shifts: 2, nightMs: 9 * H + 18 * H, weekendMs: 0, holidayMs: 0, longestStreakDays: 2, shares: {a: 0.5, b: 1}, breakdown: {dayMs: 45 * H, nightMs: 27 * H, weekendMs: 0, holidayMs: 0}},
    ])
  })
})
