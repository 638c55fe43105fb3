import {baseScheduleKey} from './schedule-kinds.js'
import type {EscalationPolicy} from '../model/escalation-policy.js'
import type {ResourceType} from '../model/keys.js'
import type {Schedule} from '../model/schedule.js'
import type {Service} from '../model/service.js'
import type {Change, Resource} from './change.js'
import {COLLECTION_OF, type LiveResource, type LiveState} from './live-state.js'
import type {Plan} from './plan.js'

type OwnedType = Exclude<ResourceType, 'user'>
interface Ref {
  readonly type: OwnedType
  readonly key: string
}

/** Which types point at which: PagerDuty refuses to delete an object that one of these still uses. */
const REFERRERS: readonly OwnedType[] = ['schedule', 'escalation_policy', 'service']

/**
 * Pre-flight referential check: deletes in the plan whose object would still be used after the
 * plan by an object that stays (a schedule in a kept policy, a policy of a kept service, a team
 * of a kept schedule or policy). Found at plan time, so apply never stops half-way on PagerDuty's
 * refusal.
 *
 * Live references are keys mapped from IDs, and keys of different owners may collide, so a live
 * reference counts only when exactly one live object of that type has the key; references in
 * the plan's own values come from the config and always mean this config's object.
 */
export function findDanglingReferences(plan: Plan, live: LiveState): string[] {
  const deleted = new Map<string, Change>()
  for (const c of plan.changes) if (c.kind === 'delete') deleted.set(refId({type: c.type as OwnedType, key: c.key}), c)
  if (deleted.size === 0) return []

  const changedById = new Map<string, Change>()
  for (const c of plan.changes) if (c.kind !== 'create') changedById.set(`${c.type}:${c.id}`, c)

  // A schedule deleted as one kind and created as the other (schedule-kinds.ts): references the
  // config writes by key mean the new one; live ones to the old kind read `key (layer-based)`.
  const recreated = new Set(plan.changes.filter((c) => c.kind === 'create').map((c) => refId({type: c.type as OwnedType, key: c.key})))
  const messages: string[] = []
  for (const type of REFERRERS) {
    for (const l of live[COLLECTION_OF[type]] as readonly LiveResource<Resource>[]) {
      const change = changedById.get(`${type}:${l.id}`)
      if (change?.kind === 'delete') continue
      // An update or adoption replaces the live value with the config's, whose references are exact.
      const fromConfig = change !== undefined
      const value = change && change.kind !== 'create' ? change.after : l.value
      for (const written of referencesOf(type, value)) {
        if (fromConfig && recreated.has(refId(written))) continue
        const ref = fromConfig ? written : {...written, key: baseScheduleKey(written.key)}
        const gone = deleted.get(refId(ref))
        if (!gone || (!fromConfig && !isUnambiguous(live, ref))) continue
        messages.push(describe(gone, type, value, owner(l, plan.owner, fromConfig), l.id))
      }
    }
    for (const c of plan.changes.filter((c) => c.kind === 'create' && c.type === type)) {
      if (c.kind !== 'create') continue
      for (const ref of referencesOf(type, c.after)) {
        if (recreated.has(refId(ref))) continue
        const gone = deleted.get(refId(ref))
        if (gone) messages.push(describe(gone, type, c.after, 'this config (created by this plan)', null))
      }
    }
  }
  return messages
}

function referencesOf(type: OwnedType, value: Resource): Ref[] {
  switch (type) {
    case 'schedule':
      return (value as Schedule).teams.map((key) => ({type: 'team', key}))
    case 'escalation_policy': {
      const p = value as EscalationPolicy
      const refs: Ref[] = p.team === null ? [] : [{type: 'team', key: p.team}]
      for (const rule of p.rules) for (const t of rule.targets) if (t.type === 'schedule') refs.push({type: 'schedule', key: t.key})
      return refs
    }
    case 'service':
      return [{type: 'escalation_policy', key: (value as Service).escalationPolicy}]
    case 'team':
      return []
  }
}

function isUnambiguous(live: LiveState, ref: Ref): boolean {
  const all = live[COLLECTION_OF[ref.type]] as readonly LiveResource<{readonly key: string}>[]
  return all.filter((l) => l.value.key === ref.key).length === 1
}

function owner(l: LiveResource<Resource>, ours: string, fromConfig: boolean): string {
  if (fromConfig || l.owner === ours) return 'this config'
  return l.owner === null ? 'nobody (unmanaged)' : `config "${l.owner}"`
}

function describe(gone: Change, type: OwnedType, value: Resource, ownedBy: string, id: string | null): string {
  const name = 'name' in value ? value.name : ''
  const what = `${type.replace('_', ' ')} "${name}"${id === null ? '' : ` (${id})`}, owned by ${ownedBy}`
  const fix = ownedBy.startsWith('nobody')
    ? 'remove the reference in PagerDuty first'
    : ownedBy.startsWith('config')
      ? `remove the reference in ${ownedBy} first`
      : 'remove the reference from this config'
  return `${gone.type.replace('_', ' ')} ${gone.key} would be deleted but ${what} still uses it: ${fix}, or keep ${gone.type.replace('_', ' ')} ${gone.key} in this config`
}

function refId(ref: Ref): string {
  return `${ref.type}:${ref.key}`
}
