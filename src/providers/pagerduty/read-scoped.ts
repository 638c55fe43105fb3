/**
 * Reads only the part of the account a config can touch (issue 14): a one-team config on an
 * account of thousands of objects plans in a handful of requests instead of listing everything.
 *
 * What is read, in order:
 *  1. the config's teams, by name (`GET /teams?query=`, exact match kept);
 *  2. members of the teams this config owns or may adopt (as the full read does);
 *  3. users of those teams (`GET /users?team_ids[]=`), then each further email the config
 *     references (`GET /users?query=`);
 *  4. schedules, escalation policies and services linked to those teams (`team_ids[]`);
 *  5. per type, when a config object was NOT found among them carrying our marker and key (a new
 *     object, a renamed team, or one whose team link was removed by hand): that whole type is
 *     listed, exactly as the full read would. So a create in a scoped plan is never a duplicate of
 *     an owned object we failed to see, an update is never missed, and name lookalikes (adoption,
 *     conflicts) are judged against the whole type;
 *  6. references out of what was read (a policy's schedule, a service's policy, a layer's user,
 *     an object's other team) are fetched by ID, so objects map exactly as in a full read, and an
 *     owned object that left the config but is still referenced is found (and deleted).
 *
 * What a scoped read cannot see: an owned object that is neither in the config, nor linked to
 * one of its teams, nor referenced by anything read: e.g. a team removed from the config together
 * with its schedules, or an object unlinked from its team by hand and removed from the config.
 * PagerDuty cannot filter by our marker (it lives in the description), so only a full listing
 * finds those; `--refresh=full` (the drift job) does. See README "Performance".
 *
 * The result has the same shape as readAccount's, so mapping and planning do not know which
 * read produced it.
 */
import type {PagerDutyClient} from './client/index.js'
import {PagerDutyApiError} from './client/index.js'
import type {PdEscalationPolicy, PdSchedule, PdService, PdTeam, PdTeamMember, PdUser, RawAccount, Read} from './dto.js'
import {parseDescription} from './ownership.js'
import {SCHEDULE_INCLUDES, SERVICE_INCLUDES} from './read-account.js'
import type {PdScheduleV3} from './v3/dto-v3.js'
import {listV3Schedules, readAllV3Schedules, v3SchedulesById} from './v3/read-v3-schedules.js'

/** A config object as the scoped read needs it: its key (marker) and display name. */
export interface ScopeObject {
  readonly key: string
  readonly name: string
}

export interface ReadScope {
  readonly owner: string
  readonly teams: readonly ScopeObject[]
  /** Layer-based schedules (v2). */
  readonly schedules: readonly ScopeObject[]
  /** Shift-based schedules (v3); absent or empty: no v3 request at all (see readScopedV3). */
  readonly v3Schedules?: readonly ScopeObject[]
  readonly escalationPolicies: readonly ScopeObject[]
  readonly services: readonly ScopeObject[]
  /** Every email the config names (declared users, members, layer users, targets). */
  readonly emails: readonly string[]
}

/** Which types a scoped read had to list in full, and why (for --verbose). */
export interface ScopedReadReport {
  readonly listedInFull: readonly {readonly type: string; readonly missing: string}[]
  readonly fetchedById: number
}

type Client = Pick<PagerDutyClient, 'listAll' | 'get'>

