import {canonicalize} from '../canonical-json.js'
import type {Plan} from '../plan.js'
import type {SafetyViolation} from '../safety.js'

/**
 * The plan as stable JSON (`--format json`, plan files), following schemas/plan.schema.json:
 * top-level fields in a fixed order, every nested object with sorted keys, so the same plan is
 * always the same bytes. `violations` appear only when the caller assessed safety, `shiftPreviews`
 * and `rollouts` only when the plan has them.
 */
export function renderJson(plan: Plan, violations?: readonly SafetyViolation[]): string {
  const doc = {
    formatVersion: plan.formatVersion,
    owner: plan.owner,
    summary: canonicalize(plan.summary),
    changes: canonicalize(plan.changes),
    unmanaged: canonicalize(plan.unmanaged),
    conflicts: canonicalize(plan.conflicts),
    warnings: canonicalize(plan.warnings),
    errors: canonicalize(plan.errors ?? []),
    requestCount: plan.requestCount,
    fingerprints: canonicalize(plan.fingerprints),
    ...(plan.shiftPreviews === undefined ? {} : {shiftPreviews: canonicalize(plan.shiftPreviews)}),
    ...(plan.rollouts === undefined ? {} : {rollouts: canonicalize(plan.rollouts)}),
    ...(violations === undefined ? {} : {violations: canonicalize(violations)}),
  }
  return JSON.stringify(doc, null, 2) + '\n'
}
