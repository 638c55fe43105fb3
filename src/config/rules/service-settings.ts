import {minuteOfDay} from '../local-time.js'
import type {Rule} from './context.js'

/**
 * A service's team must be its policy's team (PagerDuty derives it from the policy), and
 * support hours must end after they start on the same day (PagerDuty has no overnight support hours).
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
    }
  }
}
