/**
 * PagerDuty REST API v2 wire objects, as read from and written to the API: only the fields
 * `oncall` uses (shapes from the saved spec, see notes/pagerduty-api.md §3). Everything here is
 * snake_case because it is PagerDuty's JSON, never our model: the mapping to and from the
 * canonical model lives next to the resource adapters, and nothing outside src/providers/pagerduty
 * (and the sandbox, which speaks the same wire format) should import these types.
 *
 * Conventions (DevDocs "Types"): any field may be null unless required; arrays are never null.
 * Fields the API fills in (ids, references' summary/self/html_url) are optional so the same types
 * describe request bodies.
 */

/** `{id, type}` plus the read-only decorations PagerDuty adds. Only id and type matter in requests. */
import type {UserRole} from '../../model/user.js'
import type {PdScheduleV3} from './v3/dto-v3.js'

export interface PdReference {
  readonly id: string
  /** e.g. `user_reference`, `schedule_reference`, `team_reference`, `escalation_policy_reference`. */
  readonly type: string
  readonly summary?: string | null
  readonly self?: string | null
  readonly html_url?: string | null
}

/** PagerDuty account roles: the model's user roles are exactly these (src/model/user.ts). */
export type PdUserRole = UserRole

export interface PdUser {
  readonly id?: string
  readonly type: 'user'
  readonly name: string
  readonly email: string
  /** tzinfo zone name. */
  readonly time_zone?: string | null
  readonly role?: PdUserRole | string | null
  readonly description?: string | null
  /** Read-only on the user: membership is managed through the team endpoints. */
  readonly teams?: readonly PdReference[]
}

export interface PdTeam {
  readonly id?: string
  readonly type: 'team'
  readonly name: string
  readonly description?: string | null
  readonly default_role?: 'manager' | 'none' | null
}

export const PD_TEAM_ROLES = ['observer', 'responder', 'manager'] as const
export type PdTeamRole = (typeof PD_TEAM_ROLES)[number]

/** One item of `GET /teams/{id}/members` (`{members: [...]}`). */
export interface PdTeamMember {
  readonly user: PdReference
  readonly role: PdTeamRole | string
}

export type PdRestriction =
  | {
      readonly type: 'daily_restriction'
      /** `HH:mm:ss` in the schedule's zone. */
      readonly start_time_of_day: string
      readonly duration_seconds: number
      readonly start_day_of_week?: null
    }
  | {
      readonly type: 'weekly_restriction'
      readonly start_time_of_day: string
      readonly duration_seconds: number
      /** ISO weekday, 1 = Monday. */
      readonly start_day_of_week: number
    }

export interface PdScheduleLayerUser {
  readonly user: PdReference
}

export interface PdScheduleLayer {
  /** Omit to create a layer; send it to update that layer. */
  readonly id?: string
  readonly name?: string | null
  /** ISO 8601 with offset; the value read back is server-controlled. */
  readonly start: string
  /** null = never ends. Removed layers are ended, not deleted, by PagerDuty. */
  readonly end?: string | null
  readonly rotation_virtual_start: string
  readonly rotation_turn_length_seconds: number
  /** Ordered: rotation order. */
  readonly users: readonly PdScheduleLayerUser[]
  readonly restrictions?: readonly PdRestriction[]
}

export interface PdSchedule {
  readonly id?: string
  readonly type: 'schedule'
  readonly name: string
  readonly description?: string | null
  /** activesupport/IANA zone name. */
  readonly time_zone: string
  /** Present on list reads only with include[]=schedule_layers. PagerDuty returns them in reverse order. */
  readonly schedule_layers: readonly PdScheduleLayer[]
  /** readOnly in the spec, but the API accepts it on create/update (terraform sends it). */
  readonly teams?: readonly PdReference[]
  /** Read-only: policies that target this schedule. */
  readonly escalation_policies?: readonly PdReference[]
}

/** Escalation targets: the spec also allows `user`/`schedule` (full objects) and `schedule_v3_reference`. */
export interface PdTarget {
  readonly id: string
  readonly type: 'user_reference' | 'schedule_reference' | 'user' | 'schedule' | 'schedule_v3_reference' | string
  readonly summary?: string | null
}

export interface PdEscalationRule {
  /** Read-only. */
  readonly id?: string
  readonly escalation_delay_in_minutes: number
  /** 1..10 targets. */
  readonly targets: readonly PdTarget[]
  /** Typed as a string enum but the spec example is an array of objects (quirk): keep it opaque. */
  readonly escalation_rule_assignment_strategy?: unknown
}

