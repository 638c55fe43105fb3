import type {AlertGrouping, Service, Urgency, UrgencyRule} from '../../../model/service.js'
import {URGENCIES} from '../../../model/service.js'
import type {Weekday} from '../../../model/time.js'
import type {PdAlertGroupingParameters, PdService, PdSupportHours, Read} from '../dto.js'
import {parseDescription} from '../ownership.js'
import type {FromPdContext} from './from-pd-context.js'
import {canonicalTimeZone} from './time-zone.js'
import {timeOfDayFromPd} from './wall-clock.js'

/**
 * A service in the model. PagerDuty writes "disabled" timeouts as null or 0 (both read as null),
 * omits the urgency rule on some objects (constant high, the API default), and has both the
 * current `alert_grouping_parameters` and the legacy `alert_grouping`/`alert_grouping_timeout`.
 */
export function serviceFromPd(raw: Read<PdService>, key: string, ctx: FromPdContext): Service {
  return {
    key,
    name: raw.name,
    description: parseDescription(raw.description).text,
    escalationPolicy: ctx.policyKeyOf(raw.escalation_policy.id),
    acknowledgementTimeoutSeconds: timeoutFromPd(raw.acknowledgement_timeout),
    autoResolveTimeoutSeconds: timeoutFromPd(raw.auto_resolve_timeout),
    urgency: urgencyFromPd(raw),
    alertGrouping: alertGroupingFromPd(raw),
  }
}

function timeoutFromPd(seconds: number | null | undefined): number | null {
  return seconds ? seconds : null
}

function urgencyOf(value: unknown): Urgency {
  return (URGENCIES as readonly unknown[]).includes(value) ? (value as Urgency) : 'high'
}

function urgencyFromPd(raw: PdService): UrgencyRule {
  const rule = raw.incident_urgency_rule
  if (rule?.type === 'use_support_hours' && raw.support_hours) {
    return {
      kind: 'support_hours',
      supportHours: supportHoursFromPd(raw.support_hours),
      during: urgencyOf(rule.during_support_hours.urgency),
      outside: urgencyOf(rule.outside_support_hours.urgency),
    }
  }
  return {kind: 'constant', urgency: urgencyOf(rule?.type === 'constant' ? rule.urgency : 'high')}
}

function supportHoursFromPd(hours: PdSupportHours): Extract<UrgencyRule, {kind: 'support_hours'}>['supportHours'] {
  return {
    timeZone: canonicalTimeZone(hours.time_zone),
    days: [...new Set(hours.days_of_week)].sort((a, b) => a - b) as Weekday[],
    start: timeOfDayFromPd(hours.start_time),
    end: timeOfDayFromPd(hours.end_time),
  }
}

/** Legacy fields some accounts still return instead of alert_grouping_parameters. */
interface LegacyGrouping {
  readonly alert_grouping?: 'time' | 'intelligent' | null
  readonly alert_grouping_timeout?: number | null
}

function alertGroupingFromPd(raw: PdService & LegacyGrouping): AlertGrouping | null {
  const params: PdAlertGroupingParameters | null | undefined = raw.alert_grouping_parameters
  const config = params?.config ?? {}
  switch (params?.type ?? raw.alert_grouping ?? null) {
    case 'time':
      return {type: 'time', timeoutMinutes: config.timeout ?? raw.alert_grouping_timeout ?? 0}
    case 'intelligent':
      // time_window is in seconds; PagerDuty's default window is 5 minutes.
      return {type: 'intelligent', windowMinutes: Math.round((config.time_window ?? 300) / 60)}
    case 'content_based':
      return {
        type: 'content_based',
        aggregate: config.aggregate === 'any' ? 'any' : 'all',
        fields: [...(config.fields ?? [])],
        windowMinutes: Math.round((config.time_window ?? 300) / 60),
      }
    default:
      return null
  }
}
