import {resourceKey} from '../model/keys.js'
import type {Change, Resource} from './change.js'
import {indexLiveById, liveIdKey} from './live-index.js'
import {COLLECTION_OF, type LiveResource, type LiveState} from './live-state.js'
import type {Plan} from './plan.js'

export interface FreshFingerprints {
  /** Fingerprint of the desired state loaded now (`makePlan(...).fingerprints.config`). */
  readonly config: string
  /** Fingerprints of the live objects the plan concerns, as read now (see `liveFingerprintsFor`). */
  readonly live: Readonly<Record<string, string>>
  /**
   * When apply runs. A rollout planned for a time that has passed since would end and start
   * layers in the past, which is not what the reviewed plan said.
   */
  readonly now?: Date
}

/**
 * Why a saved plan no longer describes what apply would do (Terraform's "saved plan is stale"),
 * or an empty list when it still does: the config changed, an object the plan updates or deletes
 * changed or vanished, an object the plan would create now exists, or a planned rollout time has
 * passed.
 */
export function findStaleReasons(plan: Plan, fresh: FreshFingerprints): string[] {
  const reasons: string[] = []
  if (fresh.config !== plan.fingerprints.config) reasons.push('the configuration changed since the plan was made')
  for (const [key, was] of Object.entries(plan.fingerprints.live).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const now = fresh.live[key]
    if (now === undefined) reasons.push(`${words(key)} no longer exists in the account`)
    else if (now !== was) reasons.push(`${words(key)} changed in the account since the plan was made`)
  }
  for (const c of plan.changes) {
    const key = resourceKey(c.type, c.key)
    // A migration creates a key's shift-based schedule while updating its layer-based one: the
    // fingerprint under the key is then the layer-based schedule's, checked above.
    const alsoChanged = plan.changes.some((o) => o.kind !== 'create' && o.type === c.type && o.key === c.key)
    if (c.kind === 'create' && !alsoChanged && fresh.live[key] !== undefined) reasons.push(`${words(key)} now exists in the account (created since the plan was made)`)
  }
  for (const r of plan.rollouts ?? []) {
    if (fresh.now !== undefined && Date.parse(r.at) <= fresh.now.getTime()) {
      reasons.push(`schedule ${r.schedule}: layer "${r.layerName}" was to change at ${r.atLocal} ${r.timeZone}, which has passed since the plan was made`)
    }
  }
  return reasons
}

/**
 * Fresh fingerprints of what `plan` concerns, keyed like `plan.fingerprints.live`: objects it
 * updates, adopts or deletes (found by ID, so a rename does not hide them), and any object that
 * now takes the place of one it creates (ours with that key, or any with that name; users by email).
 */
export function liveFingerprintsFor(plan: Plan, live: LiveState): Record<string, string> {
  const byId = indexLiveById(live)
  const out: Record<string, string> = {}
  for (const c of plan.changes) {
    const found = c.kind === 'create' ? occupant(c, plan.owner, live) : byId.get(liveIdKey(c.type, c.id))
    if (found) out[resourceKey(c.type, c.key)] = found.fingerprint
  }
  return out
}

function occupant(c: Change & {kind: 'create'}, owner: string, live: LiveState): LiveResource<Resource> | undefined {
  if (c.type === 'user') return live.users.get(c.key)
  const name = c.after.name.trim().toLowerCase()
  const all = live[COLLECTION_OF[c.type]] as readonly LiveResource<{readonly key: string; readonly name: string; readonly rotations?: unknown}>[]
  // Schedules: only one of the same kind takes the place of a create (layer- and shift-based ones
  // are different objects, plan/schedule-kinds.ts).
  const kind = (v: {readonly rotations?: unknown}) => v.rotations !== undefined
  const candidates = c.type === 'schedule' ? all.filter((l) => kind(l.value) === kind(c.after as {rotations?: unknown})) : all
  return candidates.find((l) => (l.owner === owner && l.value.key === c.key) || l.value.name.trim().toLowerCase() === name) as
    | LiveResource<Resource>
    | undefined
}

function words(key: string): string {
  const i = key.indexOf(':')
  return `${key.slice(0, i).replace('_', ' ')} ${key.slice(i + 1)}`
}
