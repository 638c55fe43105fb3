import {jsonOutput} from '../output/json-keys.js'
import type {Change} from '../plan/change.js'
import type {Plan} from '../plan/plan.js'
import {renderJson} from '../plan/render/json.js'
import type {SafetyViolation} from '../plan/safety.js'
import type {ApplyReport} from '../providers/pagerduty/apply-events.js'
import type {OverrideApplyReport} from '../providers/pagerduty/apply-overrides.js'

/** How an `apply --json` run ended: `refused` (safety or plan errors) and `failed` also exit 1. */
export type ApplyOutcome = 'applied' | 'no_changes' | 'refused' | 'failed'

const ref = (c: Change) => ({kind: c.kind, type: c.type, key: c.key})

/**
 * `apply --json`: one document with the plan (as `plan --format json` prints it, safety verdict
 * included), how the run ended, and what was applied, failed and not attempted, so a pipeline can
 * act on the result without parsing text. Keys are snake_case like every JSON output.
 */
export function renderApplyJson(input: {
  plan: Plan
  violations: readonly SafetyViolation[]
  outcome: ApplyOutcome
  report?: ApplyReport & {readonly overrides?: OverrideApplyReport}
  blockers?: readonly string[]
  requestCount: number
}): string {
  const {report} = input
  return jsonOutput({
    outcome: input.outcome,
    plan: JSON.parse(renderJson(input.plan, input.violations)) as unknown,
    blockers: input.blockers ?? [],
    applied: (report?.applied ?? []).map((a) => ({...ref(a.change), id: a.id})),
    failed: report?.failed
      ? {...ref(report.failed.change), message: report.failed.message, status: report.failed.status, code: report.failed.code, step: report.failed.step}
      : null,
    // Others of the failed change's wave that were already running and failed too (apply runs a
    // wave concurrently); only present when there are any.
    ...(report?.alsoFailed && report.alsoFailed.length > 0
      ? {alsoFailed: report.alsoFailed.map((f) => ({...ref(f.change), message: f.message, status: f.status, code: f.code}))}
      : {}),
    notAttempted: (report?.notAttempted ?? []).map(ref),
    // Overrides created and deleted (only when the plan had override work; see override-plan.ts).
    ...(report?.overrides ? {overrides: report.overrides} : {}),
    requestCount: input.requestCount,
  })
}
