import type {EscalationPolicy, EscalationRule, EscalationTarget} from '../../../model/escalation-policy.js'
import type {PdEscalationPolicy, PdEscalationRule, PdTarget, Read} from '../dto.js'
import {parseDescription} from '../ownership.js'
import type {FromPdContext} from './from-pd-context.js'
import {unknownRef} from './from-pd-context.js'
import {assignmentStrategy} from './not-managed.js'

/** An escalation policy in the model: targets by email / schedule key, API defaults filled in. */
export function escalationPolicyFromPd(raw: Read<PdEscalationPolicy>, key: string, ctx: FromPdContext): EscalationPolicy {
  const team = raw.teams?.[0]
  return {
    key,
    name: raw.name,
    description: parseDescription(raw.description).text,
    team: team ? ctx.teamKeyOf(team.id) : null,
    repeat: raw.num_loops ?? 0,
    handoffNotifications: raw.on_call_handoff_notifications ?? 'if_has_services',
    rules: raw.escalation_rules.map((rule) => ruleFromPd(rule, ctx)),
  }
}

function ruleFromPd(rule: PdEscalationRule, ctx: FromPdContext): EscalationRule {
  return {
    delayMinutes: rule.escalation_delay_in_minutes,
    targets: rule.targets.map((t) => targetFromPd(t, ctx)),
    // Other strategies than these two are preserved as they are (mapping/not-managed.ts).
    ...(assignmentStrategy(rule.escalation_rule_assignment_strategy) === 'round_robin' ? {assignment: 'round_robin' as const} : {}),
  }
}

function targetFromPd(target: PdTarget, ctx: FromPdContext): EscalationTarget {
  switch (target.type) {
    case 'user':
    case 'user_reference':
      return {type: 'user', email: ctx.emailOf(target.id)}
    case 'schedule':
    case 'schedule_reference':
      return {type: 'schedule', key: ctx.scheduleKeyOf(target.id)}
    case 'schedule_v3_reference':
      // A shift-based schedule: its key among the v3 schedules read (ID spaces differ from v2's).
      return {type: 'schedule', key: ctx.v3ScheduleKeyOf?.(target.id) ?? unknownRef('schedule_v3', target.id)}
    default:
      // Future target kinds are not modelled: keep them visible as a key the config cannot have.
      return {type: 'schedule', key: unknownRef(target.type, target.id)}
  }
}
