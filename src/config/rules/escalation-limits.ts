import {tryParseDuration} from '../duration.js'
import type {Rule} from './context.js'

/** PagerDuty's limits on escalation policies. */
export const LIMITS = {minDelayMinutes: 1, maxTargets: 10, maxRules: 20, maxRepeat: 9} as const

export const escalationLimits: Rule = (ctx) => {
  for (const [key, p] of ctx.config.escalation_policies) {
    const path = ['escalation_policies', key] as const
    if (p.rules.length === 0) ctx.report({code: 'no-rules', message: 'escalation policy has no rules', path: [...path, 'rules']})
    if (p.rules.length > LIMITS.maxRules) ctx.report({code: 'too-many-rules', message: `${p.rules.length} rules; PagerDuty allows at most ${LIMITS.maxRules}`, path: [...path, 'rules']})
    if (p.repeat !== undefined && (p.repeat < 0 || p.repeat > LIMITS.maxRepeat)) {
      ctx.report({code: 'repeat-out-of-range', message: `repeat ${p.repeat} is outside 0..${LIMITS.maxRepeat}`, path: [...path, 'repeat']})
    }
    p.rules.forEach((rule, r) => {
      const seconds = tryParseDuration(rule.delay)
      if (seconds !== undefined && seconds < LIMITS.minDelayMinutes * 60) {
        ctx.report({code: 'delay-too-short', message: `delay \`${rule.delay}\` is shorter than 1m`, path: [...path, 'rules', r, 'delay']})
      }
      if (rule.targets.length === 0) ctx.report({code: 'no-targets', message: 'rule has no targets', path: [...path, 'rules', r, 'targets']})
      if (rule.targets.length > LIMITS.maxTargets) {
        ctx.report({code: 'too-many-targets', message: `${rule.targets.length} targets; PagerDuty allows at most ${LIMITS.maxTargets} per rule`, path: [...path, 'rules', r, 'targets']})
      }
    })
  }
}
