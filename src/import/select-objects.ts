/**
 * Which live objects `oncall import` writes, and why the others are left out. Pure.
 *
 * 1. Every object gets its own reasons to be left out: marked by another owner (that config
 *    manages it), something the model cannot hold (unmodelled.ts), a written form that would not
 *    read back the same (check-expressible.ts), a reference to something missing from the
 *    account, or a display name another object of its type already has.
 * 2. The selection: everything, or the objects of `--team` teams plus the `--schedule/--policy/
 *    --service` objects, closed over their dependencies (service → policy → schedules, and the
 *    teams they name), so the written config is complete.
 * 3. Anything that depends on a left-out object is left out too (its config would name a key the
 *    config does not have), until nothing changes.
 */
import type {EscalationPolicy} from '../model/escalation-policy.js'
import type {ResourceType} from '../model/keys.js'
import type {Schedule} from '../model/schedule.js'
import type {Service} from '../model/service.js'
import type {Team} from '../model/team.js'
import type {LiveResource, LiveState} from '../plan/live-state.js'
import type {PdScheduleLayer, RawAccount} from '../providers/pagerduty/dto.js'
import {hasEnded} from '../providers/pagerduty/mapping/live-layers.js'
import {expressibilityProblems} from './check-expressible.js'
import {writtenEscalationPolicy, writtenSchedule, writtenService, writtenTeam} from './model-to-written.js'
import {policyUnmodelled, scheduleUnmodelled, serviceUnmodelled, shiftBasedUnmodelled} from './unmodelled.js'

export type ImportType = Exclude<ResourceType, 'user'>

export interface ImportFilter {
  /** Team names, keys or IDs. Empty with the lists below empty: import everything. */
  readonly teams: readonly string[]
  readonly schedules: readonly string[]
  readonly policies: readonly string[]
  readonly services: readonly string[]
}

export interface SkippedObject {
  readonly type: ImportType
  readonly key: string
  readonly id: string
  readonly name: string
  readonly reasons: readonly string[]
}

export interface Selection {
  readonly teams: Team[]
  readonly schedules: Schedule[]
  readonly escalationPolicies: EscalationPolicy[]
  readonly services: Service[]
  /** Left out, in type then key order. Only objects the filter selected (or that they need) are listed. */
  readonly skipped: SkippedObject[]
  /** Filter values that matched nothing. */
  readonly unmatched: string[]
  /** Objects outside the filter that come along because selected ones use them ("schedule x (used by policy y)"). */
  readonly pulledIn: string[]
  /**
   * Imported objects with values the language cannot say, which apply carries through unchanged
   * (docs/fields.md "preserved"): `service api ("API", P1): not managed by the config, kept as it is: status (maintenance)`.
   */
  readonly notManaged: string[]
}

interface Node {
  readonly type: ImportType
  readonly live: LiveResource<Team | Schedule | EscalationPolicy | Service>
  /** IDs of the objects it needs in the same config. */
  readonly needs: string[]
  readonly reasons: string[]
  /** Team IDs it belongs to (for --team). */
  readonly teamIds: string[]
}

export function selectObjects(live: LiveState, raw: RawAccount, owner: string, filter: ImportFilter, now: Date): Selection {
  const nodes = buildNodes(live, raw, owner, now)
  markDuplicateNames(nodes)
  const {ids: selected, unmatched} = initialSelection(nodes, filter)
  const initial = new Set(selected)
  const neededBy = closeOverNeeds(selected, nodes)
  const skipped = new Set([...selected].filter((id) => (nodes.get(id) as Node).reasons.length > 0))
  for (let changed = true; changed; ) {
    changed = false
    for (const id of selected) {
      if (skipped.has(id)) continue
      const node = nodes.get(id) as Node
      const missing = node.needs.find((need) => skipped.has(need) || !nodes.has(need))
      if (missing === undefined) continue
      const dep = nodes.get(missing)
      node.reasons.push(dep ? `it uses ${label(dep.type)} ${dep.live.value.key}, which is not imported` : `it refers to ${missing}, which is not in the account`)
      skipped.add(id)
      changed = true
    }
  }
  const kept = (type: ImportType) =>
    [...selected]
      .map((id) => nodes.get(id) as Node)
      .filter((n) => n.type === type && !skipped.has(n.live.id))
      .sort((a, b) => compare(a.live.value.key, b.live.value.key))
      .map((n) => n.live.value)
  const order: ImportType[] = ['team', 'schedule', 'escalation_policy', 'service']
  return {
    teams: kept('team') as Team[],
    schedules: kept('schedule') as Schedule[],
    escalationPolicies: kept('escalation_policy') as EscalationPolicy[],
    services: kept('service') as Service[],
    skipped: [...skipped]
      .map((id) => nodes.get(id) as Node)
      .sort((a, b) => order.indexOf(a.type) - order.indexOf(b.type) || compare(a.live.value.key, b.live.value.key))
      .map((n) => ({type: n.type, key: n.live.value.key, id: n.live.id, name: n.live.value.name, reasons: [...n.reasons]})),
    unmatched,
    pulledIn: [...selected]
      .filter((id) => !initial.has(id) && !skipped.has(id))
      .map((id) => {
        const node = nodes.get(id) as Node
        const user = nodes.get(neededBy.get(id) as string) as Node
        return `${label(node.type)} ${node.live.value.key} (used by ${label(user.type)} ${user.live.value.key})`
      })
      .sort(),
    notManaged: order.flatMap((type) =>
      [...selected]
        .map((id) => nodes.get(id) as Node)
        .filter((n) => n.type === type && !skipped.has(n.live.id) && (n.live.notManaged ?? []).length > 0)
        .sort((a, b) => compare(a.live.value.key, b.live.value.key))
        .map((n) => `${label(n.type)} ${n.live.value.key} ("${n.live.value.name}", ${n.live.id}): not managed by the config, kept as it is: ${(n.live.notManaged ?? []).join(', ')}`),
    ),
  }
}

