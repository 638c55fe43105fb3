import type {SandboxContext} from './context.js'
import {invalidInput, notFound} from './errors.js'
import type {MemberRec, PolicyRec, ScheduleRec, ServiceRec, TeamRec, UserRec} from './state.js'

/**
 * Indexes over the state's collections, so a page of a list costs the same on a big account as on
 * a small one (issue 14: a page of users scanned every membership per user). Routes only push to
 * a collection or replace it (filter on delete, a new state on reset/load), and never change a
 * record's id or a membership's team/user, so an index stays valid while its array is the same
 * object with the same length.
 */
function indexed<T extends object, I>(cache: WeakMap<readonly T[], {length: number; index: I}>, items: readonly T[], build: () => I): I {
  const hit = cache.get(items)
  if (hit && hit.length === items.length) return hit.index
  const index = build()
  cache.set(items, {length: items.length, index})
  return index
}

const byIdCache = new WeakMap<readonly {id: string}[], {length: number; index: Map<string, number>}>()

/**
 * The record with this id (the first, as `find` would), through an index of positions. A position
 * is checked against the array, and a miss looks again in full (rebuilding the index), so a record
 * replaced in place is still found.
 */
export function recordById<T extends {id: string}>(items: readonly T[], id: string): T | undefined {
  const build = () => {
    const map = new Map<string, number>()
    items.forEach((x, i) => {
      if (!map.has(x.id)) map.set(x.id, i)
    })
    return map
  }
  const at = indexed(byIdCache, items, build).get(id)
  const hit = at === undefined ? undefined : items[at]
  if (hit?.id === id) return hit
  const found = items.find((x) => x.id === id)
  if (found) byIdCache.set(items, {length: items.length, index: build()})
  return found
}

/** Finders that 404 (for path IDs) and relationship queries shared by several routes. */
export function findById<T extends {id: string}>(items: readonly T[], id: string): T {
  const found = recordById(items, id)
  if (!found) throw notFound()
  return found
}

/** For IDs inside a body: an unknown reference is invalid input (400), not a missing resource. */
export function requireRef<T extends {id: string}>(items: readonly T[], id: unknown, what: string): T {
  const found = typeof id === 'string' ? recordById(items, id) : undefined
  if (!found) throw invalidInput(`${what} ${String(id)} not found`)
  return found
}

export function userById(ctx: SandboxContext, id: string): UserRec | undefined {
  return recordById(ctx.state.users, id)
}

export function policiesTargetingSchedule(ctx: SandboxContext, scheduleId: string, kind: 'schedule' | 'schedule_v3' = 'schedule'): PolicyRec[] {
  return ctx.state.escalation_policies.filter((p) => p.rules.some((r) => r.targets.some((t) => t.kind === kind && t.id === scheduleId)))
}

export function policiesTargetingUser(ctx: SandboxContext, userId: string): PolicyRec[] {
  return ctx.state.escalation_policies.filter((p) => p.rules.some((r) => r.targets.some((t) => t.kind === 'user' && t.id === userId)))
}

export function servicesUsingPolicy(ctx: SandboxContext, policyId: string): ServiceRec[] {
  return ctx.state.services.filter((s) => s.escalation_policy === policyId)
}

/** A service's teams follow its escalation policy's team (Service.teams is readOnly, notes §3.6). */
export function serviceTeams(ctx: SandboxContext, service: ServiceRec): TeamRec[] {
  const policy = ctx.state.escalation_policies.find((p) => p.id === service.escalation_policy)
  return (policy?.teams ?? []).map((id) => ctx.state.teams.find((t) => t.id === id)).filter((t): t is TeamRec => t !== undefined)
}

const teamsOfUserCache = new WeakMap<readonly MemberRec[], {length: number; index: Map<string, Set<string>>}>()
const teamOrderCache = new WeakMap<readonly TeamRec[], {length: number; index: Map<string, number>}>()

/** The user's teams in the account's team order, from indexes of memberships by user and of teams' positions. */
export function teamsOfUser(ctx: SandboxContext, userId: string): TeamRec[] {
  const {members, teams} = ctx.state
  const byUser = indexed(teamsOfUserCache, members, () => {
    const map = new Map<string, Set<string>>()
    for (const m of members) {
      const set = map.get(m.user)
      if (set) set.add(m.team)
      else map.set(m.user, new Set([m.team]))
    }
    return map
  })
  const position = indexed(teamOrderCache, teams, () => {
    const map = new Map<string, number>()
    teams.forEach((t, i) => {
      if (!map.has(t.id)) map.set(t.id, i)
    })
    return map
  })
  const at = [...(byUser.get(userId) ?? [])].map((id) => position.get(id)).filter((i): i is number => i !== undefined)
  return at.sort((a, b) => a - b).map((i) => teams[i] as TeamRec)
}

/** Schedules whose layers (ended ones excluded) rotate the user. */
export function schedulesRotatingUser(ctx: SandboxContext, userId: string): ScheduleRec[] {
  const now = ctx.now()
  return ctx.state.schedules.filter((s) => s.layers.some((l) => (l.end === null || l.end > now) && l.users.includes(userId)))
}

/** Names are compared case-insensitively where PD enforces uniqueness. */
export function nameTaken(items: readonly {id: string; name: string}[], name: string, exceptId?: string): boolean {
  const n = name.trim().toLowerCase()
  return items.some((x) => x.id !== exceptId && x.name.trim().toLowerCase() === n)
}

/**
 * Items sorted by name (case-insensitive, then id), as every list endpoint serves them. Sorted
 * once and reused while the collection is unchanged (issue 14: re-sorting the whole collection
 * for every page made a page cost in proportion to the account). "Unchanged" is checked in O(n)
 * with cheap comparisons: same array, same members, same names and ids in the cached order; any
 * write (push, replace, rename, filter into a new array) fails the check and re-sorts.
 */
export function byName<T extends {name: string; id: string}>(items: readonly T[]): T[] {
  const hit = sortedCache.get(items) as SortedEntry<T> | undefined
  if (hit && stillSorted(hit, items)) return hit.sorted.slice()
  const sorted = [...items].sort((a, b) => a.name.toLowerCase().localeCompare(b.name.toLowerCase()) || a.id.localeCompare(b.id))
  sortedCache.set(items, {sorted, names: sorted.map((x) => x.name), ids: sorted.map((x) => x.id), members: new Set(items)})
  return sorted.slice()
}

interface SortedEntry<T> {
  readonly sorted: readonly T[]
  readonly names: readonly string[]
  readonly ids: readonly string[]
  readonly members: ReadonlySet<T>
}

const sortedCache = new WeakMap<readonly object[], SortedEntry<{name: string; id: string}>>()

function stillSorted<T extends {name: string; id: string}>(hit: SortedEntry<T>, items: readonly T[]): boolean {
  if (hit.sorted.length !== items.length) return false
  for (const x of items) if (!hit.members.has(x)) return false
  for (let i = 0; i < hit.sorted.length; i++) {
    const x = hit.sorted[i] as T
    if (x.name !== hit.names[i] || x.id !== hit.ids[i]) return false
  }
  return true
}
