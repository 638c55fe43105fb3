import {resourceKey} from '../model/keys.js'
import type {DesiredState} from '../model/state.js'
import type {Change} from './change.js'
import {fingerprintOf} from './canonical-json.js'
import {indexLiveById, liveIdKey} from './live-index.js'
import type {LiveState} from './live-state.js'
import {planCollection, type CollectionPlan} from './match-owned.js'
import {sortChanges} from './order.js'
import type {Plan} from './plan.js'
import {planUsers} from './plan-users.js'
import {planMigrations} from './migration-plan.js'
import {planSchedulesByKind} from './schedule-kinds.js'

export interface MakePlanOptions {
  /** Take over unmarked live objects that match a config object by name (`--adopt`). */
  readonly adopt: boolean
  /**
   * Plan migrations of layer schedules to shift-based ones (migration-plan.ts) at this instant;
   * absent: none are planned (a key layer-based live and shift-based in the config is then just
   * two objects).
   */
  readonly migration?: {readonly now: number; readonly allowDestroy: boolean}
}

/**
 * The diff of the desired state against the live state: a pure function, so `plan` and `apply`
 * compute exactly the same Plan. Safety is judged separately (assessSafety) so that a plan can be
 * shown in full even when it is unsafe.
 */
export function makePlan(desired: DesiredState, live: LiveState, options: MakePlanOptions): Plan {
  const users = planUsers(desired, live.users)
  // Migrations take the legacy schedules out of the diff and adjust the desired state for the transition.
  const m = options.migration === undefined ? undefined : planMigrations(desired, live, options.migration)
  const want = m?.desired ?? desired
  const have = m?.live ?? live
  const parts: CollectionPlan[] = [
    planCollection('team', want.teams, have.teams, desired.owner, options.adopt),
    // Layer-based and shift-based schedules are matched each with their own kind (schedule-kinds.ts).
    planSchedulesByKind(want.schedules, have.schedules, desired.owner, options.adopt),
    planCollection('escalation_policy', want.escalationPolicies, have.escalationPolicies, desired.owner, options.adopt),
    planCollection('service', want.services, have.services, desired.owner, options.adopt),
  ]
  const changes = sortChanges([...users.changes, ...parts.flatMap((p) => p.changes), ...(m?.changes ?? [])])
  return {
    formatVersion: 2,
    owner: desired.owner,
    changes,
    unmanaged: parts.flatMap((p) => p.unmanaged),
    conflicts: [...users.conflicts, ...parts.flatMap((p) => p.conflicts)],
    warnings: [...parts.flatMap((p) => p.warnings), ...(m?.warnings ?? [])],
    errors: [...users.errors, ...parts.flatMap((p) => p.errors)],
    summary: {
      create: changes.filter((c) => c.kind === 'create').length,
      update: changes.filter((c) => c.kind === 'update' || c.kind === 'adopt').length,
      delete: changes.filter((c) => c.kind === 'delete').length,
    },
    requestCount: live.requestCount,
    fingerprints: {config: fingerprintOf(desired), live: liveFingerprints(changes, live)},
    ...notManagedOf(changes, live),
    ...(m === undefined || m.migrations.length === 0 ? {} : {migrations: m.migrations}),
  }
}

/** What the config does not control about each object an update or adoption touches (LiveResource.notManaged). */
function notManagedOf(changes: readonly Change[], live: LiveState): Pick<Plan, 'notManaged'> {
  const byId = indexLiveById(live)
  const out: Record<string, readonly string[]> = {}
  for (const c of changes) {
    if (c.kind !== 'update' && c.kind !== 'adopt') continue
    const fields = byId.get(liveIdKey(c.type, c.id))?.notManaged
    if (fields !== undefined && fields.length > 0) out[resourceKey(c.type, c.key)] = fields
  }
  return Object.keys(out).length === 0 ? {} : {notManaged: out}
}

/** Fingerprint of every live object a change touches, keyed `type:key`, for the stale-plan check. */
function liveFingerprints(changes: readonly Change[], live: LiveState): Record<string, string> {
  const byId = indexLiveById(live)
  const out: Record<string, string> = {}
  for (const c of changes) {
    if (c.kind === 'create') continue
    const found = byId.get(liveIdKey(c.type, c.id))
    if (found) out[resourceKey(c.type, c.key)] = found.fingerprint
  }
  return out
}