export function label(type: string): string {
  return type.replace('_', ' ')
}

function buildNodes(live: LiveState, raw: RawAccount, owner: string, now: Date): Map<string, Node> {
  const nodes = new Map<string, Node>()
  const ownReasons = (resource: LiveResource<{readonly key: string}>): string[] =>
    resource.owner !== null && resource.owner !== owner ? [`it is managed by the oncall config of owner "${resource.owner}"`] : []
  const unknownRefs = (refs: readonly string[]) =>
    refs.filter((r) => r.startsWith('unknown-')).map((r) => `it refers to ${r.replace(/^unknown-/, '')}, which the account listing does not have`)

  const policyTeamById = new Map(raw.escalationPolicies.map((p) => [p.id, p.teams?.[0]?.id ?? null]))
  const policyTeamKey = new Map(live.escalationPolicies.map((p) => [p.id, p.value.team]))

  for (const t of live.teams) {
    const reasons = [...ownReasons(t), ...unknownRefs(t.value.members.map((m) => m.email))]
    if (reasons.length === 0) reasons.push(...expressibilityProblems('team', t.value, writtenTeam(t.value)))
    nodes.set(t.id, {type: 'team', live: t, needs: [], reasons, teamIds: [t.id]})
  }
  const rawSchedules = new Map(raw.schedules.map((s) => [s.id, s]))
  const rawV3Schedules = new Map((raw.v3Schedules ?? []).map((s) => [s.id, s]))
  for (const s of live.schedules) {
    const shiftBased = s.value.rotations !== undefined
    // v2 and v3 IDs are different spaces: look the raw object up on its own side.
    const r = shiftBased ? undefined : rawSchedules.get(s.id)
    const teamIds = ((shiftBased ? rawV3Schedules.get(s.id) : r)?.teams ?? []).map((t) => t.id)
    const current = (layer: PdScheduleLayer) => !hasEnded(layer, now.getTime())
    const reasons = [
      ...ownReasons(s),
      ...(r ? scheduleUnmodelled(r, current) : []),
      ...unknownRefs([...s.value.teams, ...s.value.layers.flatMap((l) => l.users), ...(s.value.rotations ?? []).flatMap((rot) => rot.events.flatMap((e) => e.members))]),
    ]
    if (shiftBased) reasons.push(...shiftBasedUnmodelled(s.value, rawV3Schedules.get(s.id), now.getTime()))
    else if (s.value.layers.length === 0) reasons.push('it has no current layers (every layer has ended)')
    if (reasons.length === 0) reasons.push(...expressibilityProblems('schedule', s.value, writtenSchedule(s.value)))
    nodes.set(s.id, {type: 'schedule', live: s, needs: teamIds, reasons, teamIds})
  }
  const rawPolicies = new Map(raw.escalationPolicies.map((p) => [p.id, p]))
  for (const p of live.escalationPolicies) {
    const r = rawPolicies.get(p.id)
    const teamIds = (r?.teams ?? []).map((t) => t.id)
    const targets = (r?.escalation_rules ?? []).flatMap((rule) => rule.targets.filter((t) => t.type.startsWith('schedule')).map((t) => t.id))
    const refs = [...(p.value.team === null ? [] : [p.value.team]), ...p.value.rules.flatMap((rule) => rule.targets.map((t) => (t.type === 'user' ? t.email : t.key)))]
    const reasons = [...ownReasons(p), ...(r ? policyUnmodelled(r) : []), ...unknownRefs(refs)]
    if (reasons.length === 0) reasons.push(...expressibilityProblems('escalation_policy', p.value, writtenEscalationPolicy(p.value)))
    nodes.set(p.id, {type: 'escalation_policy', live: p, needs: [...teamIds, ...targets], reasons, teamIds})
  }
  const rawServices = new Map(raw.services.map((s) => [s.id, s]))
  for (const s of live.services) {
    const r = rawServices.get(s.id)
    const policyId = r?.escalation_policy.id
    const policyTeam = policyId === undefined ? null : (policyTeamById.get(policyId) ?? null)
    const reasons = [...ownReasons(s), ...(r ? serviceUnmodelled(r) : []), ...unknownRefs([s.value.escalationPolicy])]
    if (reasons.length === 0) {
      const teamKey = policyId === undefined ? null : (policyTeamKey.get(policyId) ?? null)
      reasons.push(...expressibilityProblems('service', s.value, writtenService(s.value, teamKey)))
    }
    nodes.set(s.id, {type: 'service', live: s, needs: policyId === undefined ? [] : [policyId], reasons, teamIds: policyTeam === null ? [] : [policyTeam]})
  }
  return nodes
}

