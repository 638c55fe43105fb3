import {subtractIntervals as subtract, unionOf, type Interval} from '../schedule/interval.js'
import {HOUR_MS} from '../schedule/local-time.js'
import type {TimeWindow} from '../schedule/shift.js'
import {ZoneClock} from '../schedule/zone-clock.js'
import {cachedIntervals, overlapMs} from './calendar-intervals.js'
import {DEFAULT_NIGHTS, type NightHours} from './settings.js'

/**
 * On-call load: how much of whose time a schedule takes. Pure: it takes the shifts of each
 * schedule as a list (the engine's final schedule, PagerDuty's rendered one with overrides, or
 * anything else that yields who is on call when), so that overrides and time off slot in by
 * handing over other shifts, not by changing this code.
 */
export interface OnCallSpan {
  readonly user: string
  readonly start: number
  readonly end: number
}

export interface ScheduleShifts {
  readonly schedule: string
  /** The schedule's zone: streaks are counted on its wall clock. */
  readonly timeZone: string
  readonly teams: readonly string[]
  /** Who is on call when (any order; overlaps of one person count once). */
  readonly shifts: readonly OnCallSpan[]
  /** Public-holiday instants of the schedule's calendar (empty: none declared). */
  readonly holidays: readonly Interval[]
}

export interface LoadOptions {
  readonly window: TimeWindow
  /** A person's own zone (users' `time_zone`); people not in it are on the schedule's. */
  readonly userZones: ReadonlyMap<string, string>
  readonly nights?: NightHours
}

/** One person's load in one schedule. Durations in ms (renderers round to hours). */
export interface PersonLoad {
  readonly user: string
  /** The zone in which nights and weekends were counted. */
  readonly timeZone: string
  readonly onCallMs: number
  /** Stretches of uninterrupted on-call time (adjacent turns of one person are one). */
  readonly shifts: number
  readonly nightMs: number
  readonly weekendMs: number
  readonly holidayMs: number
  /** The longest stretch, and its length in days on the schedule's wall clock (a DST week is 7). */
  readonly longestStreak: {readonly start: number; readonly end: number; readonly days: number} | null
  /** onCallMs / the schedule's on-call time (0 when nobody is ever on call). */
  readonly share: number
  readonly nightShare: number
  readonly weekendShare: number
  readonly holidayShare: number
  /**
   * The same hours split without overlap, for stacked charts: holiday first, then weekend (not
   * holiday), then night (neither), then day (the rest). Sums to onCallMs.
   */
  readonly breakdown: {readonly dayMs: number; readonly nightMs: number; readonly weekendMs: number; readonly holidayMs: number}
  /** The person's merged on-call intervals (sorted): the rules read them. */
  readonly intervals: readonly Interval[]
  /**
   * Time the person is on call twice at once in this schedule: a shift-based schedule's
   * concurrent rotations (or an `everyone` event) can give one person two shifts at the same
   * time. The first such stretch and the total; null when never (always for layer schedules,
   * whose final schedule has one person at a time).
   */
  readonly doubleBooked: {readonly first: Interval; readonly ms: number} | null
}

export interface ScheduleLoad {
  readonly schedule: string
  readonly timeZone: string
  readonly teams: readonly string[]
  readonly onCallMs: number
  readonly nightMs: number
  readonly weekendMs: number
  readonly holidayMs: number
  /** Sorted by email. */
  readonly people: readonly PersonLoad[]
}

