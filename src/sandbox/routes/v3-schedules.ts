import {has, refIds, unwrap, type Obj} from '../body.js'
import type {SandboxContext} from '../context.js'
import {policiesTargetingSchedule, requireRef} from '../lookup.js'
import {includes, listParam, matchesQuery, boolParam} from '../query.js'
import type {Route} from '../router.js'
import {formatInZone, isValidZone} from '../time-format.js'
import {scheduleOf, v3Schedules, v3SchedulesRead} from '../v3/access.js'
import {v3Invalid} from '../v3/errors.js'
import {computeFinalSchedule} from '../v3/final-schedule.js'
import {v3List} from '../v3/list.js'
import type {V3ScheduleRec} from '../v3/records.js'
import {memberWire, v3ScheduleReference, v3ScheduleWire} from '../v3/wire.js'

/** "Rejected fields" of createScheduleV3/updateScheduleV3: rotations go through their own endpoints. */
function rejectNested(b: Obj): void {
  for (const k of ['rotations', 'escalation_policies']) {
    if (has(b, k)) throw v3Invalid(`schedule.${k}`, 'is not accepted; use the rotation and escalation policy endpoints')
  }
}

function metadata(b: Obj, current: V3ScheduleRec | undefined): Pick<V3ScheduleRec, 'name' | 'description' | 'time_zone'> {
  const name = has(b, 'name') ? b.name : current?.name
  if (typeof name !== 'string' || name.trim() === '' || name.length > 255) throw v3Invalid('schedule.name', 'must be 1 to 255 characters')
  const zone = has(b, 'time_zone') ? b.time_zone : current?.time_zone
  if (!isValidZone(zone)) throw v3Invalid('schedule.time_zone', 'is not a valid IANA time zone')
  const description = has(b, 'description') ? b.description : (current?.description ?? null)
  if (description !== null && (typeof description !== 'string' || description.length > 1024)) throw v3Invalid('schedule.description', 'must be a string of at most 1024 characters')
  return {name, time_zone: zone, description}
}

function teams(ctx: SandboxContext, b: Obj): string[] {
  return refIds(b.teams, 'teams').map((id) => requireRef(ctx.state.teams, id, 'Team').id)
}

export const v3ScheduleRoutes: Route[] = [
  {
    method: 'GET',
    template: '/v3/schedules',
    handler: (req, ctx) => {
      const teamIds = listParam(req.query, 'team_ids')
      const list = [...v3SchedulesRead(ctx)]
        .sort((a, b) => a.name.toLowerCase().localeCompare(b.name.toLowerCase()) || a.id.localeCompare(b.id))
        .filter((s) => matchesQuery(req.query, s.name))
        .filter((s) => teamIds.length === 0 || s.teams.some((t) => teamIds.includes(t)))
      return {status: 200, body: v3List('schedules', req.query, list, {limit: 100, max: 1000}, (s) => v3ScheduleReference(ctx, s))}
    },
  },
  {
    method: 'POST',
    template: '/v3/schedules',
    handler: (req, ctx) => {
      const b = unwrap(req.body, 'schedule')
      rejectNested(b)
      const s: V3ScheduleRec = {id: ctx.newId(), ...metadata(b, undefined), teams: teams(ctx, b), rotations: [], custom_shifts: [], overrides: []}
      v3Schedules(ctx).push(s)
      return {status: 201, body: {schedule: v3ScheduleWire(ctx, s)}}
    },
  },
  {
    method: 'GET',
    template: '/v3/schedules/{id}',
    handler: (req, ctx) => {
      const s = scheduleOf(ctx, req)
      const extra: Record<string, unknown> = {}
      const since = req.query.get('since')
      const until = req.query.get('until')
      // final_schedule "only present when include[]=final_schedule is specified and since/until are provided".
      if (includes(req.query, 'final_schedule') && since && until) {
        const start = Date.parse(since)
        const end = Date.parse(until)
        if (Number.isNaN(start) || Number.isNaN(end) || end <= start) throw v3Invalid('until', 'since and until must be date-times, until after since')
        const zone = req.query.get('time_zone') || s.time_zone
        if (!isValidZone(zone)) throw v3Invalid('time_zone', 'is not a valid IANA time zone')
        const {assignments, coveragePercent} = computeFinalSchedule(s, {start, end}, boolParam(req.query, 'overflow'))
        extra.final_schedule = {
          type: 'final_schedule',
          rendered_coverage_percentage: coveragePercent,
          computed_shift_assignments: assignments.map((a) => ({
            type: 'computed_shift_assignment',
            start_time: formatInZone(a.start, zone),
            end_time: formatInZone(a.end, zone),
            member: memberWire(a.member),
            source: a.source,
          })),
        }
      }
      return {status: 200, body: {schedule: v3ScheduleWire(ctx, s, extra)}}
    },
  },
  {
    method: 'PUT',
    template: '/v3/schedules/{id}',
    // "All fields are optional — only provided fields are updated" (updateScheduleV3).
    handler: (req, ctx) => {
      const s = scheduleOf(ctx, req)
      const b = unwrap(req.body, 'schedule')
      rejectNested(b)
      const next = {...s, ...metadata(b, s), teams: has(b, 'teams') ? teams(ctx, b) : s.teams}
      Object.assign(s, next)
      return {status: 200, body: {schedule: v3ScheduleWire(ctx, s)}}
    },
  },
  {
    method: 'DELETE',
    template: '/v3/schedules/{id}',
    handler: (req, ctx) => {
      const s = scheduleOf(ctx, req)
      if (policiesTargetingSchedule(ctx, s.id, 'schedule_v3').length > 0) throw v3Invalid('schedule', "Schedule can't be deleted if it's being used by escalation policies")
      ctx.state.v3_schedules = v3Schedules(ctx).filter((x) => x.id !== s.id)
      return {status: 204}
    },
  },
]