export async function readScoped(client: Client, scope: ReadScope): Promise<{raw: RawAccount; report: ScopedReadReport}> {
  const listedInFull: {type: string; missing: string}[] = []
  const owns = (o: {readonly description?: string | null}, key: string) => {
    const marker = parseDescription(o.description).marker
    return marker !== null && marker !== undefined && marker.owner === scope.owner && marker.key === key
  }
  const missingFrom = <T extends {readonly description?: string | null}>(found: readonly T[], wanted: readonly ScopeObject[]) =>
    wanted.find((w) => !found.some((o) => owns(o, w.key)))

  // 1. Teams by name; a config team we do not find owned means: list them all.
  let teams = uniqueById(
    (await Promise.all(scope.teams.map((t) => client.listAll<Read<PdTeam>>('/teams', 'teams', {query: t.name})))).flat(),
  ).filter((t) => scope.teams.some((w) => sameName(w.name, t.name)) || ownedByUs(t, scope.owner))
  const missingTeam = missingFrom(teams, scope.teams)
  if (missingTeam) {
    teams = await client.listAll<Read<PdTeam>>('/teams', 'teams')
    listedInFull.push({type: 'teams', missing: missingTeam.key})
  }
  const names = new Set(scope.teams.map((t) => normal(t.name)))
  const ofInterest = teams.filter((t) => {
    const {marker} = parseDescription(t.description)
    return marker ? marker.owner === scope.owner : names.has(normal(t.name))
  })
  const teamIds = ofInterest.map((t) => t.id)
  const byTeam = teamIds.length > 0 ? {'team_ids[]': teamIds} : undefined

  // 2.–4. Members, users, and the objects linked to our teams, all at once.
  const typeRead = async <T extends {readonly id: string; readonly description?: string | null}>(
    type: string,
    path: string,
    wrapper: string,
    wanted: readonly ScopeObject[],
    extra: Record<string, readonly string[]> = {},
  ): Promise<T[]> => {
    const linked = byTeam ? await client.listAll<T>(path, wrapper, {...byTeam, ...extra}) : []
    const missing = missingFrom(linked, wanted)
    if (!missing) return linked
    listedInFull.push({type, missing: missing.key})
    return client.listAll<T>(path, wrapper, extra)
  }
  const [members, teamUsers, schedules, escalationPolicies, services, v3Schedules] = await Promise.all([
    Promise.all(ofInterest.map((t) => client.listAll<PdTeamMember>(`/teams/${encodeURIComponent(t.id)}/members`, 'members'))),
    byTeam ? client.listAll<Read<PdUser>>('/users', 'users', byTeam) : Promise.resolve([]),
    typeRead<Read<PdSchedule>>('schedules', '/schedules', 'schedules', scope.schedules, {'include[]': SCHEDULE_INCLUDES}),
    typeRead<Read<PdEscalationPolicy>>('escalation_policies', '/escalation_policies', 'escalation_policies', scope.escalationPolicies),
    typeRead<Read<PdService>>('services', '/services', 'services', scope.services, {'include[]': SERVICE_INCLUDES}),
    readScopedV3(client, scope.v3Schedules ?? [], teamIds, missingFrom, listedInFull),
  ])
  const teamMembers = new Map(ofInterest.map((t, i) => [t.id, members[i] ?? []]))

  // Emails the config names that the team reads did not bring.
  const known = new Set(teamUsers.map((u) => normal(u.email)))
  const queried = await Promise.all(
    scope.emails
      .filter((e) => !known.has(normal(e)))
      .map(async (e) => (await client.listAll<Read<PdUser>>('/users', 'users', {query: e})).filter((u) => normal(u.email) === normal(e))),
  )

  const account = {
    users: uniqueById([...teamUsers, ...queried.flat()]),
    teams: [...teams],
    teamMembers,
    schedules,
    escalationPolicies,
    services,
    v3Schedules,
  }
  const fetchedById = await followReferences(client, account, (t) => ownedByUs(t, scope.owner))
  return {raw: account, report: {listedInFull, fetchedById}}
}

/**
 * Shift-based schedules of a scoped read: those linked to the config's teams (`team_ids[]`), each
 * fetched in full for its marker; when a config one is not among them owned, every v3 schedule
 * (as the full read). A config without shift-based schedules sends no v3 request, so an owned v3
 * schedule removed together with the last shift-based one of the config is seen only by
 * `--refresh=full` (like the other blind spots above).
 */
async function readScopedV3(
  client: Client,
  wanted: readonly ScopeObject[],
  teamIds: readonly string[],
  missingFrom: (found: readonly Read<PdScheduleV3>[], wanted: readonly ScopeObject[]) => ScopeObject | undefined,
  listedInFull: {type: string; missing: string}[],
): Promise<Read<PdScheduleV3>[]> {
  if (wanted.length === 0) return []
  const linked = teamIds.length > 0 ? await v3SchedulesById(client, (await listV3Schedules(client, {teamIds})).map((s) => s.id)) : []
  const missing = missingFrom(linked, wanted)
  if (!missing) return linked
  listedInFull.push({type: 'shift-based schedules', missing: missing.key})
  return readAllV3Schedules(client)
}

