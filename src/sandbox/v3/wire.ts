import type {SandboxContext} from '../context.js'
import {policiesTargetingSchedule} from '../lookup.js'
import {reference} from '../references.js'
import {teamRef} from '../wire/team.js'
import type {CustomShiftRec, MemberRec, V3EventRec, V3OverrideRec, V3RotationRec, V3ScheduleRec} from './records.js'

/** Wire objects of the v3 API (spec ScheduleResponse, Rotation, Event, CustomShift, OverrideShift). */
const WEB_BASE = 'https://sandbox.pagerduty.com'

/** v3 times are UTC with a Z and no milliseconds, as in every example of the spec. */
export function utc(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z')
}

export function memberWire(m: MemberRec): {type: string; user_id?: string} {
  return m === null ? {type: 'empty_member'} : {type: 'user_member', user_id: m}
}

function scheduleSelf(ctx: SandboxContext, id: string): string {
  return `${ctx.baseUrl}/v3/schedules/${id}`
}

export function v3ScheduleReference(ctx: SandboxContext, s: V3ScheduleRec): Record<string, unknown> {
  return {id: s.id, type: 'schedule_v3_reference', summary: s.name, self: scheduleSelf(ctx, s.id), html_url: `${WEB_BASE}/schedules/${s.id}`}
}

export function eventWire(ctx: SandboxContext, s: V3ScheduleRec, r: V3RotationRec, e: V3EventRec): Record<string, unknown> {
  const strategy: Record<string, unknown> = {type: e.strategy.type}
  if (e.strategy.type === 'rotating_member_assignment_strategy') strategy.shifts_per_member = e.strategy.shifts_per_member
  strategy.members = e.strategy.members.map(memberWire)
  return {
    id: e.id,
    type: 'schedule_event',
    name: e.name,
    start_time: {...e.start_time},
    end_time: {...e.end_time},
    effective_since: utc(e.effective_since),
    effective_until: e.effective_until === null ? null : utc(e.effective_until),
    recurrence: [...e.recurrence],
    assignment_strategy: strategy,
    self: `${scheduleSelf(ctx, s.id)}/rotations/${r.id}/events/${e.id}`,
    html_url: `${WEB_BASE}/schedules/${s.id}`,
  }
}

export function rotationWire(ctx: SandboxContext, s: V3ScheduleRec, r: V3RotationRec, events: readonly V3EventRec[] = r.events): Record<string, unknown> {
  return {
    id: r.id,
    type: 'schedule_rotation',
    events: [...events].sort(byStart).map((e) => eventWire(ctx, s, r, e)),
    self: `${scheduleSelf(ctx, s.id)}/rotations/${r.id}`,
    html_url: `${WEB_BASE}/schedules/${s.id}`,
  }
}

/** Events are listed by start time (spec, listEvents). */
export function byStart(a: V3EventRec, b: V3EventRec): number {
  return Date.parse(a.start_time.date_time) - Date.parse(b.start_time.date_time) || a.effective_since - b.effective_since || a.id.localeCompare(b.id)
}

export function customShiftWire(ctx: SandboxContext, s: V3ScheduleRec, c: CustomShiftRec): Record<string, unknown> {
  return {
    id: c.id,
    type: 'custom_shift',
    start_time: utc(c.start),
    end_time: utc(c.end),
    assignments: [{id: c.assignment_id, type: 'shift_assignment', member: memberWire(c.member)}],
    self: `${scheduleSelf(ctx, s.id)}/custom_shifts/${c.id}`,
    html_url: `${WEB_BASE}/schedules/${s.id}`,
  }
}

export function overrideWire(ctx: SandboxContext, s: V3ScheduleRec, o: V3OverrideRec): Record<string, unknown> {
  return {
    id: o.id,
    type: 'override_shift',
    ...(o.rotation_id === undefined ? {} : {rotation_id: o.rotation_id}),
    ...(o.custom_shift_id === undefined ? {} : {custom_shift_id: o.custom_shift_id}),
    start_time: utc(o.start),
    end_time: utc(o.end),
    overridden_member: memberWire(o.overridden),
    overriding_member: memberWire(o.overriding),
    self: `${scheduleSelf(ctx, s.id)}/overrides/${o.id}`,
    html_url: `${WEB_BASE}/schedules/${s.id}`,
  }
}

/** The full schedule (GET/POST/PUT): live rotations with their events, teams, the policies using it. */
export function v3ScheduleWire(ctx: SandboxContext, s: V3ScheduleRec, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const out: Record<string, unknown> = {
    id: s.id,
    type: 'schedule_v3',
    name: s.name,
    time_zone: s.time_zone,
    teams: s.teams.map((id) => teamRef(ctx, id)),
    escalation_policies: policiesTargetingSchedule(ctx, s.id, 'schedule_v3').map((p) => reference(ctx, 'escalation_policy', p.id, p.name)),
    rotations: s.rotations.filter((r) => r.deleted_at === undefined).map((r) => rotationWire(ctx, s, r)),
    ...extra,
    self: scheduleSelf(ctx, s.id),
    html_url: `${WEB_BASE}/schedules/${s.id}`,
  }
  // description is a plain string in the spec (not nullable): absent when unset.
  if (s.description !== null) out.description = s.description
  return out
}
