import {optString, reqString, unwrap} from '../body.js'
import {invalidInput, PdError, PD_CODES} from '../errors.js'
import {byName, findById, policiesTargetingUser, schedulesRotatingUser} from '../lookup.js'
import {listBody} from '../pagination.js'
import {includes, listParam, matchesQuery} from '../query.js'
import type {Route} from '../router.js'
import type {UserRec} from '../state.js'
import {isValidZone} from '../time-format.js'
import {userWire} from '../wire/user.js'

const ROLES = ['admin', 'limited_user', 'observer', 'owner', 'read_only_user', 'restricted_access', 'read_only_limited_user', 'user']

function checkUser(u: UserRec, taken: (email: string) => boolean): void {
  if (u.name.length > 100) throw invalidInput('Name is too long (maximum is 100 characters)')
  if (!/^[^@\s]+@[^@\s]+$/.test(u.email)) throw invalidInput('Email is invalid')
  if (taken(u.email)) throw invalidInput('Email has already been taken')
  if (!isValidZone(u.time_zone)) throw invalidInput('Time zone is invalid')
  if (!ROLES.includes(u.role)) throw invalidInput('Role is invalid')
}

export const userRoutes: Route[] = [
  {
    method: 'GET',
    template: '/users',
    handler: (req, ctx) => {
      const teamIds = listParam(req.query, 'team_ids')
      // Members of the filtered teams, found once per request (not one scan of all members per user).
      const inTeams = new Set(ctx.state.members.filter((m) => teamIds.includes(m.team)).map((m) => m.user))
      const users = byName(ctx.state.users)
        .filter((u) => matchesQuery(req.query, u.name, u.email))
        .filter((u) => teamIds.length === 0 || inTeams.has(u.id))
      return {status: 200, body: listBody('users', req.query, users, (u) => userWire(ctx, u, {includeTeams: includes(req.query, 'teams')}))}
    },
  },
  {
    method: 'POST',
    template: '/users',
    handler: (req, ctx) => {
      const b = unwrap(req.body, 'user')
      const user: UserRec = {
        id: ctx.newId(),
        name: reqString(b, 'name'),
        email: reqString(b, 'email'),
        time_zone: optString(b, 'time_zone', 'Etc/UTC') ?? 'Etc/UTC',
        role: optString(b, 'role', 'user') ?? 'user',
        color: optString(b, 'color', 'purple') ?? 'purple',
        description: optString(b, 'description', null),
        job_title: optString(b, 'job_title', null),
      }
      checkUser(user, (email) => ctx.state.users.some((u) => u.email.toLowerCase() === email.toLowerCase()))
      ctx.state.users.push(user)
      return {status: 201, body: {user: userWire(ctx, user)}}
    },
  },
  {
    method: 'GET',
    template: '/users/me',
    // The sandbox only issues account-level tokens, for which PD cannot tell who "me" is.
    handler: () => {
      throw new PdError(400, PD_CODES.invalidInput, 'Invalid Input Provided', [
        "Because this request was made using an account-level access token, we were unable to determine the user's identity.",
      ])
    },
  },
  {
    method: 'GET',
    template: '/users/{id}',
    handler: (req, ctx) => ({status: 200, body: {user: userWire(ctx, findById(ctx.state.users, req.params.id ?? ''), {includeTeams: includes(req.query, 'teams')})}}),
  },
  {
    method: 'PUT',
    template: '/users/{id}',
    // PD applies partial PUTs: only the fields sent change (DevDocs 05-Endpoints).
    handler: (req, ctx) => {
      const current = findById(ctx.state.users, req.params.id ?? '')
      const b = unwrap(req.body, 'user')
      const next: UserRec = {
        ...current,
        name: reqString(b, 'name', current.name),
        email: reqString(b, 'email', current.email),
        time_zone: optString(b, 'time_zone', current.time_zone) ?? current.time_zone,
        role: optString(b, 'role', current.role) ?? current.role,
        color: optString(b, 'color', current.color) ?? current.color,
        description: optString(b, 'description', current.description),
        job_title: optString(b, 'job_title', current.job_title),
      }
      checkUser(next, (email) => ctx.state.users.some((u) => u.id !== current.id && u.email.toLowerCase() === email.toLowerCase()))
      Object.assign(current, next)
      return {status: 200, body: {user: userWire(ctx, current)}}
    },
  },
  {
    method: 'DELETE',
    template: '/users/{id}',
    handler: (req, ctx) => {
      const user = findById(ctx.state.users, req.params.id ?? '')
      const problems: string[] = []
      if (schedulesRotatingUser(ctx, user.id).length > 0) problems.push("User can't be deleted while they are on a schedule layer")
      if (policiesTargetingUser(ctx, user.id).length > 0) problems.push("User can't be deleted while they are a target of an escalation policy")
      if (problems.length > 0) throw invalidInput(...problems)
      ctx.state.users = ctx.state.users.filter((u) => u.id !== user.id)
      ctx.state.members = ctx.state.members.filter((m) => m.user !== user.id)
      return {status: 204}
    },
  },
]
