import {isObj, optString, reqString, unwrap} from '../body.js'
import {invalidInput, PdError, PD_CODES} from '../errors.js'
import {byName, findById, nameTaken, userById} from '../lookup.js'
import {listBody} from '../pagination.js'
import {includes, matchesQuery} from '../query.js'
import type {Route} from '../router.js'
import type {MemberRec, TeamRec} from '../state.js'
import {teamWire} from '../wire/team.js'
import {userRef, userWire} from '../wire/user.js'
import {teamAssociations} from './team-associations.js'

function checkTeam(ctx: Parameters<Route['handler']>[1], t: TeamRec): void {
  if (t.name.length > 100) throw invalidInput('Name is too long (maximum is 100 characters)')
  if (t.description !== null && t.description.length > 1024) throw invalidInput('Description is too long (maximum is 1024 characters)')
  if (!['manager', 'none'].includes(t.default_role)) throw invalidInput('Default role is invalid')
  if (nameTaken(ctx.state.teams, t.name, t.id)) throw invalidInput('Name has already been taken')
}

export const teamRoutes: Route[] = [
  {
    method: 'GET',
    template: '/teams',
    handler: (req, ctx) => {
      const teams = byName(ctx.state.teams).filter((t) => matchesQuery(req.query, t.name))
      return {status: 200, body: listBody('teams', req.query, teams, (t) => teamWire(ctx, t))}
    },
  },
  {
    method: 'POST',
    template: '/teams',
    handler: (req, ctx) => {
      const b = unwrap(req.body, 'team')
      const team: TeamRec = {
        id: '',
        name: reqString(b, 'name'),
        description: optString(b, 'description', null),
        default_role: optString(b, 'default_role', 'manager') ?? 'manager',
      }
      checkTeam(ctx, team)
      team.id = ctx.newId()
      ctx.state.teams.push(team)
      return {status: 201, body: {team: teamWire(ctx, team)}}
    },
  },
  {
    method: 'GET',
    template: '/teams/{id}',
    handler: (req, ctx) => ({status: 200, body: {team: teamWire(ctx, findById(ctx.state.teams, req.params.id ?? ''))}}),
  },
  {
    method: 'PUT',
    template: '/teams/{id}',
    handler: (req, ctx) => {
      const current = findById(ctx.state.teams, req.params.id ?? '')
      const b = unwrap(req.body, 'team')
      const next: TeamRec = {
        ...current,
        name: reqString(b, 'name', current.name),
        description: optString(b, 'description', current.description),
        default_role: optString(b, 'default_role', current.default_role) ?? current.default_role,
      }
      checkTeam(ctx, next)
      Object.assign(current, next)
      return {status: 200, body: {team: teamWire(ctx, current)}}
    },
  },
  {
    method: 'DELETE',
    template: '/teams/{id}',
    // "succeeds only if the team has no associated Escalation Policies, Services, Schedules and
    // Subteams" unless reassignment_team moves them (spec, deleteTeam).
    handler: (req, ctx) => {
      const team = findById(ctx.state.teams, req.params.id ?? '')
      const assoc = teamAssociations(ctx, team.id)
      const target = req.query.get('reassignment_team')
      if (target) {
        findById(ctx.state.teams, target)
        for (const p of assoc.policies) p.teams = p.teams.map((t) => (t === team.id ? target : t))
        for (const s of assoc.schedules) s.teams = [...new Set(s.teams.map((t) => (t === team.id ? target : t)))]
      } else if (assoc.policies.length + assoc.schedules.length + assoc.services.length > 0) {
        throw new PdError(400, PD_CODES.teamHasAssociations, 'Team has existing associations', assoc.describe())
      }
      ctx.state.teams = ctx.state.teams.filter((t) => t.id !== team.id)
      ctx.state.members = ctx.state.members.filter((m) => m.team !== team.id)
      return {status: 204}
    },
  },
  {
    method: 'GET',
    template: '/teams/{id}/members',
    handler: (req, ctx) => {
      const team = findById(ctx.state.teams, req.params.id ?? '')
      const full = includes(req.query, 'users')
      const members = ctx.state.members
        .filter((m) => m.team === team.id)
        .map((m) => {
          const u = userById(ctx, m.user)
          return {user: full && u ? userWire(ctx, u) : userRef(ctx, m.user), role: m.role}
        })
        .sort((a, b) => String(a.user.summary).toLowerCase().localeCompare(String(b.user.summary).toLowerCase()))
      return {status: 200, body: listBody('members', req.query, members)}
    },
  },
  {
    method: 'PUT',
    template: '/teams/{id}/users/{user_id}',
    // Idempotent: the same call changes an existing member's role. 204 without body.
    handler: (req, ctx) => {
      const team = findById(ctx.state.teams, req.params.id ?? '')
      const user = findById(ctx.state.users, req.params.user_id ?? '')
      const role = (isObj(req.body) && typeof req.body.role === 'string' ? req.body.role : 'manager') as MemberRec['role']
      if (user.role === 'read_only_user' || user.role === 'read_only_limited_user') {
        throw invalidInput('Read-only users cannot be added to teams')
      }
      const existing = ctx.state.members.find((m) => m.team === team.id && m.user === user.id)
      if (existing) existing.role = role
      else ctx.state.members.push({team: team.id, user: user.id, role})
      return {status: 204}
    },
  },
  {
    method: 'DELETE',
    template: '/teams/{id}/users/{user_id}',
    handler: (req, ctx) => {
      const team = findById(ctx.state.teams, req.params.id ?? '')
      const user = findById(ctx.state.users, req.params.user_id ?? '')
      // Seen from the real API (terraform-provider-pagerduty PR #558).
      if (teamAssociations(ctx, team.id).policiesReaching(user.id).length > 0) {
        throw invalidInput('User cannot be removed as they belong to an escalation policy on this team')
      }
      ctx.state.members = ctx.state.members.filter((m) => !(m.team === team.id && m.user === user.id))
      return {status: 204}
    },
  },
  {
    method: 'PUT',
    template: '/teams/{id}/escalation_policies/{escalation_policy_id}',
    handler: (req, ctx) => {
      const team = findById(ctx.state.teams, req.params.id ?? '')
      const policy = findById(ctx.state.escalation_policies, req.params.escalation_policy_id ?? '')
      if (policy.teams.length > 0 && !policy.teams.includes(team.id)) throw invalidInput('Escalation Policy has already been taken')
      policy.teams = [team.id]
      return {status: 204}
    },
  },
  {
    method: 'DELETE',
    template: '/teams/{id}/escalation_policies/{escalation_policy_id}',
    // PD answers 204 even when the policy was not on the team (terraform issue #709).
    handler: (req, ctx) => {
      const team = findById(ctx.state.teams, req.params.id ?? '')
      const policy = findById(ctx.state.escalation_policies, req.params.escalation_policy_id ?? '')
      policy.teams = policy.teams.filter((t) => t !== team.id)
      return {status: 204}
    },
  },
]
