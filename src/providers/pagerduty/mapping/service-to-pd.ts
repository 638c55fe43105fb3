import type {AlertGrouping, ScheduledAction, Service, UrgencyRule} from '../../../model/service.js'
import type {PdAlertGroupingParameters, PdIncidentUrgencyRule, PdScheduledAction, PdService, PdSupportHours} from '../dto.js'
import {appendMarker} from '../ownership.js'
import type {ToPdContext} from './to-pd-context.js'
import {timeOfDayToPd} from './wall-clock.js'

/**
 * The body of POST/PUT /services: the managed fields and nothing else (PagerDuty updates only
 * the fields a PUT names, so every field the language does not manage, docs/fields.md
 * "preserved", survives an update as it is). Managed fields are sent explicitly, because
 * PagerDuty fills in defaults for omitted ones (30m ack, 4h resolve) on POST: a disabled timeout
 * is sent as 0 (the API documents "0, null or unset" as disabled; the spec types the field as an
 * integer, so 0 is the value every validator accepts), no grouping as `{type: null}`.
 * `support_hours` is sent only with a support-hours urgency rule (the spec types it as an object,
 * and a constant rule ignores it; reading ignores it then too); `scheduled_actions` always (they
 * belong to the support-hours rule in the language, so a constant rule has none).
 * `auto_pause_notifications_parameters` is sent when the config turns it on, or to turn it off
 * when the plan read it on (`live`): auto-pause is a paid feature, and an account without it
 * should never see the field.
 * `teams` is not sent: it is read-only on services and follows the escalation policy.
 */
export function serviceToPd(service: Service, ctx: ToPdContext, live?: Service): PdService {
  const autoPause =
    service.autoPauseSeconds !== null
      ? {auto_pause_notifications_parameters: {enabled: true, timeout: service.autoPauseSeconds}}
      : live !== undefined && live.autoPauseSeconds !== null
        ? {auto_pause_notifications_parameters: {enabled: false}}
        : {}
  return {
    type: 'service',
    name: service.name,
    description: appendMarker(service.description, {owner: ctx.owner, key: service.key}),
    escalation_policy: {id: ctx.ids.requireId('escalation_policy', service.escalationPolicy), type: 'escalation_policy_reference'},
    acknowledgement_timeout: service.acknowledgementTimeoutSeconds ?? 0,
    auto_resolve_timeout: service.autoResolveTimeoutSeconds ?? 0,
    incident_urgency_rule: urgencyRuleToPd(service.urgency),
    ...(service.urgency.kind === 'support_hours' ? {support_hours: supportHoursToPd(service.urgency.supportHours)} : {}),
    scheduled_actions: service.urgency.kind === 'support_hours' ? service.urgency.scheduledActions.map(scheduledActionToPd) : [],
    alert_grouping_parameters: alertGroupingToPd(service.alertGrouping),
    ...autoPause,
  }
}

function scheduledActionToPd(action: ScheduledAction): PdScheduledAction {
  return {type: 'urgency_change', at: {type: 'named_time', name: action.at}, to_urgency: action.to}
}

function urgencyRuleToPd(rule: UrgencyRule): PdIncidentUrgencyRule {
  if (rule.kind === 'constant') return {type: 'constant', urgency: rule.urgency}
  return {
    type: 'use_support_hours',
    during_support_hours: {type: 'constant', urgency: rule.during},
    outside_support_hours: {type: 'constant', urgency: rule.outside},
  }
}

function supportHoursToPd(hours: Extract<UrgencyRule, {kind: 'support_hours'}>['supportHours']): PdSupportHours {
  return {
    type: 'fixed_time_per_day',
    time_zone: hours.timeZone,
    days_of_week: [...hours.days],
    start_time: timeOfDayToPd(hours.start),
    end_time: timeOfDayToPd(hours.end),
  }
}

function alertGroupingToPd(grouping: AlertGrouping | null): PdAlertGroupingParameters {
  switch (grouping?.type) {
    case 'time':
      return {type: 'time', config: {timeout: grouping.timeoutMinutes}}
    case 'intelligent':
      return {type: 'intelligent', config: {time_window: grouping.windowMinutes * 60}}
    case 'content_based':
      return {
        type: 'content_based',
        config: {aggregate: grouping.aggregate, fields: [...grouping.fields], time_window: grouping.windowMinutes * 60},
      }
    default:
      return {type: null}
  }
}
