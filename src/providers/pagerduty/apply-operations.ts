import type {ResourceType} from '../../model/keys.js'
import type {EscalationPolicy} from '../../model/escalation-policy.js'
import type {Schedule} from '../../model/schedule.js'
import type {Service} from '../../model/service.js'
import type {Team, TeamMember} from '../../model/team.js'
import type {User} from '../../model/user.js'
import type {Change, Resource} from '../../plan/change.js'
import type {ApplyClient} from './apply-client.js'
import type {PdUser} from './dto.js'
import type {LiveLayerRef} from './id-index.js'
import {escalationPolicyToPd} from './mapping/escalation-policy-to-pd.js'
import {scheduleToPd} from './mapping/schedule-to-pd.js'
import {serviceToPd} from './mapping/service-to-pd.js'
import {teamToPd} from './mapping/team-to-pd.js'
import type {ToPdContext} from './mapping/to-pd-context.js'
import {userToPd} from './mapping/user-to-pd.js'
import {parseDescription} from './ownership.js'
import {changedFieldsOnly} from './partial-body.js'
import {runV3ScheduleChange} from './v3/apply-v3-schedule.js'

/**
 * The API calls behind one change. Paths and wrapper keys per type; payloads come from the
 * *-to-pd mappers; every POST carries a findExisting that looks the object up by name (users:
 * by email) and accepts it only when it carries this config's marker for this key, so a POST
 * whose answer was lost is never repeated into a duplicate.
 */
export interface OperationContext extends ToPdContext {
  readonly client: ApplyClient
  readonly now: Date
}

const ENDPOINT: Readonly<Record<ResourceType, {readonly path: string; readonly one: string; readonly many: string}>> = {
  user: {path: '/users', one: 'user', many: 'users'},
  team: {path: '/teams', one: 'team', many: 'teams'},
  schedule: {path: '/schedules', one: 'schedule', many: 'schedules'},
  escalation_policy: {path: '/escalation_policies', one: 'escalation_policy', many: 'escalation_policies'},
  service: {path: '/services', one: 'service', many: 'services'},
}

interface PdObject {
  readonly id: string
  readonly name?: string
  readonly email?: string
  readonly description?: string | null
}

type Wrapped = Readonly<Record<string, PdObject | undefined>>

export interface ChangeOutcome {
  /** PagerDuty ID of the object the change concerns. */
  readonly id: string
  /** Team members to remove once everything else is applied (see syncMembers). */
  readonly memberRemovals: readonly MemberRemoval[]
}

export interface MemberRemoval {
  readonly teamId: string
  readonly userId: string
  readonly email: string
}

/** Runs one change (except the member removals it returns). */
export async function runChange(change: Change, ctx: OperationContext): Promise<ChangeOutcome> {
  // Shift-based schedules are v3 objects with their own endpoints (v3/apply-v3-schedule.ts).
  if (change.type === 'schedule' && isShiftBasedChange(change)) return {id: await runV3ScheduleChange(change, ctx), memberRemovals: []}
  const ep = ENDPOINT[change.type]
  switch (change.kind) {
    case 'create': {
      const body = await payload(change.type, change.after, ctx, undefined)
      const created = await ctx.client.post<Wrapped>(ep.path, {[ep.one]: body}, {
        findExisting: () => findExisting(change.type, change.after, ctx),
      })
      const id = created?.[ep.one]?.id
      if (typeof id !== 'string') throw new Error(`PagerDuty answered POST ${ep.path} without an id`)
      ctx.ids.record(change.type, change.key, id)
      const memberRemovals = change.type === 'team' ? await syncMembers(id, [], (change.after as Team).members, ctx) : []
      return {id, memberRemovals}
    }
    case 'update':
    case 'adopt': {
      ctx.ids.record(change.type, change.key, change.id)
      // Only the fields the change touches (partial-body.ts): adopting an object the config
      // describes exactly writes the marker and nothing else.
      const body = changedFieldsOnly(change, await payload(change.type, change.after, ctx, change.id, change.before))
      await ctx.client.put(`${ep.path}/${change.id}`, {[ep.one]: body})
      const memberRemovals =
        change.type === 'team' ? await syncMembers(change.id, (change.before as Team).members, (change.after as Team).members, ctx) : []
      return {id: change.id, memberRemovals}
    }
    case 'delete':
      await ctx.client.delete(`${ep.path}/${change.id}`)
      return {id: change.id, memberRemovals: []}
  }
}

