import type {AlertGrouping, ScheduledAction, Service, Urgency, UrgencyRule} from '../../../model/service.js'
import {AUTO_PAUSE_SECONDS, URGENCIES} from '../../../model/service.js'
import type {Weekday} from '../../../model/time.js'
import type {PdAlertGroupingParameters, PdScheduledAction, PdService, PdSupportHours, Read} from '../dto.js'
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
    autoPauseSeconds: autoPauseFromPd(raw),
  }
}

/**
 * Enabled with a timeout PagerDuty documents (0 = its recommended timeout) → that timeout;
 * anything else reads as off (an odd value is reported by import, src/import/unmodelled.ts, and
 * apply sends the parameters only when the config turns them on or the plan read them on).
 */
function autoPauseFromPd(raw: PdService): number | null {
  const params = raw.auto_pause_notifications_parameters
  if (params?.enabled !== true) return null
  const timeout = params.timeout ?? 0
  return timeout === 0 || (AUTO_PAUSE_SECONDS as readonly number[]).includes(timeout) ? timeout : null
}

/** The scheduled actions the language can say (urgency changes at a support-hours boundary), in order. */
export function scheduledActionsFromPd(actions: readonly PdScheduledAction[] | undefined): ScheduledAction[] {
  return (actions ?? []).flatMap((a): ScheduledAction[] => {
    const at = a.at?.name
    if (a.type !== 'urgency_change' || (at !== 'support_hours_start' && at !== 'support_hours_end')) return []
    if (!(URGENCIES as readonly unknown[]).includes(a.to_urgency)) return []
    return [{at, to: a.to_urgency as Urgency}]
  })
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
      scheduledActions: scheduledActionsFromPd(raw.scheduled_actions),
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
