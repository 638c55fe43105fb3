/**
 * Types of the config exactly as users write it (one file), mirroring
 * schemas/oncall.schema.json property for property. The schema is the source of truth:
 * written.test.ts walks the schema next to a fully populated sample of these types and fails
 * when a property exists on one side only.
 */

export interface WrittenConfig {
  version?: 1
  owner?: string
  users?: WrittenUser[]
  teams?: Record<string, WrittenTeam>
  schedules?: Record<string, WrittenSchedule>
  escalation_policies?: Record<string, WrittenEscalationPolicy>
  services?: Record<string, WrittenService>
  /** Ignored by the model: a place for YAML anchors reused with aliases and `<<:` merge keys. */
  templates?: Record<string, unknown>
  /** Overrides as code (docs/language.md, "Overrides and time off"); the lists of all files are joined. */
  overrides?: WrittenOverride[]
  time_off?: WrittenTimeOff[]
  rules?: WrittenRules
}

/** A team rule's limit: the bare value (severity warning) or with a severity. */
export type WrittenLimit<T> = T | {value: T; severity?: 'error' | 'warning'}

/** The team's on-call rules for one schedule (docs/language.md, "Team rules"). */
export interface WrittenScheduleRules {
  min_people?: WrittenLimit<number>
  max_consecutive_days?: WrittenLimit<number>
  max_share?: WrittenLimit<number>
  max_nights_share?: WrittenLimit<number>
  max_weekend_share?: WrittenLimit<number>
  max_holiday_share?: WrittenLimit<number>
}

/** Top-level rules: the per-schedule ones plus those that span schedules. */
export interface WrittenRules extends WrittenScheduleRules {
  min_rest_hours?: WrittenLimit<number>
  no_double_booking?: WrittenLimit<boolean>
  nights?: {from: string; to: string}
}

export interface WrittenHolidays {
  country: string
  region?: string
}

export interface WrittenOverride {
  schedule: string
  user: string
  /** `YYYY-MM-DDTHH:MM` in the schedule's zone, or with an offset (`+09:00`, `Z`). */
  start: string
  end: string
  note?: string
  /** Shift-based schedules: the rotation (by name) whose shifts it takes; needed when the span touches several. */
  rotation?: string
  /** Shift-based schedules: the member whose shifts it takes (default: everyone the rotation has on call in the span). */
  replaces?: string
}

export interface WrittenTimeOff {
  user: string
  /** `YYYY-MM-DD` (from midnight) or `YYYY-MM-DDTHH:MM`. */
  from: string
  /** `YYYY-MM-DD` (through the end of that day) or `YYYY-MM-DDTHH:MM` (exclusive). */
  to: string
  time_zone?: string
  /** An email, or `next_in_rotation` (the default). */
  cover?: string
  note?: string
}

export type WrittenUserRole =
  | 'admin'
  | 'limited_user'
  | 'observer'
  | 'owner'
  | 'read_only_user'
  | 'restricted_access'
  | 'read_only_limited_user'
  | 'user'

export interface WrittenUser {
  email: string
  name: string
  time_zone?: string
  role?: WrittenUserRole
}

export interface WrittenTeamMember {
  user: string
  role?: 'responder' | 'manager' | 'observer'
}

export interface WrittenTeam {
  name?: string
  description?: string
  members?: WrittenTeamMember[]
  holidays?: WrittenHolidays
}

export type WrittenRestriction =
  | {daily: {from: string; to: string}}
  | {weekly: {from: string; to: string}}
  /** Monday to Friday, each day from..to: five weekly windows. */
  | {weekdays: {from: string; to: string}}

export interface WrittenLayer {
  name?: string
  users: string[]
  /** `daily`, `weekly` or a duration. */
  turn: string
  handoff?: string
  rotation_start?: string
  start?: string
  end?: string
  restrictions?: WrittenRestriction[]
  rollout?: WrittenRollout
}

/** When a rotation change of a running layer takes effect (docs/language.md, "Rolling out a rotation change"). */
export type WrittenRollout = 'next_handoff' | 'immediate' | {at: string}

export interface WrittenSchedule {
  name?: string
  description?: string
  time_zone: string
  teams?: string[]
  /** Default for the layers' `rollout`. */
  rollout?: WrittenRollout
  /** `exclusive`: overrides made outside the config are deleted by apply. */
  overrides?: 'exclusive'
  /** A layer-based schedule has layers ... */
  layers?: WrittenLayer[]
  /** ... a shift-based (REST v3) one has rotations (docs/shift-based-schedules.md); never both. */
  rotations?: WrittenRotation[]
  rules?: WrittenScheduleRules
  holidays?: WrittenHolidays
}

export interface WrittenRotation {
  name?: string
  events: WrittenShiftEvent[]
}

/** How an event repeats; each form is one RRULE (docs/shift-based-schedules.md). */
export type WrittenRepeat =
  | 'daily'
  | 'weekly'
  | 'weekdays'
  | {every_days: number}
  | {every_weeks: number; on?: string[]}
  | {rrule: string}

export interface WrittenShiftEvent {
  name?: string
  /** Defaults to the schedule's zone. */
  time_zone?: string
  start: string
  end: string
  repeat: WrittenRepeat
  members: string[]
  shifts_per_member?: number
  everyone?: boolean
  effective_from?: string
  effective_until?: string
  /** When a change takes effect on a running event (default: the schedule's `rollout`). */
  rollout?: WrittenRollout
}

export type WrittenTarget = {schedule: string} | {user: string}

export interface WrittenEscalationRule {
  delay: string
  /** Default assign_to_everyone. */
  assignment?: 'assign_to_everyone' | 'round_robin'
  targets: WrittenTarget[]
}

export interface WrittenEscalationPolicy {
  name?: string
  description?: string
  team?: string
  repeat?: number
  handoff_notifications?: 'if_has_services' | 'always'
  rules: WrittenEscalationRule[]
}

export type WrittenUrgencyLevel = 'high' | 'low' | 'severity_based'

export interface WrittenSupportHoursUrgency {
  support_hours: {time_zone: string; days: string[]; from: string; to: string}
  during?: WrittenUrgencyLevel
  outside?: WrittenUrgencyLevel
  scheduled_actions?: WrittenScheduledAction[]
}

export interface WrittenScheduledAction {
  at: 'support_hours_start' | 'support_hours_end'
  to: WrittenUrgencyLevel
}

/** `recommended`: PagerDuty picks the timeout (timeout 0). */
export type WrittenAutoPause = 'disabled' | 'recommended' | '2m' | '3m' | '5m' | '10m' | '15m'

export type WrittenAlertGrouping =
  | null
  | {type: 'time'; timeout?: string}
  | {type: 'intelligent'; window?: string}
  | {type: 'content_based'; aggregate?: 'all' | 'any'; fields: string[]; window?: string}

export interface WrittenService {
  name?: string
  description?: string
  escalation_policy: string
  team?: string
  acknowledgement_timeout?: string
  auto_resolve_timeout?: string
  urgency?: WrittenUrgencyLevel | WrittenSupportHoursUrgency
  alert_grouping?: WrittenAlertGrouping
  auto_pause_notifications?: WrittenAutoPause
}
