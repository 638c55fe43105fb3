/**
 * Reads the whole on-call state of a PagerDuty account with list endpoints only: one paginated
 * list per resource type plus one members list per team of interest. Schedule layers come
 * inline (include[]=schedule_layers), so there is no GET per schedule. Every list starts at
 * once; the client's concurrency budget decides how many requests fly together.
 *
 * Request budget (pages of 100): ⌈users/100⌉ + ⌈teams/100⌉ + ⌈schedules/100⌉ + ⌈policies/100⌉
 * + ⌈services/100⌉ + Σ over selected teams ⌈members/100⌉ (at least 1 each), before retries,
 * plus the shift-based (v3) schedules: one list page per 1000 and one GET per v3 schedule
 * (v3/read-v3-schedules.ts says why), so 1 request on an account without any.
 * Nothing is mapped here: the result is PagerDuty's wire objects (see dto.ts).
 */
import {isApplyLock} from './apply-lock.js'
import type {
  PdEscalationPolicy,
  PdSchedule,
  PdService,
  PdTeam,
  PdTeamMember,
  PdUser,
  RawAccount,
  Read,
} from './dto.js'
import type {PagerDutyClient} from './client/index.js'
import {readAllV3Schedules} from './v3/read-v3-schedules.js'

export interface ReadAccountOptions {
  /**
   * Which teams to read members of (default: all). Pass "teams this config manages" to keep
   * the budget at one members call per managed team.
   */
  readonly membersFor?: (team: Read<PdTeam>) => boolean
}

/** Includes that make a list self-sufficient for us (notes/pagerduty-api.md §2.5). */
export const SCHEDULE_INCLUDES = ['schedule_layers'] as const
/** PagerDuty leaves auto_pause_notifications_parameters out of services unless asked (notes §2.5). */
export const SERVICE_INCLUDES = ['auto_pause_notifications_parameters'] as const

export async function readAccount(client: Pick<PagerDutyClient, 'listAll' | 'get'>, options: ReadAccountOptions = {}): Promise<RawAccount> {
  const teamsAndMembers = readTeams(client, options.membersFor ?? (() => true))
  const [users, {teams, teamMembers}, schedules, escalationPolicies, services, v3Schedules] = await Promise.all([
    client.listAll<Read<PdUser>>('/users', 'users'),
    teamsAndMembers,
    client.listAll<Read<PdSchedule>>('/schedules', 'schedules', {'include[]': SCHEDULE_INCLUDES}),
    // References (targets, teams, the policy of a service) carry ids, and every object they point
    // to is read in this same pass, so no include[] is needed for them.
    client.listAll<Read<PdEscalationPolicy>>('/escalation_policies', 'escalation_policies'),
    client.listAll<Read<PdService>>('/services', 'services', {'include[]': SERVICE_INCLUDES}),
    readAllV3Schedules(client),
  ])
  return {users, teams, teamMembers, schedules, escalationPolicies, services, v3Schedules}
}

async function readTeams(
  client: Pick<PagerDutyClient, 'listAll'>,
  membersFor: (team: Read<PdTeam>) => boolean,
): Promise<{teams: Read<PdTeam>[]; teamMembers: Map<string, readonly PdTeamMember[]>}> {
  // Apply locks (apply-lock.ts) are teams only by necessity: not part of anyone's setup.
  const teams = (await client.listAll<Read<PdTeam>>('/teams', 'teams')).filter((team) => !isApplyLock(team))
  const selected = teams.filter((team) => membersFor(team))
  const members = await Promise.all(
    selected.map((team) => client.listAll<PdTeamMember>(`/teams/${encodeURIComponent(team.id)}/members`, 'members')),
  )
  return {teams, teamMembers: new Map(selected.map((team, i) => [team.id, members[i] ?? []]))}
}
