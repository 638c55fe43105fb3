import {unionOf, type Interval} from '../schedule/interval.js'
import {DAY_MS, isoWeekday} from '../schedule/local-time.js'
import type {TimeWindow} from '../schedule/shift.js'
import {ZoneClock} from '../schedule/zone-clock.js'
import type {NightHours} from './settings.js'

/**
 * The nights and weekends of one zone's wall clock as instant intervals covering a window, so
 * that a person's night hours are one sorted intersection. Built per (zone, window) once: a year
 * is ~365 intervals, whatever the number of shifts. A DST night is an hour shorter or longer,
 * because the clock is read in the zone (22:00 to 07:00 is 8 or 10 real hours then).
 */
export function nightIntervals(timeZone: string, window: TimeWindow, nights: NightHours): Interval[] {
  const clock = ZoneClock.of(timeZone)
  const out: Interval[] = []
  const crosses = nights.fromSecond >= nights.toSecond
  for (const day of localDays(clock, window)) {
    const from = day + nights.fromSecond * 1000
    const to = (crosses ? day + DAY_MS : day) + nights.toSecond * 1000
    out.push({start: clock.toInstant(from), end: clock.toInstant(to)})
  }
  return clip(unionOf(out), window)
}

/** Saturday 00:00 to Monday 00:00 on the zone's wall clock. */
export function weekendIntervals(timeZone: string, window: TimeWindow): Interval[] {
  const clock = ZoneClock.of(timeZone)
  const out: Interval[] = []
  for (const day of localDays(clock, window)) {
    if (isoWeekday(day) >= 6) out.push({start: clock.toInstant(day), end: clock.toInstant(day + DAY_MS)})
  }
  return clip(unionOf(out), window)
}

/** Local midnights (naive ms) from the day before the window to the day after. */
function localDays(clock: ZoneClock, window: TimeWindow): number[] {
  const first = Math.floor(clock.toLocal(window.start) / DAY_MS) - 1
  const last = Math.floor(clock.toLocal(window.end) / DAY_MS) + 1
  const days: number[] = []
  for (let d = first; d <= last; d++) days.push(d * DAY_MS)
  return days
}

function clip(intervals: readonly Interval[], window: TimeWindow): Interval[] {
  return intervals.flatMap((i) => {
    const start = Math.max(i.start, window.start)
    const end = Math.min(i.end, window.end)
    return end > start ? [{start, end}] : []
  })
}

/** Total length of the overlap of two sorted lists of disjoint intervals (linear). */
export function overlapMs(a: readonly Interval[], b: readonly Interval[]): number {
  let total = 0
  let j = 0
  for (const x of a) {
    while (j < b.length && (b[j] as Interval).end <= x.start) j++
    for (let k = j; k < b.length && (b[k] as Interval).start < x.end; k++) {
      const y = b[k] as Interval
      total += Math.min(x.end, y.end) - Math.max(x.start, y.start)
    }
  }
  return total
}

const cache = new Map<string, Interval[]>()

/** Memoised by zone, window and kind (the report and the rules ask for the same zones again and again). */
export function cachedIntervals(kind: 'nights' | 'weekends', timeZone: string, window: TimeWindow, nights: NightHours): Interval[] {
  const key = `${kind} ${timeZone} ${window.start} ${window.end} ${nights.fromSecond} ${nights.toSecond}`
  let list = cache.get(key)
  if (list === undefined) {
    list = kind === 'nights' ? nightIntervals(timeZone, window, nights) : weekendIntervals(timeZone, window)
    if (cache.size > 1000) cache.clear()
    cache.set(key, list)
  }
  return list
}