export interface PdEscalationPolicy {
  readonly id?: string
  readonly type: 'escalation_policy'
  readonly name: string
  readonly description?: string | null
  readonly num_loops?: number | null
  readonly on_call_handoff_notifications?: 'if_has_services' | 'always' | null
  readonly escalation_rules: readonly PdEscalationRule[]
  /** At most one team. */
  readonly teams?: readonly PdReference[]
  /** Read-only. */
  readonly services?: readonly PdReference[]
}

export type PdUrgency = 'high' | 'low' | 'severity_based'

export interface PdConstantUrgencyRule {
  readonly type: 'constant'
  readonly urgency: PdUrgency | string
}

export type PdIncidentUrgencyRule =
  | PdConstantUrgencyRule
  | {
      readonly type: 'use_support_hours'
      readonly urgency?: null
      readonly during_support_hours: PdConstantUrgencyRule
      readonly outside_support_hours: PdConstantUrgencyRule
    }

export interface PdSupportHours {
  readonly type: 'fixed_time_per_day'
  readonly time_zone: string
  /** ISO weekdays 1..7 (readOnly in the spec, a quirk: the API takes it). */
  readonly days_of_week: readonly number[]
  /** `HH:mm:ss`. */
  readonly start_time: string
  readonly end_time: string
}

export interface PdScheduledAction {
  readonly type: 'urgency_change'
  readonly at: {readonly type: 'named_time'; readonly name: 'support_hours_start' | 'support_hours_end' | string}
  readonly to_urgency: PdUrgency | string
}

export interface PdAlertGroupingParameters {
  readonly type: 'time' | 'intelligent' | 'content_based' | null
  readonly config?: {
    /** time: minutes 1..1440, 0 = until resolved. */
    readonly timeout?: number | null
    /** intelligent / content_based: seconds. */
    readonly time_window?: number | null
    readonly aggregate?: 'all' | 'any' | null
    readonly fields?: readonly string[] | null
  } | null
}

export interface PdService {
  readonly id?: string
  readonly type: 'service'
  readonly name: string
  readonly description?: string | null
  readonly escalation_policy: PdReference
  /** Read-only: follows the escalation policy's team. */
  readonly teams?: readonly PdReference[]
  /** Seconds; null or 0 = disabled. */
  readonly acknowledgement_timeout?: number | null
  /** Seconds; null or 0 = disabled. */
  readonly auto_resolve_timeout?: number | null
  readonly status?: 'active' | 'warning' | 'critical' | 'maintenance' | 'disabled' | string
  readonly incident_urgency_rule?: PdIncidentUrgencyRule | null
  readonly support_hours?: PdSupportHours | null
  readonly scheduled_actions?: readonly PdScheduledAction[]
  readonly alert_grouping_parameters?: PdAlertGroupingParameters | null
  /** Returned by GET /services only with include[]=auto_pause_notifications_parameters. */
  readonly auto_pause_notifications_parameters?: PdAutoPauseNotificationsParameters | null
}

export interface PdAutoPauseNotificationsParameters {
  readonly enabled?: boolean | null
  /** Seconds: 0 (PagerDuty picks its recommended timeout), 120, 180, 300, 600 or 900. */
  readonly timeout?: number | null
  /** Read-only. */
  readonly recommended_timeout?: number | null
}

/** Classic offset pagination envelope: `{<plural>: T[], limit, offset, more, total}`. */
export interface PdPage {
  readonly limit?: number
  readonly offset?: number
  readonly more?: boolean
  /** null unless the request asked for total=true. */
  readonly total?: number | null
}

/** PagerDuty's error body (all 4xx/429 responses). */
export interface PdErrorBody {
  readonly error?: {
    readonly message?: string
    readonly code?: number
    readonly errors?: readonly string[]
  }
}

/** Objects read from the API have ids. */
export type Read<T extends {readonly id?: string}> = T & {readonly id: string}

/**
 * The whole raw account state as read by `readAccount`: PagerDuty wire objects, no mapping.
 * `teamMembers` is keyed by team id and holds an entry only for teams whose members were read
 * (see ReadAccountOptions.membersFor).
 */
export interface RawAccount {
  readonly users: readonly Read<PdUser>[]
  readonly teams: readonly Read<PdTeam>[]
  readonly teamMembers: ReadonlyMap<string, readonly PdTeamMember[]>
  readonly schedules: readonly Read<PdSchedule>[]
  readonly escalationPolicies: readonly Read<PdEscalationPolicy>[]
  readonly services: readonly Read<PdService>[]
  /**
   * Shift-based (REST v3) schedules, full objects (v3/read-v3-schedules.ts). Absent = not read
   * (a hand-made fixture): mapping treats it as none.
   */
  readonly v3Schedules?: readonly Read<PdScheduleV3>[]
}
