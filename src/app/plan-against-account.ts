import {userZones} from '../health/state-loads.js'
import type {DesiredState} from '../model/state.js'
import type {LiveState} from '../plan/live-state.js'
import {makePlan} from '../plan/make-plan.js'
import {migrationPreviewChanges} from '../plan/migration-plan.js'
import {withRollouts} from '../plan/rollout-plan.js'
import {effectiveOverrides} from '../schedule/effective-overrides.js'
import {withOverridePlan} from './plan-overrides.js'
import {withV3DeleteWarnings} from './v3-delete-warnings.js'
import {withMigrationOverrideWarnings} from './migration-override-warnings.js'
import type {Plan} from '../plan/plan.js'
import {assessSafety, type SafetyViolation} from '../plan/safety.js'
import {DEFAULT_PREVIEW_DAYS, shiftPreviews} from '../plan/shift-preview.js'
import type {PagerDutyClient} from '../providers/pagerduty/client/index.js'
import type {RawAccount} from '../providers/pagerduty/dto.js'
import type {IdIndex} from '../providers/pagerduty/id-index.js'
import {liveAccountFor} from '../providers/pagerduty/read-live-state.js'
import {chooseReadStrategy, readForPlan, type RefreshMode} from './read-strategy.js'

export interface PlanRequest {
  readonly desired: DesiredState
  readonly client: Pick<PagerDutyClient, 'listAll' | 'get' | 'requestCount'>
  /** The instant the account is read at (injected so tests and saved plans are reproducible). */
  readonly now: Date
  readonly adopt: boolean
  readonly allowDestroy: boolean
  readonly force: boolean
  /** Days of the shift preview per changed schedule, from `now` (default 28; 0 = none). */
  readonly previewDays?: number
  /** How to read the account (default auto: scoped for a small config, see read-strategy.ts). */
  readonly refresh?: RefreshMode
  /** An account read moments ago (import --adopt): planned against instead of reading again. */
  readonly raw?: RawAccount
  /** Whether apply has a From address (needed to create users); unset: not judged. */
  readonly hasFrom?: boolean
}

export interface PlanOutcome {
  readonly plan: Plan
  /** What apply would refuse, judged now so that `plan` already says it. */
  readonly violations: readonly SafetyViolation[]
  readonly live: LiveState
  /** Keys → PagerDuty IDs, for apply. */
  readonly ids: IdIndex
  /** How the account was read, for --verbose: the strategy's reason, then notes. */
  readonly readNotes: readonly string[]
}

/**
 * read the account → map it into the model → diff → judge safety. `plan` prints the outcome;
 * `apply` runs the same function and then executes the plan, so both always agree.
 */
export async function planAgainstAccount(request: PlanRequest): Promise<PlanOutcome> {
  const {desired, client, now} = request
  const read = request.raw
    ? {raw: request.raw, strategy: {reason: 'the account as read moments ago (no second read)'}, notes: []}
    : await readForPlan(client, desired, chooseReadStrategy(desired, request.refresh))
  const raw = read.raw
  // liveAccountFor also drops desired layers that have already ended (reading drops them too).
  const account = liveAccountFor(raw, desired, {now, requestCount: client.requestCount})
  const diff = withRollouts(makePlan(account.desired, account.live, {adopt: request.adopt, migration: {now: now.getTime(), allowDestroy: request.allowDestroy}}), account.rollouts)
  // A migration's two schedule changes preview as one move (plan/migration-plan.ts).
  const previews = shiftPreviews(migrationPreviewChanges(diff.changes, diff.migrations ?? [], account.desired), {
    now,
    days: request.previewDays ?? DEFAULT_PREVIEW_DAYS,
    names: displayNames(account.desired, account.live),
    ...(desired.health === undefined ? {} : {health: desired.health}),
    userZones: userZones(desired),
  })
  const withPreviews = await withMigrationOverrideWarnings(
    await withV3DeleteWarnings(previews.length > 0 ? {...diff, shiftPreviews: previews} : diff, client, now),
    client,
    account.live,
    () => effectiveOverrides(account.desired),
  )
  // Overrides: a separate step that reads only schedules with overrides in the config (plan-overrides.ts).
  const overrides = await withOverridePlan(withPreviews, {
    desired: account.desired,
    live: account.live,
    ids: account.ids,
    client,
    now,
    allowDestroy: request.allowDestroy,
    previewDays: request.previewDays ?? DEFAULT_PREVIEW_DAYS,
    names: displayNames(account.desired, account.live),
  })
  const plan = overrides.plan
  const violations = [...assessSafety(plan, account.live, {allowDestroy: request.allowDestroy, force: request.force, now, hasFrom: request.hasFrom}), ...overrides.violations]
  return {plan, violations, live: account.live, ids: account.ids, readNotes: [`read: ${read.strategy.reason}`, ...read.notes]}
}

/** Names the config declares, else the account's: previews say "Aiko Tanaka", not an email. */
function displayNames(desired: DesiredState, live: LiveState): Map<string, string> {
  const names = new Map<string, string>()
  for (const [email, u] of live.users) if (u.value.name) names.set(email, u.value.name)
  for (const [email, u] of desired.users) if (u.name) names.set(email, u.name)
  return names
}
