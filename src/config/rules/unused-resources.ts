import type {Rule} from './context.js'

/** A schedule no policy targets pages nobody; a policy no service uses is never triggered. */
export const unusedResources: Rule = (ctx) => {
  const targeted = new Set<string>()
  for (const p of ctx.config.escalation_policies.values()) {
    for (const r of p.rules) for (const t of r.targets) if ('schedule' in t) targeted.add(t.schedule)
  }
  for (const key of ctx.config.schedules.keys()) {
    if (!targeted.has(key)) {
      ctx.report({severity: 'warning', code: 'unused-schedule', message: `schedule \`${key}\` is used by no escalation policy`, path: ['schedules', key], atKey: true})
    }
  }
  const used = new Set([...ctx.config.services.values()].map((s) => s.escalation_policy))
  for (const key of ctx.config.escalation_policies.keys()) {
    if (!used.has(key)) {
      ctx.report({severity: 'warning', code: 'unused-escalation-policy', message: `escalation policy \`${key}\` is used by no service`, path: ['escalation_policies', key], atKey: true})
    }
  }
}
