import type {TimeWindow} from '../shift.js'
import {ZoneClock} from '../zone-clock.js'
import {parseRecurrence, recurrenceSet, RecurrenceError, type ParsedRecurrence} from './recurrence.js'

/**
 * One event of a shift-based (v3) rotation, in engine terms: instants are epoch ms, members are
 * opaque strings (user IDs in the sandbox, emails in the config) and `null` is PagerDuty's
 * `empty_member` (a slot nobody covers).
 */
export interface EngineEvent {
  /** First occurrence's start: an instant, read on the wall clock of `timeZone`. */
  readonly start: number
  /** First occurrence's end (instant); the wall-clock distance start→end is every occurrence's length. */
  readonly end: number
  readonly timeZone: string
  readonly recurrence: readonly string[]
  readonly effectiveSince: number
  readonly effectiveUntil: number | null
  readonly strategy: EngineStrategy
}

export type EngineStrategy =
  | {readonly kind: 'rotating'; readonly shiftsPerMember: number; readonly members: readonly (string | null)[]}
  | {readonly kind: 'every'; readonly members: readonly (string | null)[]}

/** One occurrence of an event: `index` counts the recurrence set from start_time (0 = first). */
export interface Occurrence {
  readonly index: number
  readonly start: number
  readonly end: number
}

export interface EventShift {
  readonly member: string
  readonly start: number
  readonly end: number
}

/**
 * Reads an event's recurrence once; occurrences() and shifts() may then be asked for many windows.
 *
 * Semantics the spec leaves open (also in docs/shift-based-schedules.md, "Engine semantics"):
 *
 * 1. Alignment. The member rotation counts occurrences from `start_time` (the RRULE's DTSTART),
 *    not from `effective_since`: occurrence k goes to member ⌊k / shifts_per_member⌋ mod n. So who
 *    covers an occurrence is a function of the event's pattern alone, and PagerDuty clamping a
 *    past `effective_since` to "now" (or a tool choosing the next handoff) never reshuffles the
 *    rotation. EXDATEs remove occurrences before counting (an excluded day does not use up a
 *    turn); RDATEs join the count in time order.
 * 2. Effective range. `[effective_since, effective_until)` clips occurrences: one that straddles
 *    a bound is cut at it (a partial shift), it is not dropped or stretched.
 * 3. DST. Both ends of every occurrence are wall-clock times of the event's zone: start = the
 *    RRULE's wall-clock occurrence, end = start + the wall-clock length of the first occurrence
 *    (so 09:00–17:00 stays 09:00–17:00 all year and a 24-hour day event lasts 23 or 25 hours on
 *    switch days). A wall-clock time that does not exist (spring forward) moves forward by the
 *    gap; one that occurs twice (fall back) takes the earlier instant — the same rule as layer
 *    schedules (ZoneClock). For events shorter than a day this means an occurrence crossing the
 *    switch gets longer or shorter by the DST step, and one whose start lies in the skipped hour
 *    starts one hour later; if its end would then not be after its start (both in the gap) it
 *    keeps its elapsed length. No occurrence disappears or becomes empty.
 */
export class EventExpander {
  private readonly clock: ZoneClock
  private readonly startLocal: number
  private readonly lengthLocal: number
  private readonly parsed: ParsedRecurrence

  constructor(readonly event: EngineEvent) {
    this.clock = ZoneClock.of(event.timeZone)
    this.startLocal = this.clock.toLocal(event.start)
    this.lengthLocal = this.clock.toLocal(event.end) - this.startLocal
    if (this.lengthLocal <= 0) throw new RecurrenceError('end_time must be after start_time')
    this.parsed = parseRecurrence(event.recurrence, event.timeZone)
  }

  /** Occurrences (clipped to the effective range) that overlap `window`, in time order. */
  occurrences(window: TimeWindow): Occurrence[] {
    const from = Math.max(window.start, this.event.effectiveSince)
    const to = Math.min(window.end, this.event.effectiveUntil ?? Number.POSITIVE_INFINITY)
    if (to <= from) return []
    // Occurrence starts are local naive times; an instant is at most a day away from its local
    // reading, so 2 days of margin on the local side catch every occurrence overlapping [from, to).
    const lastLocal = this.clock.toLocal(to) + 2 * DAY
    const set = recurrenceSet(this.parsed, this.startLocal)
    const out: Occurrence[] = []
    let index = 0
    set.all((date) => {
      const local = date.getTime()
      if (local > lastLocal) return false
      const start = this.clock.toInstant(local)
      let end = this.clock.toInstant(local + this.lengthLocal)
      // Start and end both in one spring-forward gap read as the same instant: keep the length.
      if (end <= start) end = start + this.lengthLocal
      const s = Math.max(start, from)
      const e = Math.min(end, to)
      if (e > s) out.push({index, start: s, end: e})
      index++
      return true
    })
    return out
  }

  /** Who is on call from this event in `window`: one entry per member and occurrence. */
  shifts(window: TimeWindow): EventShift[] {
    const {strategy} = this.event
    const out: EventShift[] = []
    for (const o of this.occurrences(window)) {
      const members =
        strategy.kind === 'every'
          ? strategy.members
          : [strategy.members[Math.floor(o.index / strategy.shiftsPerMember) % strategy.members.length]]
      for (const m of members) if (m !== null && m !== undefined) out.push({member: m, start: o.start, end: o.end})
    }
    return out
  }
}

const DAY = 86_400_000

/** How far eventsOverlap looks: every pattern PagerDuty's editor can write repeats within a year. */
const OVERLAP_HORIZON = 400 * DAY

/**
 * "Events within a rotation cannot overlap" (createEvent), read as: no shift of one intersects a
 * shift of the other while both are effective. Checked over the first 400 days of their common
 * effective range. Used by validate and by the sandbox, so both refuse the same events.
 */
export function eventsOverlap(a: EngineEvent, b: EngineEvent): boolean {
  const from = Math.max(a.effectiveSince, b.effectiveSince)
  const to = Math.min(a.effectiveUntil ?? Number.POSITIVE_INFINITY, b.effectiveUntil ?? Number.POSITIVE_INFINITY, from + OVERLAP_HORIZON)
  if (to <= from) return false
  const x = new EventExpander(a).occurrences({start: from, end: to})
  const y = new EventExpander(b).occurrences({start: from, end: to})
  let j = 0
  for (const o of x) {
    while (j < y.length && (y[j] as Occurrence).end <= o.start) j++
    if (j < y.length && (y[j] as Occurrence).start < o.end) return true
  }
  return false
}
