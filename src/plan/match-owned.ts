import type {ResourceType} from '../model/keys.js'
import type {Change, Resource} from './change.js'
import {compareStrings} from './canonical-json.js'
import {diffFields} from './field-diff.js'
import type {LiveResource} from './live-state.js'
import type {OwnershipConflict, PlanWarning, UnmanagedMatch} from './plan.js'

/** What the ownership rules decide for one resource type. */
export interface CollectionPlan {
  readonly changes: Change[]
  readonly unmanaged: UnmanagedMatch[]
  readonly conflicts: OwnershipConflict[]
  readonly warnings: PlanWarning[]
  /** Problems that block apply (plan.errors): several objects carrying our marker for one key. */
  readonly errors: PlanWarning[]
}

type Named = Resource & {readonly key: string; readonly name: string}

/** Types whose names PagerDuty keeps unique per account ("Name has already been taken"). */
const UNIQUE_NAMES: ReadonlySet<ResourceType> = new Set(['team', 'escalation_policy', 'service'])

/**
 * Stateless ownership (octoDNS' ownership processor, with the marker on the object itself):
 *
 * - live objects marked with our owner are managed: matched to the config by key; both sides →
 *   update when fields differ; live only → delete; config only → create;
 * - an unmarked live object with a config object's display name (case-insensitive) is reported as
 *   unmanaged and the config object is NOT created (that would duplicate the name, or fail where
 *   PagerDuty wants unique names); with `adopt` it becomes an `adopt` change instead;
 * - an object marked by another owner with a config object's display name is a conflict where
 *   PagerDuty wants unique names (teams, escalation policies, services) and a warning for
 *   schedules, which may share names. Keys are not compared across owners: each config has its
 *   own key space, so two teams may both call a schedule `primary` without touching each other;
 * - anything else we do not own is ignored.
 */
export function planCollection(
  type: Exclude<ResourceType, 'user'>,
  desired: ReadonlyMap<string, Named>,
  live: readonly LiveResource<Named>[],
  owner: string,
  adopt: boolean,
): CollectionPlan {
  const out: CollectionPlan = {changes: [], unmanaged: [], conflicts: [], warnings: [], errors: []}
  const byId = [...live].sort((a, b) => compareStrings(a.id, b.id))
  const managed = new Map<string, LiveResource<Named>>()
  const copies = new Map<string, string[]>()
  for (const l of byId.filter((l) => l.owner === owner)) {
    copies.set(l.value.key, [...(copies.get(l.value.key) ?? []), l.id])
    if (!managed.has(l.value.key)) managed.set(l.value.key, l)
  }
  // Several objects with one key's marker (concurrent applies of an older version, a lost lock, a
  // copy made by hand): which one is "ours" is a guess, and updating one while references use
  // another is how a policy ends up paging a schedule git no longer updates. Stop, naming them.
  for (const [key, ids] of [...copies].filter(([, ids]) => ids.length > 1).sort(([a], [b]) => compareStrings(a, b))) {
    out.errors.push({
      code: 'DUPLICATE_OWNED_KEY',
      message:
        `${type} ${key}: ${ids.length} objects carry this config's marker for this key (${ids.join(', ')}); nothing of this key is ` +
        'planned until only one is left. Keep the one that references use, delete the others in PagerDuty, then plan again',
      type,
      key,
    })
  }
  const duplicated = (key: string) => (copies.get(key)?.length ?? 0) > 1
  const unmarked = byId.filter((l) => l.owner === null)
  const others = byId.filter((l) => l.owner !== null && l.owner !== owner)

  for (const key of [...desired.keys()].sort(compareStrings)) {
    const want = desired.get(key) as Named
    const name = normalName(want.name)
    for (const o of others.filter((o) => normalName(o.value.name) === name)) {
      if (UNIQUE_NAMES.has(type)) out.conflicts.push({type, key, id: o.id, name: o.value.name, owner: o.owner as string})
      else out.warnings.push(sameNameWarning(type, key, o))
    }
    const mine = managed.get(key)
    if (mine && duplicated(key)) continue
    if (mine) {
      const fields = diffFields(type, mine.value, want)
      if (fields.length > 0) out.changes.push({kind: 'update', type, key, id: mine.id, before: mine.value, after: want, fields})
      continue
    }
    if (out.conflicts.some((c) => c.type === type && c.key === key)) continue
    const lookalike = unmarked.find((u) => normalName(u.value.name) === name)
    if (lookalike && adopt) {
      const fields = diffFields(type, lookalike.value, want)
      out.changes.push({kind: 'adopt', type, key, id: lookalike.id, before: lookalike.value, after: want, fields})
    } else if (lookalike) {
      out.unmanaged.push({type, key, id: lookalike.id, name: lookalike.value.name})
    } else {
      out.changes.push({kind: 'create', type, key, after: want})
    }
  }

  for (const [key, mine] of managed) {
    if (!desired.has(key) && !duplicated(key)) out.changes.push({kind: 'delete', type, key, id: mine.id, before: mine.value})
  }
  out.warnings.push(...rekeyWarnings(type, out.changes))
  return out
}

/**
 * A key renamed in YAML looks like "create the new key, delete the old one". Say so: the object
 * gets a new ID and history, and PagerDuty refuses a second team, policy or service with the same
 * name, so the create fails while the old object still exists.
 */
function rekeyWarnings(type: ResourceType, changes: readonly Change[]): PlanWarning[] {
  const deletedByName = new Map<string, string>()
  for (const c of changes) if (c.kind === 'delete') deletedByName.set(normalName((c.before as Named).name), c.key)
  const warnings: PlanWarning[] = []
  for (const c of changes) {
    if (c.kind !== 'create') continue
    const old = deletedByName.get(normalName((c.after as Named).name))
    if (old === undefined) continue
    warnings.push({
      code: 'KEY_CHANGED',
      message:
        `${type} ${c.key} has the name of ${type} ${old}, which the plan deletes: a key change re-creates the object ` +
        `(new ID, and PagerDuty may refuse the duplicate name). Keep the key ${old} to update it in place.`,
      type,
      key: c.key,
    })
  }
  return warnings
}

function sameNameWarning(type: ResourceType, key: string, other: LiveResource<Named>): PlanWarning {
  return {
    code: 'SAME_NAME_OTHER_OWNER',
    message: `${type} ${key}: config "${other.owner}" owns a ${type} with the same name, "${other.value.name}" (${other.id}); both will exist`,
    type,
    key,
  }
}

function normalName(name: string): string {
  return name.trim().toLowerCase()
}