interface MutableAccount {
  v3Schedules?: Read<PdScheduleV3>[]
  users: Read<PdUser>[]
  teams: Read<PdTeam>[]
  teamMembers: Map<string, readonly PdTeamMember[]>
  schedules: Read<PdSchedule>[]
  escalationPolicies: Read<PdEscalationPolicy>[]
  services: Read<PdService>[]
}

/**
 * Fetches, by ID, every object referenced from what was read but not read itself, until closed
 * (a fetched policy may name a schedule, whose layers name users). Returns how many were fetched.
 */
async function followReferences(
  client: Client,
  account: MutableAccount,
  membersWanted: (team: Read<PdTeam>) => boolean,
  /** Teams already listed: taken from here instead of fetched. */
  teamCache: readonly Read<PdTeam>[] = [],
): Promise<number> {
  let fetched = 0
  // IDs already asked for: a vanished referent (404) is asked for once; mapping shows it unknown.
  const tried = new Set<string>()
  for (;;) {
    const have = (list: readonly {readonly id: string}[]) => new Set([...tried, ...list.map((o) => o.id)])
    const users = have(account.users)
    const teams = have(account.teams)
    const schedules = have(account.schedules)
    const policies = have(account.escalationPolicies)
    const v3 = have(account.v3Schedules ?? [])
    const want = {users: new Set<string>(), teams: new Set<string>(), schedules: new Set<string>(), policies: new Set<string>(), v3: new Set<string>()}
    const need = (set: Set<string>, known: Set<string>, id: string | undefined) => {
      if (id && !known.has(id)) set.add(id)
    }
    for (const m of account.teamMembers.values()) for (const member of m) need(want.users, users, member.user.id)
    for (const s of account.schedules) {
      for (const t of s.teams ?? []) need(want.teams, teams, t.id)
      for (const l of s.schedule_layers ?? []) for (const u of l.users) need(want.users, users, u.user.id)
    }
    for (const p of account.escalationPolicies) {
      for (const t of p.teams ?? []) need(want.teams, teams, t.id)
      for (const r of p.escalation_rules) {
        for (const t of r.targets) {
          if (t.type.startsWith('user')) need(want.users, users, t.id)
          else if (t.type === 'schedule_v3_reference') need(want.v3, v3, t.id)
          else if (t.type.startsWith('schedule')) need(want.schedules, schedules, t.id)
        }
      }
    }
    for (const s of account.v3Schedules ?? []) {
      for (const t of s.teams ?? []) need(want.teams, teams, t.id)
      for (const r of s.rotations ?? []) {
        for (const e of r.events ?? []) for (const m of e.assignment_strategy.members) if (m.type === 'user_member') need(want.users, users, m.user_id)
      }
    }
    for (const s of account.services) {
      for (const t of s.teams ?? []) need(want.teams, teams, t.id)
      need(want.policies, policies, s.escalation_policy?.id)
    }
    // An owned team found through a reference is read like the full read reads it: with members.
    const membersOf = account.teams.filter((t) => !account.teamMembers.has(t.id) && membersWanted(t))
    const total = want.users.size + want.teams.size + want.schedules.size + want.policies.size + want.v3.size + membersOf.length
    if (total === 0) return fetched
    for (const set of Object.values(want)) for (const id of set) tried.add(id)
    const cached = teamCache.filter((t) => want.teams.delete(t.id))
    account.teams.push(...cached)
    fetched += total - cached.length
    const [u, t, s, p, m, v] = await Promise.all([
      byIds<Read<PdUser>>(client, want.users, (id) => `/users/${id}`, 'user'),
      byIds<Read<PdTeam>>(client, want.teams, (id) => `/teams/${id}`, 'team'),
      byIds<Read<PdSchedule>>(client, want.schedules, (id) => `/schedules/${id}`, 'schedule'),
      byIds<Read<PdEscalationPolicy>>(client, want.policies, (id) => `/escalation_policies/${id}`, 'escalation_policy'),
      Promise.all(membersOf.map((team) => client.listAll<PdTeamMember>(`/teams/${encodeURIComponent(team.id)}/members`, 'members'))),
      v3SchedulesById(client, want.v3),
    ])
    if (v.length > 0) account.v3Schedules = [...(account.v3Schedules ?? []), ...v]
    membersOf.forEach((team, i) => account.teamMembers.set(team.id, m[i] ?? []))
    account.users.push(...u.found)
    account.teams.push(...t.found)
    account.schedules.push(...s.found)
    account.escalationPolicies.push(...p.found)
  }
}

