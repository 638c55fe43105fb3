import {didYouMean} from '../did-you-mean.js'
import type {DataPath} from '../source-position.js'
import type {Rule, RuleContext} from './context.js'

/**
 * Schedule teams, policy teams and schedule targets, service policies and teams must name
 * resources in this config. Users need not be declared: they may already exist in the account.
 */
export const referencesExist: Rule = (ctx) => {
  const {teams, schedules, escalation_policies: policies, services} = ctx.config
  for (const [key, s] of schedules) {
    ;(s.teams ?? []).forEach((team, i) => check(ctx, 'team', team, teams, ['schedules', key, 'teams', i]))
  }
  for (const [key, p] of policies) {
    if (p.team !== undefined) check(ctx, 'team', p.team, teams, ['escalation_policies', key, 'team'])
    p.rules.forEach((rule, r) =>
      rule.targets.forEach((t, i) => {
        if ('schedule' in t) check(ctx, 'schedule', t.schedule, schedules, ['escalation_policies', key, 'rules', r, 'targets', i, 'schedule'])
      }),
    )
  }
  for (const [key, s] of services) {
    check(ctx, 'escalation policy', s.escalation_policy, policies, ['services', key, 'escalation_policy'])
    if (s.team !== undefined) check(ctx, 'team', s.team, teams, ['services', key, 'team'])
  }
}

function check(ctx: RuleContext, kind: string, key: string, known: ReadonlyMap<string, unknown>, path: DataPath): void {
  if (known.has(key)) return
  const suggestion = didYouMean(key, known.keys())
  const hint = suggestion ?? (known.size > 0 ? `known: ${[...known.keys()].slice(0, 10).join(', ')}` : `no ${kind} is defined`)
  ctx.report({code: 'unknown-reference', message: `unknown ${kind} \`${key}\``, path, hint})
}