function isShiftBasedChange(change: Change): boolean {
  const value = (change.kind === 'delete' ? change.before : change.after) as Schedule
  return value.rotations !== undefined
}

async function payload(type: ResourceType, value: Resource, ctx: OperationContext, id: string | undefined, before?: Resource): Promise<unknown> {
  switch (type) {
    case 'user': {
      // Users have no description in the model: keep the person's own text, add the marker.
      const live = id === undefined ? undefined : await ctx.client.get<{user?: PdUser}>(`/users/${id}`)
      return userToPd(value as User, ctx, live?.user?.description)
    }
    case 'team':
      return teamToPd(value as Team, ctx)
    case 'schedule':
      return scheduleToPd(value as Schedule, ctx, id === undefined ? [] : liveLayersOf(id, ctx), ctx.now)
    case 'escalation_policy':
      return escalationPolicyToPd(value as EscalationPolicy, ctx, id === undefined ? [] : ctx.ids.liveRules(id))
    case 'service':
      return serviceToPd(value as Service, ctx, before as Service | undefined)
  }
}

function liveLayersOf(scheduleId: string, ctx: OperationContext): readonly LiveLayerRef[] {
  const layers = ctx.ids.liveLayers(scheduleId)
  if (layers === undefined) {
    // Without the live layer IDs an update would add every layer again next to the old ones.
    throw new Error(`no live layer IDs for schedule ${scheduleId}: build the IdIndex with liveLayerRefs(raw account)`)
  }
  return layers
}

/** The object a lost POST may have created: same name (users: email) and this config's marker for this key. */
async function findExisting(type: ResourceType, value: Resource, ctx: OperationContext): Promise<Wrapped | undefined> {
  const ep = ENDPOINT[type]
  if (type === 'user') {
    const email = (value as User).email
    const found = await ctx.client.listAll<PdObject>(ep.path, ep.many, {query: email})
    const user = found.find((u) => u.email?.toLowerCase() === email)
    return user ? {[ep.one]: user} : undefined
  }
  const named = value as Team | Schedule | EscalationPolicy | Service
  const found = await ctx.client.listAll<PdObject>(ep.path, ep.many, {query: named.name})
  const mine = found.find((o) => {
    const marker = parseDescription(o.description).marker
    return o.name === named.name && marker?.owner === ctx.owner && marker.key === named.key
  })
  return mine ? {[ep.one]: mine} : undefined
}

/**
 * Team membership is not part of the team object: PUT /teams/{id}/users/{user_id} adds a member
 * or changes the role (idempotent), DELETE removes one. Diffed against the members the plan saw.
 * Additions and role changes happen now; removals are returned, because PagerDuty refuses to
 * remove a member that an escalation policy of the team still reaches ("User cannot be removed
 * as they belong to an escalation policy on this team"), and the schedule and policy updates
 * that stop reaching them come later in plan order.
 */
async function syncMembers(
  teamId: string,
  before: readonly TeamMember[],
  after: readonly TeamMember[],
  ctx: OperationContext,
): Promise<MemberRemoval[]> {
  const had = new Map(before.map((m) => [m.email, m.role]))
  const wants = new Set(after.map((m) => m.email))
  for (const m of after) {
    if (had.get(m.email) === m.role) continue
    await ctx.client.put(`/teams/${teamId}/users/${userIdOf(m.email, ctx)}`, {role: m.role})
  }
  return before.filter((m) => !wants.has(m.email)).map((m) => ({teamId, userId: userIdOf(m.email, ctx), email: m.email}))
}

export async function removeMember(removal: MemberRemoval, ctx: OperationContext): Promise<void> {
  await ctx.client.delete(`/teams/${removal.teamId}/users/${removal.userId}`)
}

/** A member the live read could not name (see unknownRef) still has its ID in the placeholder. */
function userIdOf(email: string, ctx: OperationContext): string {
  const unknown = /^unknown-user:(.+)$/.exec(email)
  return unknown ? (unknown[1] as string) : ctx.ids.requireId('user', email)
}
