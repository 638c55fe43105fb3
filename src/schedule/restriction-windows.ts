import {unionOf, type Interval} from './interval.js'
import {DAY_MS, WEEK_MS} from './local-time.js'
import type {EngineRestriction} from './render-layers.js'
import type {ZoneClock} from './zone-clock.js'

/** Local naive 0 (1970-01-01) was a Thursday; the first Monday is 4 days later. */
const FIRST_MONDAY_MS = 4 * DAY_MS

/**
 * The instants within [from, to) that a layer's restrictions leave visible, merged and sorted.
 * Windows repeat on the schedule's local wall clock (daily at a time of day, weekly at a weekday
 * and time), so a 09:00–18:00 window stays 09:00–18:00 local across DST; both ends are read
 * with ZoneClock.toInstant. Without restrictions the whole range is visible.
 */
export function visibleWindows(
  clock: ZoneClock,
  restrictions: readonly EngineRestriction[],
  from: number,
  to: number,
): Interval[] {
  if (to <= from) return []
  if (restrictions.length === 0) return [{start: from, end: to}]
  // One day of slack on each side covers any offset difference between instant and local time.
  const localFrom = clock.toLocal(from) - DAY_MS
  const localTo = clock.toLocal(to) + DAY_MS
  const windows: Interval[] = []
  for (const r of restrictions) {
    const durationMs = r.durationSeconds * 1000
    if (durationMs <= 0) continue
    let period: number
    let phase: number
    if (r.kind === 'daily') {
      period = DAY_MS
      phase = r.startSecondOfDay * 1000
    } else {
      if (r.startDay === undefined) throw new Error('a weekly restriction needs startDay')
      period = WEEK_MS
      phase = FIRST_MONDAY_MS + (r.startDay - 1) * DAY_MS + r.startSecondOfDay * 1000
    }
    const first = Math.floor((localFrom - durationMs - phase) / period)
    const last = Math.floor((localTo - phase) / period)
    for (let m = first; m <= last; m++) {
      const localStart = phase + m * period
      const start = Math.max(clock.toInstant(localStart), from)
      const end = Math.min(clock.toInstant(localStart + durationMs), to)
      if (end > start) windows.push({start, end})
    }
  }
  return unionOf(windows)
}
