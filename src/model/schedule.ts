import type {LocalDateTime, TimeOfDay, Weekday} from './time.js'

/**
 * A restriction hides time from a layer; it never pauses or stretches the rotation.
 * `daily`: every day from `start` for `durationMinutes` (may cross midnight).
 * `weekly`: from `startDay` at `start` for `durationMinutes` (may span days and the week boundary).
 */
export type Restriction =
  | {readonly kind: 'daily'; readonly start: TimeOfDay; readonly durationMinutes: number}
  | {readonly kind: 'weekly'; readonly startDay: Weekday; readonly start: TimeOfDay; readonly durationMinutes: number}

/**
 * One rotation layer, in the order written in YAML: index 0 is the lowest layer; a later
 * layer wins where it has someone on call (PagerDuty's precedence).
 *
 * Turn k covers [rotationStart + k·turn, rotationStart + (k+1)·turn) on the schedule's local
 * wall clock and belongs to users[k mod n]. The layer counts only within [start, end).
 */
export interface ScheduleLayer {
  readonly name: string
  /** Emails, in rotation order; a user may appear more than once. */
  readonly users: readonly string[]
  /** Turn length in seconds (3600 .. 365 days). */
  readonly turnSeconds: number
  /** Local date-time in the schedule's zone at which users[0]'s turn begins (PD's rotation_virtual_start). */
  readonly rotationStart: LocalDateTime
  /** Local date-time from which the layer counts. */
  readonly start: LocalDateTime
  /** Local date-time at which the layer stops counting, or null for never. */
  readonly end: LocalDateTime | null
  readonly restrictions: readonly Restriction[]
  /**
   * When a change of this layer's rotation takes effect on an account whose layer is running
   * (docs/language.md, "Rolling out a rotation change"). Absent = `next_handoff`. Only the
   * desired state carries it; the plan turns it into layer start/end times.
   */
  readonly rollout?: Rollout
}

/** `next_handoff`: at the live rotation's next turn boundary; `at`: a local date-time in the schedule's zone. */
export type Rollout =
  | {readonly kind: 'next_handoff'}
  | {readonly kind: 'immediate'}
  | {readonly kind: 'at'; readonly at: LocalDateTime}

export interface Schedule {
  readonly key: string
  readonly name: string
  readonly description: string
  /** Canonical IANA zone name (aliases resolved). */
  readonly timeZone: string
  /** Team keys, sorted. */
  readonly teams: readonly string[]
  /** Layers of a layer-based schedule; empty for a shift-based one. */
  readonly layers: readonly ScheduleLayer[]
  /**
   * Present exactly when the schedule is shift-based (PagerDuty REST v3): concurrent rotations
   * of recurring events (docs/shift-based-schedules.md). Absent for layer-based schedules.
   */
  readonly rotations?: readonly ShiftRotation[]
}

/** A rotation of a shift-based schedule. Rotations are concurrent: v3 has no layer precedence. */
export interface ShiftRotation {
  readonly name: string
  /** At most 5, and their shifts never overlap (PagerDuty's constraints). */
  readonly events: readonly ShiftEvent[]
}

/**
 * A recurring wall-clock window and who covers it. `start`/`end` are the first occurrence's
 * bounds in `timeZone`; every occurrence has the same wall-clock length. Members take turns of
 * `shiftsPerMember` occurrences (counted from `start`), or all are on at once.
 */
export interface ShiftEvent {
  readonly name: string
  readonly timeZone: string
  readonly start: LocalDateTime
  readonly end: LocalDateTime
  /** RFC 5545 lines: one `RRULE:…`, then any `EXDATE…`/`RDATE…`. */
  readonly recurrence: readonly string[]
  /** Emails in rotation order. */
  readonly members: readonly string[]
  readonly assignment: {readonly kind: 'rotating'; readonly shiftsPerMember: number} | {readonly kind: 'every'}
  /** Local date-time in `timeZone` from which the event produces shifts; null = from `start`. */
  readonly effectiveFrom: LocalDateTime | null
  /** Local date-time in `timeZone` at which it stops; null = never. */
  readonly effectiveUntil: LocalDateTime | null
  /**
   * When a change of this event takes effect while it runs (plan/shift-rollout.ts); `at` is a
   * local date-time in `timeZone`. Absent = `next_handoff`. Only the desired state carries it.
   */
  readonly rollout?: Rollout
}
