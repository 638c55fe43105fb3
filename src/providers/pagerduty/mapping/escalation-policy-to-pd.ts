import type {EscalationPolicy, EscalationRule, EscalationTarget} from '../../../model/escalation-policy.js'
import type {PdEscalationPolicy, PdEscalationRule, PdTarget} from '../dto.js'
import {appendMarker} from '../ownership.js'
import type {ToPdContext} from './to-pd-context.js'
import {assignmentStrategy} from './not-managed.js'
import {teamRef} from './to-pd-context.js'

/**
 * The body of POST/PUT /escalation_policies. PagerDuty replaces the rule list on PUT, so each rule
 * carries what the language does not manage from the live rule at the same position
 * (`liveRules`, as the plan read them): its ID and its assignment strategy. `teams` is sent even
 * when empty so that removing the team clears it.
 */
export function escalationPolicyToPd(policy: EscalationPolicy, ctx: ToPdContext, liveRules: readonly PdEscalationRule[] = []): PdEscalationPolicy {
  return {
    type: 'escalation_policy',
    name: policy.name,
    description: appendMarker(policy.description, {owner: ctx.owner, key: policy.key}),
    num_loops: policy.repeat,
    on_call_handoff_notifications: policy.handoffNotifications,
    escalation_rules: policy.rules.map((rule, i) => ({
      ...carried(liveRules[i]),
      escalation_delay_in_minutes: rule.delayMinutes,
      targets: rule.targets.map((t) => targetToPd(t, ctx)),
      ...assignmentToPd(rule, liveRules[i]),
    })),
    teams: policy.team === null ? [] : [teamRef(ctx, policy.team)],
  }
}

/** The unmanaged fields of a live rule (docs/fields.md): its ID and assignment strategy, when it has them. */
function carried(live: PdEscalationRule | undefined): Partial<PdEscalationRule> {
  if (live === undefined) return {}
  return {
    ...(live.id === undefined ? {} : {id: live.id}),
    ...(live.escalation_rule_assignment_strategy === undefined || live.escalation_rule_assignment_strategy === null
      ? {}
      : {escalation_rule_assignment_strategy: live.escalation_rule_assignment_strategy}),
  }
}

/**
 * The language's two strategies: round_robin is sent when the config says it, and
 * assign_to_everyone (PagerDuty's default) only to replace a live round_robin; otherwise the live
 * rule's own value (or none) is carried, so an unchanged rule is written back byte-identical.
 */
function assignmentToPd(rule: EscalationRule, live: PdEscalationRule | undefined): Partial<PdEscalationRule> {
  if (rule.assignment === 'round_robin') {
    return assignmentStrategy(live?.escalation_rule_assignment_strategy) === 'round_robin' ? {} : {escalation_rule_assignment_strategy: {type: 'round_robin'}}
  }
  return assignmentStrategy(live?.escalation_rule_assignment_strategy) === 'round_robin' ? {escalation_rule_assignment_strategy: {type: 'assign_to_everyone'}} : {}
}

function targetToPd(target: EscalationTarget, ctx: ToPdContext): PdTarget {
  return target.type === 'user'
    ? {id: ctx.ids.requireId('user', target.email), type: 'user_reference'}
    : target.legacy === true
      ? // Mid-migration: the layer-based schedule of the key (plan/migration-plan.ts).
        {id: ctx.ids.requireId('schedule', target.key), type: 'schedule_reference'}
      : ctx.ids.scheduleTarget(target.key)
}
