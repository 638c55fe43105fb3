import {snakeCaseKeys} from '../../output/json-keys.js'
import {canonicalize} from '../canonical-json.js'
import type {Plan} from '../plan.js'
import type {SafetyViolation} from '../safety.js'

/**
 * The plan as stable JSON (`--format json`, plan files), following schemas/plan.schema.json:
 * top-level fields in a fixed order, every nested object with sorted keys, so the same plan is
 * always the same bytes, and snake_case keys like every JSON output (output/json-keys.ts).
 * `violations` appear only when the caller assessed safety, `shift_previews`, `rollouts` and
 * `not_managed` and `overrides` only when the plan has them.
 */
export function renderJson(plan: Plan, violations?: readonly SafetyViolation[]): string {
  const doc = {
    formatVersion: plan.formatVersion,
    owner: plan.owner,
    summary: sorted(plan.summary),
    changes: sorted(plan.changes),
    unmanaged: sorted(plan.unmanaged),
    conflicts: sorted(plan.conflicts),
    warnings: sorted(plan.warnings),
    errors: sorted(plan.errors ?? []),
    requestCount: plan.requestCount,
    fingerprints: sorted(plan.fingerprints),
    ...(plan.shiftPreviews === undefined ? {} : {shiftPreviews: sorted(plan.shiftPreviews)}),
    ...(plan.rollouts === undefined ? {} : {rollouts: sorted(plan.rollouts)}),
    ...(plan.notManaged === undefined ? {} : {notManaged: sorted(plan.notManaged)}),
    ...(plan.overrides === undefined ? {} : {overrides: sorted(plan.overrides)}),
    ...(plan.migrations === undefined ? {} : {migrations: sorted(plan.migrations)}),
    ...(violations === undefined ? {} : {violations: sorted(violations)}),
  }
  // Top-level keys keep the order above; nested ones are snake_case and sorted as such.
  return JSON.stringify(snakeCaseKeys(doc), null, 2) + '\n'
}

/** Canonical (Maps as pairs, sorted keys), with keys sorted again once they are snake_case. */
function sorted(value: unknown): unknown {
  return canonicalize(snakeCaseKeys(canonicalize(value)))
}
