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
  layers: WrittenLayer[]
  rules?: WrittenScheduleRules
  holidays?: WrittenHolidays
}

export type WrittenTarget = {schedule: string} | {user: string}

export interface WrittenEscalationRule {
  delay: string
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
}

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
}