async function byIds<T>(
  client: Client,
  ids: ReadonlySet<string>,
  path: (id: string) => string,
  wrapper: string,
): Promise<{found: T[]}> {
  const params = wrapper === 'schedule' ? {'include[]': SCHEDULE_INCLUDES} : wrapper === 'service' ? {'include[]': SERVICE_INCLUDES} : undefined
  const results = await Promise.all(
    [...ids].map(async (id) => {
      try {
        const body = await client.get<Record<string, T>>(path(encodeURIComponent(id)), params)
        return body[wrapper] ?? null
      } catch (error) {
        if (error instanceof PagerDutyApiError && error.status === 404) return null
        throw error
      }
    }),
  )
  return {found: results.filter((r): r is NonNullable<typeof r> => r !== null) as T[]}
}

function ownedByUs(o: {readonly description?: string | null}, owner: string): boolean {
  return parseDescription(o.description).marker?.owner === owner
}

function uniqueById<T extends {readonly id: string}>(items: readonly T[]): T[] {
  const seen = new Map<string, T>()
  for (const item of items) if (!seen.has(item.id)) seen.set(item.id, item)
  return [...seen.values()]
}

function normal(s: string): string {
  return s.trim().toLowerCase()
}

function sameName(a: string, b: string): boolean {
  return normal(a) === normal(b)
}

/**
 * `import --team`: the named teams (chosen by `selectTeams` from the team list) and what they
 * pull in: their members, their users, the objects linked to them, and everything those refer to,
 * members of every team read included (import writes them). Costs the team list plus a handful of
 * requests per team, instead of the whole account.
 */
export async function readTeams(client: Client, selectTeams: (teams: readonly Read<PdTeam>[]) => readonly Read<PdTeam>[]): Promise<RawAccount> {
  const allTeams = await client.listAll<Read<PdTeam>>('/teams', 'teams')
  const selected = selectTeams(allTeams)
  const byTeam = {'team_ids[]': selected.map((t) => t.id)}
  const none = <T>() => Promise.resolve([] as T[])
  const some = selected.length > 0
  const [users, schedules, escalationPolicies, services, v3Schedules] = await Promise.all([
    some ? client.listAll<Read<PdUser>>('/users', 'users', byTeam) : none<Read<PdUser>>(),
    some ? client.listAll<Read<PdSchedule>>('/schedules', 'schedules', {...byTeam, 'include[]': SCHEDULE_INCLUDES}) : none<Read<PdSchedule>>(),
    some ? client.listAll<Read<PdEscalationPolicy>>('/escalation_policies', 'escalation_policies', byTeam) : none<Read<PdEscalationPolicy>>(),
    some ? client.listAll<Read<PdService>>('/services', 'services', {...byTeam, 'include[]': SERVICE_INCLUDES}) : none<Read<PdService>>(),
    // Shift-based schedules of the teams, in full (the list has no description or rotations).
    some ? listV3Schedules(client, {teamIds: byTeam['team_ids[]']}).then((refs) => v3SchedulesById(client, refs.map((r) => r.id))) : none<Read<PdScheduleV3>>(),
  ])
  const account: MutableAccount = {users, teams: [...selected], teamMembers: new Map(), schedules, escalationPolicies, services, v3Schedules}
  await followReferences(client, account, () => true, allTeams)
  return {...account, teams: allTeams.filter((t) => account.teams.some((read) => read.id === t.id))}
}
