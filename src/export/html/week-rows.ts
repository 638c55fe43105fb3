import type {Shift, TimeWindow} from '../../schedule/shift.js'
import {ZoneClock} from '../../schedule/zone-clock.js'

/** A piece of a shift inside one week row; `left`/`width` are percentages of the row. */
export interface WeekSegment {
  readonly shift: Shift
  readonly left: number
  readonly width: number
}

export interface WeekRow {
  /** Monday 00:00 in the schedule's zone. */
  readonly start: number
  readonly end: number
  /** Start of each day of the week as a percentage of the row (7 entries; DST days are 23 h or 25 h). */
  readonly dayMarks: readonly number[]
  /** Parts of the row outside the export window (nothing is known there), as [left, width] percentages. */
  readonly outside: readonly (readonly [number, number])[]
  readonly segments: readonly WeekSegment[]
  /** The export day in this row, as [left, width] percentages, if it falls in it (see `today`). */
  readonly today: readonly [number, number] | null
}

const pct = (x: number): number => Math.round(x * 100_000) / 1000

/**
 * Splits the final schedule into weeks (Monday 00:00 local in `zone`) covering `window`; shifts
 * are clipped to the window, so the picture shows exactly what the feeds promise.
 * "Today" is the UTC date of `now` as a whole local day in `zone`, not the exact instant: the
 * page must be byte-identical for every export on the same day (like the feeds' window).
 */
export function weekRows(shifts: readonly Shift[], window: TimeWindow, zone: string, now: number): WeekRow[] {
  // Wall-clock arithmetic on the engine's cached zone clock (luxon's per-call Intl offset lookups
  // were most of an export's time: eight per week per schedule).
  const clock = ZoneClock.of(zone)
  const rows: WeekRow[] = []
  const todayLocal = Math.floor(now / DAY) * DAY
  const today = [clock.toInstant(todayLocal), clock.toInstant(todayLocal + DAY)] as const
  const firstLocalDay = Math.floor(clock.toLocal(window.start) / DAY) * DAY
  let weekLocal = firstLocalDay - ((new Date(firstLocalDay).getUTCDay() + 6) % 7) * DAY // Monday 00:00
  // Shifts are sorted by start: each week looks only at those that can reach into it. `reach[i]`
  // is the latest end among shifts[0..i], so everything before `lo` ended before the week.
  const reach: number[] = []
  for (const s of shifts) reach.push(Math.max(s.end, reach[reach.length - 1] ?? -Infinity))
  let lo = 0
  for (let start = clock.toInstant(weekLocal); start < window.end; ) {
    const end = clock.toInstant(weekLocal + WEEK)
    const len = end - start
    const at = (ms: number): number => pct((ms - start) / len)
    const outside: [number, number][] = []
    if (window.start > start) outside.push([0, at(window.start)])
    if (window.end < end) outside.push([at(window.end), pct(1) - at(window.end)])
    while (lo < shifts.length && (reach[lo] as number) <= start) lo++
    const segments: WeekSegment[] = []
    for (let i = lo; i < shifts.length && (shifts[i] as Shift).start < end; i++) {
      const s = shifts[i] as Shift
      const a = Math.max(s.start, start, window.start)
      const b = Math.min(s.end, end, window.end)
      if (a < b) segments.push({shift: s, left: at(a), width: pct((b - a) / len)})
    }
    const dayStart = weekLocal
    rows.push({
      start,
      end,
      dayMarks: [0, 1, 2, 3, 4, 5, 6].map((d) => at(clock.toInstant(dayStart + d * DAY))),
      outside,
      segments,
      today: today[0] >= start && today[0] < end ? [at(today[0]), pct((today[1] - today[0]) / len)] : null,
    })
    weekLocal += WEEK
    start = end
  }
  return rows
}

const DAY = 86_400_000
const WEEK = 7 * DAY
