import {has, optString, refIds, unwrap, type Obj} from '../body.js'
import type {SandboxContext} from '../context.js'
import {invalidInput, PdError} from '../errors.js'
import {byName, findById, policiesTargetingSchedule, requireRef} from '../lookup.js'
import {listBody} from '../pagination.js'
import {boolParam, includes, listParam, matchesQuery} from '../query.js'
import {renderSchedule} from '../render.js'
import type {PdRequest, Route} from '../router.js'
import type {ScheduleRec} from '../state.js'
import {isValidZone, parseInstant} from '../time-format.js'
import {scheduleWire} from '../wire/schedule.js'
import {userWire} from '../wire/user.js'
import {mergeLayers, parseLayer} from './schedule-layers.js'

const TWO_WEEKS = 14 * 86_400_000

/**
 * since/until of a schedule request. Both absent → no rendering (PD fills rendered entries only
 * when they are set); one given → the other is two weeks away (notes §3.3).
 */
function window(req: PdRequest, zone: string): {start: number; end: number} | null {
  const since = req.query.get('since')
  const until = req.query.get('until')
  if (!since && !until) return null
  const start = since ? parseInstant(since, zone, 'since') : parseInstant(until, zone, 'until') - TWO_WEEKS
  const end = until ? parseInstant(until, zone, 'until') : start + TWO_WEEKS
  if (end < start) throw new PdError(400, 2004, 'Invalid since or until parameter', ['until must be after since'])
  return {start, end}
}

function viewZone(req: PdRequest, fallback: string): string {
  const tz = req.query.get('time_zone')
  if (tz === null || tz === '') return fallback
  if (!isValidZone(tz)) throw invalidInput('time_zone is invalid')
  return tz
}

function teamsOf(ctx: SandboxContext, b: Obj): string[] {
  // Schedule.teams is readOnly in the spec, but the API accepts it and terraform sends it on
  // create/update (notes §3.3, spec quirk 7): follow the real behaviour.
  return refIds(b.teams, 'teams').map((id) => requireRef(ctx.state.teams, id, 'Team').id)
}

function zoneOf(b: Obj, fallback?: string): string {
  const zone = optString(b, 'time_zone', fallback ?? null)
  if (!isValidZone(zone)) throw invalidInput('Time zone is invalid')
  return zone
}

function fullView(req: PdRequest, s: ScheduleRec) {
  const zone = viewZone(req, s.time_zone)
  return {layers: true, subschedules: true, window: window(req, zone), zone, overflow: boolParam(req.query, 'overflow')}
}

export const scheduleRoutes: Route[] = [
  {
    method: 'GET',
    template: '/schedules',
    // Layers only with include[]=schedule_layers; final_schedule only with include[]=final_schedule.
    handler: (req, ctx) => {
      const teamIds = listParam(req.query, 'team_ids')
      const layers = includes(req.query, 'schedule_layers')
      const subschedules = includes(req.query, 'final_schedule') || includes(req.query, 'overrides_subschedule')
      const schedules = byName(ctx.state.schedules)
        .filter((s) => matchesQuery(req.query, s.name))
        .filter((s) => teamIds.length === 0 || s.teams.some((t) => teamIds.includes(t)))
      const render = (s: (typeof schedules)[number]) => {
        const zone = viewZone(req, s.time_zone)
        return scheduleWire(ctx, s, {layers, subschedules, window: layers || subschedules ? window(req, zone) : null, zone})
      }
      return {status: 200, body: listBody('schedules', req.query, schedules, render)}
    },
  },
  {
    method: 'POST',
    template: '/schedules',
    handler: (req, ctx) => {
      const b = unwrap(req.body, 'schedule')
      const zone = zoneOf(b)
      const rawLayers = b.schedule_layers
      if (!Array.isArray(rawLayers) || rawLayers.length === 0) throw invalidInput('Schedule must have at least one layer')
      const schedule: ScheduleRec = {
        id: ctx.newId(),
        name: optString(b, 'name', null) ?? '',
        description: optString(b, 'description', null),
        time_zone: zone,
        teams: teamsOf(ctx, b),
        layers: [],
      }
      schedule.layers = rawLayers.map((raw) => {
        if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw invalidInput('schedule layer must be an object')
        // A new schedule has no layers to update: ids sent on create are ignored.
        return parseLayer(ctx, {...(raw as Obj), id: undefined}, zone, undefined)
      })
      ctx.state.schedules.push(schedule)
      return {status: 201, body: {schedule: scheduleWire(ctx, schedule, fullView(req, schedule))}}
    },
  },
  {
    method: 'GET',
    template: '/schedules/{id}',
    handler: (req, ctx) => {
      const s = findById(ctx.state.schedules, req.params.id ?? '')
      return {status: 200, body: {schedule: scheduleWire(ctx, s, fullView(req, s))}}
    },
  },
  {
    method: 'PUT',
    template: '/schedules/{id}',
    // Partial PUT: fields not sent keep their value (DevDocs 05-Endpoints).
    handler: (req, ctx) => {
      const s = findById(ctx.state.schedules, req.params.id ?? '')
      const b = unwrap(req.body, 'schedule')
      const zone = zoneOf(b, s.time_zone)
      const next: ScheduleRec = {
        ...s,
        name: optString(b, 'name', s.name) ?? s.name,
        description: optString(b, 'description', s.description),
        time_zone: zone,
        teams: has(b, 'teams') ? teamsOf(ctx, b) : s.teams,
        layers: has(b, 'schedule_layers') ? mergeLayers(ctx, s.layers, b.schedule_layers, zone) : s.layers,
      }
      Object.assign(s, next)
      return {status: 200, body: {schedule: scheduleWire(ctx, s, fullView(req, s))}}
    },
  },
  {
    method: 'DELETE',
    template: '/schedules/{id}',
    handler: (req, ctx) => {
      const s = findById(ctx.state.schedules, req.params.id ?? '')
      // Exact text of the real API (terraform-provider-pagerduty PR #561).
      if (policiesTargetingSchedule(ctx, s.id).length > 0) throw invalidInput("Schedule can't be deleted if it's being used by escalation policies")
      ctx.state.schedules = ctx.state.schedules.filter((x) => x.id !== s.id)
      return {status: 204}
    },
  },
  {
    method: 'GET',
    template: '/schedules/{id}/users',
    // Users on call in [since, until] (unpaginated {users:[…]}); without a window: now.
    handler: (req, ctx) => {
      const s = findById(ctx.state.schedules, req.params.id ?? '')
      const w = window(req, s.time_zone) ?? {start: ctx.now(), end: ctx.now() + 1}
      const ids = [...new Set(renderSchedule(s, w).final.map((x) => x.user))]
      const users = ids.map((id) => ctx.state.users.find((u) => u.id === id)).filter((u) => u !== undefined)
      return {status: 200, body: {users: users.map((u) => userWire(ctx, u))}}
    },
  },
]
