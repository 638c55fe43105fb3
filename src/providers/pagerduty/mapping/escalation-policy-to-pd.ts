import type {EscalationPolicy, EscalationTarget} from '../../../model/escalation-policy.js'
import type {PdEscalationPolicy, PdTarget} from '../dto.js'
import {appendMarker} from '../ownership.js'
import type {ToPdContext} from './to-pd-context.js'
import {teamRef} from './to-pd-context.js'

/**
 * The body of POST/PUT /escalation_policies. Rules are sent without IDs: PagerDuty replaces the
 * rule list on PUT. `teams` is sent even when empty so that removing the team clears it.
 */
export function escalationPolicyToPd(policy: EscalationPolicy, ctx: ToPdContext): PdEscalationPolicy {
  return {
    type: 'escalation_policy',
    name: policy.name,
    description: appendMarker(policy.description, {owner: ctx.owner, key: policy.key}),
    num_loops: policy.repeat,
    on_call_handoff_notifications: policy.handoffNotifications,
    escalation_rules: policy.rules.map((rule) => ({
      escalation_delay_in_minutes: rule.delayMinutes,
      targets: rule.targets.map((t) => targetToPd(t, ctx)),
    })),
    teams: policy.team === null ? [] : [teamRef(ctx, policy.team)],
  }
}

function targetToPd(target: EscalationTarget, ctx: ToPdContext): PdTarget {
  return target.type === 'user'
    ? {id: ctx.ids.requireId('user', target.email), type: 'user_reference'}
    : {id: ctx.ids.requireId('schedule', target.key), type: 'schedule_reference'}
}
