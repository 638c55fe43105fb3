import type {EscalationPolicy} from '../model/index.js'

/** A policy that pages a schedule, and at which rule levels (1-based, as PagerDuty shows them). */
export interface PolicyUse {
  readonly policyName: string
  readonly levels: readonly number[]
  readonly levelCount: number
}

/** The escalation policies whose rules target `scheduleKey`, sorted by policy name. */
export function policiesPaging(scheduleKey: string, policies: Iterable<EscalationPolicy>): PolicyUse[] {
  const uses: PolicyUse[] = []
  for (const p of policies) {
    const levels = p.rules.flatMap((r, i) => (r.targets.some((t) => t.type === 'schedule' && t.key === scheduleKey) ? [i + 1] : []))
    if (levels.length > 0) uses.push({policyName: p.name, levels, levelCount: p.rules.length})
  }
  return uses.sort((a, b) => (a.policyName < b.policyName ? -1 : a.policyName > b.policyName ? 1 : 0))
}

/** `Consumer App (level 1 of 2)`, `Platform (levels 1, 3 of 3)`. */
export function describePolicyUse(use: PolicyUse): string {
  const noun = use.levels.length === 1 ? 'level' : 'levels'
  return `${use.policyName} (${noun} ${use.levels.join(', ')} of ${use.levelCount})`
}
