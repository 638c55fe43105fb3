/**
 * The team's own on-call rules (`rules:` in the config) and public-holiday calendars
 * (`holidays:`), as the health checks and the load report use them. Parsed from the config by
 * src/config/health-settings.ts; kept apart from the PagerDuty model because PagerDuty has no
 * such thing: they judge a rotation, they are never applied.
 */

export const RULE_NAMES = [
  'min_people',
  'max_consecutive_days',
  'max_share',
  'min_rest_hours',
  'no_double_booking',
  'max_nights_share',
  'max_weekend_share',
  'max_holiday_share',
] as const
export type RuleName = (typeof RULE_NAMES)[number]

export type RuleSeverity = 'error' | 'warning'

export interface RuleSetting {
  /** A number, or `true` for `no_double_booking` (false switches it off and is not stored). */
  readonly value: number
  readonly severity: RuleSeverity
  /** Where the setting was written: `rules` (top level) or `schedules.<key>.rules`. */
  readonly origin: 'config' | 'schedule'
}

export type RuleSet = Partial<Record<RuleName, RuleSetting>>

/** Nights as seconds of the local day: from 22:00 to 07:00 by default (may cross midnight). */
export interface NightHours {
  readonly fromSecond: number
  readonly toSecond: number
}

export const DEFAULT_NIGHTS: NightHours = {fromSecond: 22 * 3600, toSecond: 7 * 3600}

/** A public-holiday calendar of `date-holidays`: an ISO country code and optional region (state). */
export interface HolidayCalendar {
  readonly country: string
  readonly region?: string
}

export interface HealthSettings {
  /** Rules in effect per schedule key (the top level, with the schedule's own `rules:` winning per rule). */
  readonly rulesBySchedule: ReadonlyMap<string, RuleSet>
  /** The top-level rules (for rules that span schedules: `min_rest_hours`, `no_double_booking`). */
  readonly configRules: RuleSet
  /** Holiday calendar per schedule key (its own `holidays:`, else the first of its teams that has one). */
  readonly holidaysBySchedule: ReadonlyMap<string, HolidayCalendar>
  readonly nights: NightHours
}

export function emptyHealthSettings(): HealthSettings {
  return {rulesBySchedule: new Map(), configRules: {}, holidaysBySchedule: new Map(), nights: DEFAULT_NIGHTS}
}
