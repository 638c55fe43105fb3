import type {SandboxContext} from '../context.js'
import {teamsOfUser, userById} from '../lookup.js'
import {objectHead, reference, type Reference} from '../references.js'
import type {UserRec} from '../state.js'
import {teamWire} from './team.js'

export function userRef(ctx: SandboxContext, id: string): Reference {
  const user = userById(ctx, id)
  return reference(ctx, 'user', id, user?.name ?? 'Deleted User')
}

/** A full User object; `teams` are references unless include[]=teams asked for objects. */
export function userWire(ctx: SandboxContext, u: UserRec, opts: {includeTeams?: boolean} = {}): Record<string, unknown> {
  const teams = teamsOfUser(ctx, u.id)
  return {
    ...objectHead(ctx, 'user', u.id, u.name, false),
    name: u.name,
    email: u.email,
    time_zone: u.time_zone,
    color: u.color,
    role: u.role,
    avatar_url: `https://secure.gravatar.com/avatar/${u.id.toLowerCase()}.png?d=mm&r=PG`,
    description: u.description,
    invitation_sent: false,
    job_title: u.job_title,
    teams: teams.map((t) => (opts.includeTeams ? teamWire(ctx, t) : reference(ctx, 'team', t.id, t.name))),
    contact_methods: [],
    notification_rules: [],
    coordinated_incidents: [],
  }
}
