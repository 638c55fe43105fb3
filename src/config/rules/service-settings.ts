import {minuteOfDay} from '../local-time.js'
import type {Rule} from './context.js'

/**
 * A service's team must be its policy's team (PagerDuty derives it from the policy), and
 * support hours must end after they start on the same day (PagerDuty has no overnight support hours),
 * a support-hours boundary has at most one scheduled action (PagerDuty runs one urgency
 * change there; two would contradict each other), and a scheduled action raises urgency to high:
 * the spec's ScheduledAction.to_urgency allows only `high` ("Must be set to high"), so `to: low`
 * would pass validation here and be refused by PagerDuty at apply time, after other changes ran.
 */
export const serviceSettings: Rule = (ctx) => {
  for (const [key, s] of ctx.config.services) {
    const policy = ctx.config.escalation_policies.get(s.escalation_policy)
    if (s.team !== undefined && policy && policy.team !== s.team) {
      ctx.report({
        code: 'team-mismatch',
        message: `service team \`${s.team}\` differs from the team of policy \`${s.escalation_policy}\` (${policy.team === undefined ? 'none' : `\`${policy.team}\``})`,
        path: ['services', key, 'team'],
        hint: policy.team === undefined ? `set \`team: ${s.team}\` on the policy` : `use \`team: ${policy.team}\` or remove it`,
      })
    }
    if (typeof s.urgency === 'object') {
      const {from, to} = s.urgency.support_hours
      if (minuteOfDay(to) <= minuteOfDay(from)) {
        ctx.report({code: 'invalid-support-hours', message: `support hours end (${to}) must be after their start (${from})`, path: ['services', key, 'urgency', 'support_hours', 'to']})
      }
      const seen = new Set<string>()
      for (const [i, action] of (s.urgency.scheduled_actions ?? []).entries()) {
        if (seen.has(action.at)) {
          ctx.report({
            code: 'duplicate-scheduled-action',
            message: `a second scheduled action at ${action.at}`,
            path: ['services', key, 'urgency', 'scheduled_actions', i, 'at'],
            hint: 'keep one action per support-hours boundary',
          })
        }
        seen.add(action.at)
        if (action.to !== 'high') {
          ctx.report({
            code: 'scheduled-action-urgency',
            message: `a scheduled action can only raise urgency to high (PagerDuty refuses \`to: ${action.to}\`)`,
            path: ['services', key, 'urgency', 'scheduled_actions', i, 'to'],
            hint: 'use `to: high`, or drop the action: outside support hours the `outside` urgency applies to new incidents',
          })
        }
      }
    }
  }
}
