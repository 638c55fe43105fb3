import type {Change} from '../plan/change.js'
import type {Plan} from '../plan/plan.js'
import {planBlockers} from '../plan/plan-blockers.js'
import type {SafetyViolation} from '../plan/safety.js'
import {applyChanges, type ApplyClient, type ApplyEvent, type ApplyReport} from '../providers/pagerduty/apply.js'
import type {PlanOutcome} from './plan-against-account.js'
import {identity, type ScheduleOverridePlan} from '../plan/override-plan.js'
import {applyOverrides, type OverrideApplyReport} from '../providers/pagerduty/apply-overrides.js'

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
  options: {
    readonly now: Date
    readonly onProgress?: (event: ApplyEvent) => void
    /** Called before each change (apply renews its lock lease here). */
    readonly beforeChange?: () => Promise<void>
    /** The override work to do (default: the fresh plan's); runs after the resource changes succeed. */
    readonly overrides?: readonly ScheduleOverridePlan[]
    readonly onOverrideLine?: (line: string) => void
  },
): Promise<ApplyReport & {readonly overrides?: OverrideApplyReport}> {
  const report = await applyChanges(client, changes, outcome.ids, {
    owner: outcome.plan.owner,
    now: options.now,
    onProgress: options.onProgress,
    beforeChange: options.beforeChange,
  })
  const overrides = options.overrides ?? outcome.plan.overrides ?? []
  if (report.failed || overrides.length === 0) return report
  return {...report, overrides: await applyOverrides(client, overrides, outcome.ids, options.onOverrideLine, options.now)}
}

/**
 * The override work of a saved plan, done as the fresh read says: only operations the saved plan
 * also holds (what was reviewed), so an override created since is not created twice.
 */
export function reviewedOverrides(saved: Plan, fresh: Plan): ScheduleOverridePlan[] {
  const savedOps = new Set(
    (saved.overrides ?? []).flatMap((p) => [...p.create.map((o) => `+${p.schedule}|${identity(o)}`), ...p.delete.map((o) => `-${p.schedule}|${o.id ?? ''}`)]),
  )
  return (fresh.overrides ?? []).map((p) => ({
    ...p,
    create: p.create.filter((o) => savedOps.has(`+${p.schedule}|${identity(o)}`)),
    delete: p.delete.filter((o) => savedOps.has(`-${p.schedule}|${o.id ?? ''}`)),
  }))
}
