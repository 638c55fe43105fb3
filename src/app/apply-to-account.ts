import type {Change} from '../plan/change.js'
import type {Plan} from '../plan/plan.js'
import {planBlockers} from '../plan/plan-blockers.js'
import type {SafetyViolation} from '../plan/safety.js'
import {applyChanges, type ApplyClient, type ApplyEvent, type ApplyReport} from '../providers/pagerduty/apply.js'
import type {PlanOutcome} from './plan-against-account.js'

/**
 * Why a plan cannot be applied as it is, one line each: what no flag can fix (plan errors such as
 * unknown users, ownership conflicts: planBlockers) and the safety violations still unmet.
 */
export function blockers(plan: Plan, violations: readonly SafetyViolation[]): string[] {
  return [
    ...(planBlockers(plan)?.details ?? []),
    ...violations.map((v) => (v.requires === 'fix' ? v.message : `${v.message} (needs --${v.requires})`)),
  ]
}

/**
 * Executes `changes` (the fresh plan's, or a saved plan's after the stale check) with the IDs the
 * fresh read resolved. Stops at the first failure: the report says what was applied, what failed
 * and what was not attempted; a later plan shows exactly the remaining work.
 */
export async function applyToAccount(
  client: ApplyClient,
  outcome: PlanOutcome,
  changes: readonly Change[],
  options: {readonly now: Date; readonly onProgress?: (event: ApplyEvent) => void; readonly beforeChange?: () => Promise<void>},
): Promise<ApplyReport> {
  return applyChanges(client, changes, outcome.ids, {
    owner: outcome.plan.owner,
    now: options.now,
    onProgress: options.onProgress,
    beforeChange: options.beforeChange,
  })
}
