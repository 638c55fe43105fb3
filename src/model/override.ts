import type {LocalDateTime} from './time.js'

/**
 * Overrides as code (docs/language.md, "Overrides and time off"). An override puts one person on
 * call for one schedule in [start, end), above every layer (PagerDuty's override layer).
 * Instants are epoch ms: an override written with an offset and one written in the schedule's
 * zone are the same value when they mean the same instant, which is how they match live ones.
 */
export interface Override {
  /** Schedule key. */
  readonly schedule: string
  /** Lower-cased email of the person on call instead. */
  readonly user: string
  /** Inclusive start, epoch ms. */
  readonly start: number
  /** Exclusive end, epoch ms. */
  readonly end: number
  readonly note: string | null
  readonly origin: OverrideOrigin
  /**
   * Shift-based schedules only: the rotation (by name) whose shifts the override takes
   * (schedule/v3/rotation-overrides.ts). Declared: as written in `rotation:`, absent when the
   * span touches one rotation only. Time-off covers: the rotation of the covered shift.
   */
  readonly rotation?: string
  /** Shift-based schedules, declared only: the member whose shifts it takes (`replaces:`); absent = everyone on call in the span. */
  readonly overridden?: string
}

/**
 * `declared`: written in `overrides:` (index into the joined list). `time_off`: computed from a
 * `time_off:` entry (index into that list) to cover `replaces`, who is off.
 */
export type OverrideOrigin =
  | {readonly kind: 'declared'; readonly index: number}
  | {readonly kind: 'time_off'; readonly index: number; readonly replaces: string}

/** A span in which a person is not available for on-call. */
export interface TimeOff {
  /** Lower-cased email. */
  readonly user: string
  /** Local date-time, inclusive (a written date is its midnight). */
  readonly from: LocalDateTime
  /** Local date-time, exclusive (a written date `to` is the midnight after it). */
  readonly to: LocalDateTime
  /** Zone of from/to; null = each schedule's own zone. */
  readonly timeZone: string | null
  /** Lower-cased email of who covers, or null for the next person in the rotation. */
  readonly cover: string | null
  readonly note: string | null
}
