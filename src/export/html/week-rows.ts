import {DateTime} from 'luxon'
import type {Shift, TimeWindow} from '../../schedule/shift.js'

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
  const rows: WeekRow[] = []
  const todayStart = DateTime.fromISO(new Date(now).toISOString().slice(0, 10), {zone})
  const today = [todayStart.toMillis(), todayStart.plus({days: 1}).toMillis()] as const
  let week = DateTime.fromMillis(window.start, {zone}).startOf('week') // luxon weeks start on Monday
  while (week.toMillis() < window.end) {
    const next = week.plus({weeks: 1})
    const start = week.toMillis()
    const end = next.toMillis()
    const len = end - start
    const at = (ms: number): number => pct((ms - start) / len)
    const outside: [number, number][] = []
    if (window.start > start) outside.push([0, at(window.start)])
    if (window.end < end) outside.push([at(window.end), pct(1) - at(window.end)])
    const segments: WeekSegment[] = []
    for (const s of shifts) {
      const a = Math.max(s.start, start, window.start)
      const b = Math.min(s.end, end, window.end)
      if (a < b) segments.push({shift: s, left: at(a), width: pct((b - a) / len)})
    }
    rows.push({
      start,
      end,
      dayMarks: [0, 1, 2, 3, 4, 5, 6].map((d) => at(week.plus({days: d}).toMillis())),
      outside,
      segments,
      today: today[0] >= start && today[0] < end ? [at(today[0]), pct((today[1] - today[0]) / len)] : null,
    })
    week = next
  }
  return rows
}
