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

/**
 * policiesPaging for every schedule at once, in one pass over the policies (calling policiesPaging
 * per schedule reads every policy once per schedule: quadratic on a large account).
 */
export function policiesPagingBySchedule(policies: Iterable<EscalationPolicy>): Map<string, PolicyUse[]> {
  const bySchedule = new Map<string, PolicyUse[]>()
  for (const p of policies) {
    const levels = new Map<string, number[]>()
    p.rules.forEach((r, i) => {
      for (const t of r.targets) {
        if (t.type !== 'schedule') continue
        const list = levels.get(t.key) ?? []
        if (list[list.length - 1] !== i + 1) list.push(i + 1)
        levels.set(t.key, list)
      }
    })
    for (const [key, l] of levels) {
      const uses = bySchedule.get(key) ?? []
      uses.push({policyName: p.name, levels: l, levelCount: p.rules.length})
      bySchedule.set(key, uses)
    }
  }
  for (const uses of bySchedule.values()) uses.sort((a, b) => (a.policyName < b.policyName ? -1 : a.policyName > b.policyName ? 1 : 0))
  return bySchedule
}

/** `Consumer App (level 1 of 2)`, `Platform (levels 1, 3 of 3)`. */
export function describePolicyUse(use: PolicyUse): string {
  const noun = use.levels.length === 1 ? 'level' : 'levels'
  return `${use.policyName} (${noun} ${use.levels.join(', ')} of ${use.levelCount})`
}
