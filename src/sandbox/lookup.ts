import type {SandboxContext} from './context.js'
import {invalidInput, notFound} from './errors.js'
import type {PolicyRec, ScheduleRec, ServiceRec, TeamRec, UserRec} from './state.js'

/** Finders that 404 (for path IDs) and relationship queries shared by several routes. */
export function findById<T extends {id: string}>(items: readonly T[], id: string): T {
  const found = items.find((x) => x.id === id)
  if (!found) throw notFound()
  return found
}

/** For IDs inside a body: an unknown reference is invalid input (400), not a missing resource. */
export function requireRef<T extends {id: string}>(items: readonly T[], id: unknown, what: string): T {
  const found = typeof id === 'string' ? items.find((x) => x.id === id) : undefined
  if (!found) throw invalidInput(`${what} ${String(id)} not found`)
  return found
}

export function userById(ctx: SandboxContext, id: string): UserRec | undefined {
  return ctx.state.users.find((u) => u.id === id)
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

export function teamsOfUser(ctx: SandboxContext, userId: string): TeamRec[] {
  const ids = new Set(ctx.state.members.filter((m) => m.user === userId).map((m) => m.team))
  return ctx.state.teams.filter((t) => ids.has(t.id))
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
