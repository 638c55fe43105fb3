/**
 * PagerDuty REST v3 (shift-based schedule) wire objects: only the fields `oncall` uses, shapes
 * from the spec (ScheduleResponse, Rotation, Event). Like dto.ts, snake_case and PagerDuty's own
 * JSON; only src/providers/pagerduty maps them to and from the model.
 */
import type {PdReference} from '../dto.js'

/** `{date_time, time_zone}`: an instant plus the zone whose wall clock the event follows. */
export interface PdZonedDateTime {
  readonly date_time: string
  readonly time_zone: string
}

/** `empty_member` is a slot nobody covers; the model leaves such slots out (notManaged). */
export type PdEventMember = {readonly type: 'user_member'; readonly user_id: string} | {readonly type: 'empty_member'}

export type PdAssignmentStrategy =
  | {readonly type: 'rotating_member_assignment_strategy'; readonly shifts_per_member: number; readonly members: readonly PdEventMember[]}
  | {readonly type: 'every_member_assignment_strategy'; readonly members: readonly PdEventMember[]}

export interface PdEventV3 {
  readonly id?: string
  readonly name: string
  readonly start_time: PdZonedDateTime
  readonly end_time: PdZonedDateTime
  /** UTC instant; a past value is clamped to "now" by PagerDuty. */
  readonly effective_since: string
  readonly effective_until?: string | null
  /** One `RRULE:` line, then any `EXDATE`/`RDATE` lines. */
  readonly recurrence: readonly string[]
  readonly assignment_strategy: PdAssignmentStrategy
}

/** Rotations carry no name or settings of their own on the wire: only their events. */
export interface PdRotationV3 {
  readonly id: string
  readonly events?: readonly PdEventV3[]
}

export interface PdScheduleV3 {
  readonly id?: string
  readonly name: string
  /** Only on the full object (GET /v3/schedules/{id}), never in the list's references. */
  readonly description?: string | null
  readonly time_zone: string
  readonly teams?: readonly PdReference[]
  /** Read-only: the full object lists the live rotations with their events. */
  readonly rotations?: readonly PdRotationV3[]
  readonly escalation_policies?: readonly PdReference[]
}

/** The metadata body of POST/PUT /v3/schedules: rotations and policies are refused there. */
export interface PdScheduleV3Body {
  readonly name?: string
  readonly description?: string
  readonly time_zone?: string
  readonly teams?: readonly {readonly id: string; readonly type: 'team_reference'}[]
}