export function scheduleLoad(input: ScheduleShifts, options: LoadOptions): ScheduleLoad {
  const {window} = options
  const nights = options.nights ?? DEFAULT_NIGHTS
  const byUser = new Map<string, Interval[]>()
  for (const s of input.shifts) {
    const start = Math.max(s.start, window.start)
    const end = Math.min(s.end, window.end)
    if (end <= start) continue
    let list = byUser.get(s.user)
    if (list === undefined) byUser.set(s.user, (list = []))
    list.push({start, end})
  }
  const holidays = unionOf(input.holidays)
  const clock = ZoneClock.of(input.timeZone)
  const raw = [...byUser.keys()].sort().map((user) => {
    const intervals = unionOf(byUser.get(user) as Interval[])
    const doubleBooked = selfOverlap(byUser.get(user) as Interval[])
    const timeZone = options.userZones.get(user) ?? input.timeZone
    let onCallMs = 0
    let longest: PersonLoad['longestStreak'] = null
    for (const i of intervals) {
      onCallMs += i.end - i.start
      const days = (clock.toLocal(i.end) - clock.toLocal(i.start)) / (24 * HOUR_MS)
      if (longest === null || days > longest.days) longest = {start: i.start, end: i.end, days}
    }
    const nightList = cachedIntervals('nights', timeZone, window, nights)
    const weekendList = cachedIntervals('weekends', timeZone, window, nights)
    const holidayMs = overlapMs(intervals, holidays)
    const notHoliday = holidays.length === 0 ? intervals : subtract(intervals, holidays)
    const weekendOnly = overlapMs(notHoliday, weekendList)
    const nightOnly = overlapMs(subtract(notHoliday, weekendList), nightList)
    return {
      user,
      timeZone,
      onCallMs,
      shifts: intervals.length,
      nightMs: overlapMs(intervals, nightList),
      weekendMs: overlapMs(intervals, weekendList),
      holidayMs,
      breakdown: {holidayMs, weekendMs: weekendOnly, nightMs: nightOnly, dayMs: onCallMs - holidayMs - weekendOnly - nightOnly},
      longestStreak: longest,
      intervals,
      doubleBooked,
    }
  })
  const sum = (f: (p: (typeof raw)[number]) => number) => raw.reduce((n, p) => n + f(p), 0)
  const total = {onCallMs: sum((p) => p.onCallMs), nightMs: sum((p) => p.nightMs), weekendMs: sum((p) => p.weekendMs), holidayMs: sum((p) => p.holidayMs)}
  const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : 0)
  return {
    schedule: input.schedule,
    timeZone: input.timeZone,
    teams: input.teams,
    ...total,
    people: raw.map((p) => ({
      ...p,
      share: ratio(p.onCallMs, total.onCallMs),
      nightShare: ratio(p.nightMs, total.nightMs),
      weekendShare: ratio(p.weekendMs, total.weekendMs),
      holidayShare: ratio(p.holidayMs, total.holidayMs),
    })),
  }
}

/** Where intervals of one person overlap each other (sweep over them sorted by start). */
function selfOverlap(list: readonly Interval[]): PersonLoad['doubleBooked'] {
  // Fast path, no allocation: a layer schedule's final shifts arrive sorted and disjoint (a whole
  // organisation's year is a million intervals; the rules already sort them once in unionOf).
  let disjoint = true
  for (let k = 1; k < list.length && disjoint; k++) disjoint = (list[k] as Interval).start >= (list[k - 1] as Interval).end
  if (disjoint) return null
  const sorted = [...list].sort((a, b) => a.start - b.start || a.end - b.end)
  let reach = -Infinity
  let first: Interval | null = null
  let ms = 0
  let counted = -Infinity // overlap already counted up to here (three at once count once)
  for (const i of sorted) {
    const end = Math.min(i.end, reach)
    const start = Math.max(i.start, counted)
    if (end > start) {
      first ??= {start: i.start, end: Math.min(i.end, reach)}
      ms += end - start
      counted = end
    }
    reach = Math.max(reach, i.end)
  }
  return first === null ? null : {first, ms}
}

/** One person's figures summed over several schedules (a team, or the whole config). */
export interface PersonTotals {
  readonly user: string
  readonly onCallMs: number
  readonly shifts: number
  readonly nightMs: number
  readonly weekendMs: number
  readonly holidayMs: number
  /** The longest streak in any one of the schedules, in days. */
  readonly longestStreakDays: number
  /** Share per schedule key. */
  readonly shares: Readonly<Record<string, number>>
  /** Hours split without overlap (see PersonLoad.breakdown), summed. */
  readonly breakdown: PersonLoad['breakdown']
}

export function totalsByPerson(loads: readonly ScheduleLoad[]): PersonTotals[] {
  type Breakdown = {dayMs: number; nightMs: number; weekendMs: number; holidayMs: number}
  const out = new Map<string, {user: string; onCallMs: number; shifts: number; nightMs: number; weekendMs: number; holidayMs: number; longestStreakDays: number; shares: Record<string, number>; breakdown: Breakdown}>()
  for (const load of loads) {
    for (const p of load.people) {
      let t = out.get(p.user)
      if (t === undefined) out.set(p.user, (t = {user: p.user, onCallMs: 0, shifts: 0, nightMs: 0, weekendMs: 0, holidayMs: 0, longestStreakDays: 0, shares: {}, breakdown: {dayMs: 0, nightMs: 0, weekendMs: 0, holidayMs: 0}}))
      t.onCallMs += p.onCallMs
      t.shifts += p.shifts
      t.nightMs += p.nightMs
      t.weekendMs += p.weekendMs
      t.holidayMs += p.holidayMs
      t.longestStreakDays = Math.max(t.longestStreakDays, p.longestStreak?.days ?? 0)
      t.shares[load.schedule] = p.share
      t.breakdown.dayMs += p.breakdown.dayMs
      t.breakdown.nightMs += p.breakdown.nightMs
      t.breakdown.weekendMs += p.breakdown.weekendMs
      t.breakdown.holidayMs += p.breakdown.holidayMs
    }
  }
  return [...out.values()].sort((a, b) => (a.user < b.user ? -1 : a.user > b.user ? 1 : 0))
}
