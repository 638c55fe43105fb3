import type {TimeOfDay, Weekday} from './time.js'

export const URGENCIES = ['high', 'low', 'severity_based'] as const
export type Urgency = (typeof URGENCIES)[number]

export interface SupportHours {
  readonly timeZone: string
  /** ISO weekdays, sorted ascending. */
  readonly days: readonly Weekday[]
  readonly start: TimeOfDay
  readonly end: TimeOfDay
}

/** PagerDuty's scheduled action: at a support-hours boundary, open incidents change to `to`. */
export interface ScheduledAction {
  readonly at: 'support_hours_start' | 'support_hours_end'
  readonly to: Urgency
}

export type UrgencyRule =
  | {readonly kind: 'constant'; readonly urgency: Urgency}
  | {
      readonly kind: 'support_hours'
      readonly supportHours: SupportHours
      readonly during: Urgency
      readonly outside: Urgency
      /** In the account's order; they need support hours, so only this kind of rule has them. */
      readonly scheduledActions: readonly ScheduledAction[]
    }

/** Auto-pause timeouts PagerDuty accepts, in seconds. */
export const AUTO_PAUSE_SECONDS = [120, 180, 300, 600, 900] as const

export type AlertGrouping =
  | {readonly type: 'time'; /** 0 = until the incident is resolved */ readonly timeoutMinutes: number}
  | {readonly type: 'intelligent'; readonly windowMinutes: number}
  | {
      readonly type: 'content_based'
      readonly aggregate: 'all' | 'any'
      readonly fields: readonly string[]
      readonly windowMinutes: number
    }

export interface Service {
  readonly key: string
  readonly name: string
  readonly description: string
  /** Escalation policy key. */
  readonly escalationPolicy: string
  /** Seconds, or null when disabled. */
  readonly acknowledgementTimeoutSeconds: number | null
  /** Seconds, or null when disabled. */
  readonly autoResolveTimeoutSeconds: number | null
  readonly urgency: UrgencyRule
  /** null = no alert grouping. */
  readonly alertGrouping: AlertGrouping | null
  /** Auto-pause transient alerts' notifications for this many seconds (one of AUTO_PAUSE_SECONDS), or null when off. */
  readonly autoPauseSeconds: number | null
}
