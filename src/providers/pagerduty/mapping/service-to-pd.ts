import type {AlertGrouping, Service, UrgencyRule} from '../../../model/service.js'
import type {PdAlertGroupingParameters, PdIncidentUrgencyRule, PdService, PdSupportHours} from '../dto.js'
import {appendMarker} from '../ownership.js'
import type {ToPdContext} from './to-pd-context.js'
import {timeOfDayToPd} from './wall-clock.js'

/**
 * The body of POST/PUT /services. Every managed field is sent explicitly (null timeouts,
 * `support_hours: null`, `alert_grouping_parameters: {type: null}`), because PagerDuty fills
 * in defaults for omitted ones (30m ack, 4h resolve) and keeps old values on PUT.
 * `teams` is not sent: it is read-only on services and follows the escalation policy.
 */
export function serviceToPd(service: Service, ctx: ToPdContext): PdService {
  return {
    type: 'service',
    name: service.name,
    description: appendMarker(service.description, {owner: ctx.owner, key: service.key}),
    escalation_policy: {id: ctx.ids.requireId('escalation_policy', service.escalationPolicy), type: 'escalation_policy_reference'},
    acknowledgement_timeout: service.acknowledgementTimeoutSeconds,
    auto_resolve_timeout: service.autoResolveTimeoutSeconds,
    incident_urgency_rule: urgencyRuleToPd(service.urgency),
    support_hours: service.urgency.kind === 'support_hours' ? supportHoursToPd(service.urgency.supportHours) : null,
    scheduled_actions: [],
    alert_grouping_parameters: alertGroupingToPd(service.alertGrouping),
  }
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
