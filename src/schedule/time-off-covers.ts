import type {Override, TimeOff} from '../model/override.js'
import type {Schedule} from '../model/schedule.js'
import {computeShifts} from './compute-shifts.js'
import {timeOffSpan} from './override-time.js'
import type {Interval} from './interval.js'

/**
 * Time off → the overrides that cover it (docs/language.md, "Time off"). Pure and deterministic:
 * for every schedule (by key) where the person is on call during the span (in the final
 * schedule, so a higher layer that already replaces them needs no cover), each such stretch
 * becomes an override for the cover: the entry's `cover`, or else the next person after them in
 * that layer's rotation who is not off too. Stretches a declared override already covers are left
 * to it. Recomputed from the rotation every time, so covers follow a rotation change.
 */
export interface CoverProblem {
  /** Index of the time-off entry. */
  readonly index: number
  readonly schedule: string
  readonly start: number
  readonly end: number
  /** `no-cover`: everyone in the rotation is off; `cover-off`: the named cover is off too. */
  readonly kind: 'no-cover' | 'cover-off'
  readonly cover: string | null
}

export interface TimeOffCovers {
  /** Sorted by schedule, start, end, user. */
  readonly covers: Override[]
  readonly problems: CoverProblem[]
}

export function timeOffCovers(
  schedules: Iterable<Schedule>,
  timeOff: readonly TimeOff[],
  declared: readonly Override[] = [],
): TimeOffCovers {
  const covers: Override[] = []
  const problems: CoverProblem[] = []
  if (timeOff.length === 0) return {covers, problems}
  const sorted = [...schedules].sort((a, b) => cmp(a.key, b.key))
  for (const schedule of sorted) {
    const offSpans = timeOff.map((t) => ({user: t.user, span: timeOffSpan(t, schedule.timeZone)}))
    const isOff = (email: string, piece: Interval) => offSpans.some((o) => o.user === email && o.span.start < piece.end && o.span.end > piece.start)
    const taken = declared.filter((o) => o.schedule === schedule.key)
    timeOff.forEach((t, index) => {
      const span = offSpans[index]?.span
      if (!span || span.end <= span.start) return
      const rendered = computeShifts(schedule, span)
      // Shift-based: rotations are concurrent, so each rotation's own shifts (a person may be in two).
      const shifts = schedule.rotations === undefined ? rendered.final : rendered.layers.flat()
      for (const shift of shifts) {
        if (shift.user !== t.user) continue
        const rotation = schedule.rotations?.[shift.layer]
        const people = rotation === undefined ? (schedule.layers[shift.layer]?.users ?? []) : [...new Set(rotation.events.flatMap((e) => e.members))]
        const mine = rotation === undefined ? taken : taken.filter((o) => o.rotation === undefined || o.rotation === rotation.name)
        for (const piece of subtract(shift, mine)) {
          const cover = t.cover ?? nextInRotation(people, t.user, (u) => isOff(u, piece))
          if (cover === undefined) {
            problems.push({index, schedule: schedule.key, ...piece, kind: 'no-cover', cover: null})
            continue
          }
          if (t.cover !== null && isOff(t.cover, piece)) problems.push({index, schedule: schedule.key, ...piece, kind: 'cover-off', cover: t.cover})
          covers.push({
            schedule: schedule.key,
            user: cover,
            ...piece,
            note: t.note,
            origin: {kind: 'time_off', index, replaces: t.user},
            ...(rotation === undefined ? {} : {rotation: rotation.name}),
          })
        }
      }
    })
  }
  covers.sort((a, b) => cmp(a.schedule, b.schedule) || a.start - b.start || a.end - b.end || cmp(a.user, b.user))
  return {covers, problems}
}

/** The people after `off` in rotation order (cyclic, from their first turn), skipping `off` and anyone else off. */
function nextInRotation(users: readonly string[], off: string, isOff: (email: string) => boolean): string | undefined {
  const at = users.indexOf(off)
  for (let i = 1; i <= users.length; i++) {
    const candidate = users[(at + i) % users.length] as string
    if (candidate !== off && !isOff(candidate)) return candidate
  }
  return undefined
}

/** `shift` minus the spans of declared overrides (they already decide who is on call there). */
function subtract(shift: Interval, overrides: readonly Interval[]): Interval[] {
  let pieces: Interval[] = [{start: shift.start, end: shift.end}]
  for (const o of overrides) {
    pieces = pieces.flatMap((p) => {
      if (o.end <= p.start || o.start >= p.end) return [p]
      const out: Interval[] = []
      if (o.start > p.start) out.push({start: p.start, end: o.start})
      if (o.end < p.end) out.push({start: o.end, end: p.end})
      return out
    })
  }
  return pieces
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
