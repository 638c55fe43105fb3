import type {Team, TeamMember, TeamRole} from '../../../model/team.js'
import {TEAM_ROLES} from '../../../model/team.js'
import type {PdTeam, PdTeamMember, Read} from '../dto.js'
import {parseDescription} from '../ownership.js'
import type {FromPdContext} from './from-pd-context.js'

/** A team with its members (from GET /teams/{id}/members), members sorted by email as in the model. */
export function teamFromPd(raw: Read<PdTeam>, key: string, members: readonly PdTeamMember[], ctx: FromPdContext): Team {
  return {
    key,
    name: raw.name,
    description: parseDescription(raw.description).text,
    members: members.map((m) => memberFromPd(m, ctx)).sort(byEmail),
  }
}

function memberFromPd(member: PdTeamMember, ctx: FromPdContext): TeamMember {
  // PagerDuty's member roles are the model's; anything else (a future role) reads as responder, the default.
  const role: TeamRole = (TEAM_ROLES as readonly string[]).includes(member.role) ? (member.role as TeamRole) : 'responder'
  return {email: ctx.emailOf(member.user.id), role}
}

function byEmail(a: TeamMember, b: TeamMember): number {
  return a.email < b.email ? -1 : a.email > b.email ? 1 : 0
}