/**
 * The language refuses two objects of a type with one display name, and a plan adopts unmarked
 * objects by name: the second one (in ID order) cannot be described, so it is left out.
 */
function markDuplicateNames(nodes: Map<string, Node>): void {
  const seen = new Map<string, Node>()
  const eligible = [...nodes.values()].filter((n) => !n.reasons.some((r) => r.startsWith('it is managed by')))
  for (const node of eligible.sort((a, b) => compare(a.live.id, b.live.id))) {
    const name = `${node.type}:${node.live.value.name.trim().toLowerCase()}`
    const first = seen.get(name)
    if (first) node.reasons.push(`its name is the name of ${label(first.type)} ${first.live.value.key} (${first.live.id}); rename one of them in PagerDuty`)
    else seen.set(name, node)
    const byKey = `key:${node.type}:${node.live.value.key}`
    const keyTwin = seen.get(byKey)
    if (keyTwin) node.reasons.push(`its key ${node.live.value.key} is also on ${keyTwin.live.id} (a duplicated ownership marker)`)
    else seen.set(byKey, node)
  }
}

function initialSelection(nodes: Map<string, Node>, filter: ImportFilter): {ids: Set<string>; unmatched: string[]} {
  const all = [...nodes.values()]
  if (filter.teams.length + filter.schedules.length + filter.policies.length + filter.services.length === 0) {
    return {ids: new Set(all.map((n) => n.live.id)), unmatched: []}
  }
  const ids = new Set<string>()
  const unmatched: string[] = []
  const find = (type: ImportType, wanted: string, byName: boolean) =>
    all.filter(
      (n) =>
        n.type === type &&
        (n.live.id === wanted || n.live.value.key === wanted || (byName && n.live.value.name.trim().toLowerCase() === wanted.trim().toLowerCase())),
    )
  for (const wanted of filter.teams) {
    const teams = find('team', wanted, true)
    if (teams.length === 0) unmatched.push(`team ${wanted}`)
    const teamIds = new Set(teams.map((t) => t.live.id))
    for (const n of all) if (n.teamIds.some((id) => teamIds.has(id))) ids.add(n.live.id)
  }
  const explicit: [ImportType, readonly string[]][] = [
    ['schedule', filter.schedules],
    ['escalation_policy', filter.policies],
    ['service', filter.services],
  ]
  for (const [type, list] of explicit) {
    for (const wanted of list) {
      const found = find(type, wanted, true)
      if (found.length === 0) unmatched.push(`${label(type)} ${wanted}`)
      for (const n of found) ids.add(n.live.id)
    }
  }
  return {ids, unmatched}
}

/** Adds what the selected objects use; returns, for each added ID, the ID of an object that needs it. */
function closeOverNeeds(selected: Set<string>, nodes: Map<string, Node>): Map<string, string> {
  const neededBy = new Map<string, string>()
  const queue = [...selected].sort()
  while (queue.length > 0) {
    const id = queue.shift() as string
    for (const need of nodes.get(id)?.needs ?? []) {
      if (!selected.has(need) && nodes.has(need)) {
        selected.add(need)
        neededBy.set(need, id)
        queue.push(need)
      }
    }
  }
  return neededBy
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
