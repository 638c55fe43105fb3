import {has, isObj, unwrap, type Obj} from '../body.js'
import type {SandboxContext} from '../context.js'
import {notFound} from '../errors.js'
import type {PdRequest, Route} from '../router.js'
import {longId, scheduleOf} from '../v3/access.js'
import {v3Invalid} from '../v3/errors.js'
import {requiredRange, v3List} from '../v3/list.js'
import {instant, member} from '../v3/parse.js'
import type {CustomShiftRec, V3OverrideRec, V3ScheduleRec} from '../v3/records.js'
import {customShiftWire, overrideWire} from '../v3/wire.js'

const SMALL = {limit: 25, max: 100}

function items(body: unknown, key: string): Obj[] {
  const list = isObj(body) ? body[key] : undefined
  if (!Array.isArray(list) || list.length === 0 || !list.every(isObj)) throw v3Invalid(key, 'must be a non-empty array of objects')
  return list as Obj[]
}

function span(b: Obj, field: string, current?: {start: number; end: number}): {start: number; end: number} {
  const start = has(b, 'start_time') ? instant(b.start_time, `${field}.start_time`) : current?.start
  const end = has(b, 'end_time') ? instant(b.end_time, `${field}.end_time`) : current?.end
  if (start === undefined) throw v3Invalid(`${field}.start_time`, 'is required')
  if (end === undefined) throw v3Invalid(`${field}.end_time`, 'is required')
  if (end <= start) throw v3Invalid(`${field}.end_time`, 'must be after start_time')
  return {start, end}
}

function assignment(ctx: SandboxContext, v: unknown, field: string) {
  if (!Array.isArray(v) || v.length !== 1 || !isObj(v[0])) throw v3Invalid(`${field}.assignments`, 'Each custom shift requires exactly one assignment')
  return member(ctx, v[0].member, `${field}.assignments[0].member`)
}

function findShift(s: V3ScheduleRec, req: PdRequest): CustomShiftRec {
  const c = s.custom_shifts.find((x) => x.id === req.params.custom_shift_id)
  if (!c) throw notFound()
  return c
}

function findOverride(s: V3ScheduleRec, req: PdRequest): V3OverrideRec {
  const o = s.overrides.find((x) => x.id === req.params.override_id)
  if (!o) throw notFound()
  return o
}

const overlaps = (x: {start: number; end: number}, w: {start: number; end: number}) => x.end > w.start && x.start < w.end
const byTime = (a: {start: number; id: string}, b: {start: number; id: string}) => a.start - b.start || a.id.localeCompare(b.id)

export const v3ShiftRoutes: Route[] = [
  {
    method: 'GET',
    template: '/v3/schedules/{id}/custom_shifts',
    handler: (req, ctx) => {
      const s = scheduleOf(ctx, req)
      const w = requiredRange(req.query)
      const list = s.custom_shifts.filter((c) => overlaps(c, w)).sort(byTime)
      return {status: 200, body: v3List('custom_shifts', req.query, list, SMALL, (c) => customShiftWire(ctx, s, c))}
    },
  },
  {
    method: 'POST',
    template: '/v3/schedules/{id}/custom_shifts',
    // All or nothing: every shift is checked before any is stored.
    handler: (req, ctx) => {
      const s = scheduleOf(ctx, req)
      const parsed = items(req.body, 'custom_shifts').map((b, i) => {
        const field = `custom_shifts[${i}]`
        return {...span(b, field), m: assignment(ctx, b.assignments, field)}
      })
      const created = parsed.map((p): CustomShiftRec => ({id: longId(ctx), start: p.start, end: p.end, assignment_id: longId(ctx), member: p.m}))
      s.custom_shifts.push(...created)
      return {status: 201, body: {custom_shifts: created.map((c) => customShiftWire(ctx, s, c))}}
    },
  },
  {
    method: 'GET',
    template: '/v3/schedules/{id}/custom_shifts/{custom_shift_id}',
    handler: (req, ctx) => {
      const s = scheduleOf(ctx, req)
      return {status: 200, body: {custom_shift: customShiftWire(ctx, s, findShift(s, req))}}
    },
  },
  {
    method: 'PUT',
    template: '/v3/schedules/{id}/custom_shifts/{custom_shift_id}',
    // "If the shift has already started, only end_time can be modified."
    handler: (req, ctx) => {
      const s = scheduleOf(ctx, req)
      const c = findShift(s, req)
      const b = unwrap(req.body, 'custom_shift')
      if (c.start <= ctx.now()) {
        const other = Object.keys(b).filter((k) => k !== 'end_time')
        if (other.length > 0) throw v3Invalid(`custom_shift.${other[0]}`, 'Only end_time can be changed once the shift has started')
      }
      const {start, end} = span(b, 'custom_shift', c)
      const m = has(b, 'assignments') ? assignment(ctx, b.assignments, 'custom_shift') : c.member
      Object.assign(c, {start, end, member: m})
      return {status: 200, body: {custom_shift: customShiftWire(ctx, s, c)}}
    },
  },
  {
    method: 'DELETE',
    template: '/v3/schedules/{id}/custom_shifts/{custom_shift_id}',
    handler: (req, ctx) => {
      const s = scheduleOf(ctx, req)
      const c = findShift(s, req)
      s.custom_shifts = s.custom_shifts.filter((x) => x.id !== c.id)
      return {status: 204}
    },
  },
  {
    method: 'GET',
    template: '/v3/schedules/{id}/overrides',
    handler: (req, ctx) => {
      const s = scheduleOf(ctx, req)
      const w = requiredRange(req.query)
      const list = s.overrides.filter((o) => overlaps(o, w)).sort(byTime)
      return {status: 200, body: v3List('overrides', req.query, list, SMALL, (o) => overrideWire(ctx, s, o))}
    },
  },
  {
    method: 'POST',
    template: '/v3/schedules/{id}/overrides',
    // The create response is wrapped in `overrides` (plural), get/update in `override`.
    handler: (req, ctx) => {
      const s = scheduleOf(ctx, req)
      const parsed = items(req.body, 'overrides').map((b, i): Omit<V3OverrideRec, 'id'> => {
        const field = `overrides[${i}]`
        const rotation = typeof b.rotation_id === 'string' ? b.rotation_id : undefined
        const custom = typeof b.custom_shift_id === 'string' ? b.custom_shift_id : undefined
        if ((rotation === undefined) === (custom === undefined)) throw v3Invalid(field, 'must reference exactly one of rotation_id and custom_shift_id')
        if (rotation !== undefined && !s.rotations.some((r) => r.id === rotation && r.deleted_at === undefined)) throw v3Invalid(`${field}.rotation_id`, `rotation ${rotation} is not in this schedule`)
        if (custom !== undefined && !s.custom_shifts.some((c) => c.id === custom)) throw v3Invalid(`${field}.custom_shift_id`, `custom shift ${custom} is not in this schedule`)
        return {
          ...(rotation === undefined ? {} : {rotation_id: rotation}),
          ...(custom === undefined ? {} : {custom_shift_id: custom}),
          ...span(b, field),
          overridden: member(ctx, b.overridden_member, `${field}.overridden_member`),
          overriding: member(ctx, b.overriding_member, `${field}.overriding_member`),
        }
      })
      const created = parsed.map((p) => ({id: longId(ctx), ...p}))
      s.overrides.push(...created)
      return {status: 201, body: {overrides: created.map((o) => overrideWire(ctx, s, o))}}
    },
  },
  {
    method: 'GET',
    template: '/v3/schedules/{id}/overrides/{override_id}',
    handler: (req, ctx) => {
      const s = scheduleOf(ctx, req)
      return {status: 200, body: {override: overrideWire(ctx, s, findOverride(s, req))}}
    },
  },
  {
    method: 'PUT',
    template: '/v3/schedules/{id}/overrides/{override_id}',
    handler: (req, ctx) => {
      const s = scheduleOf(ctx, req)
      const o = findOverride(s, req)
      const b = unwrap(req.body, 'override')
      const {start, end} = span(b, 'override', o)
      const overriding = has(b, 'overriding_member') ? member(ctx, b.overriding_member, 'override.overriding_member') : o.overriding
      Object.assign(o, {start, end, overriding})
      return {status: 200, body: {override: overrideWire(ctx, s, o)}}
    },
  },
  {
    method: 'DELETE',
    template: '/v3/schedules/{id}/overrides/{override_id}',
    handler: (req, ctx) => {
      const s = scheduleOf(ctx, req)
      const o = findOverride(s, req)
      s.overrides = s.overrides.filter((x) => x.id !== o.id)
      return {status: 204}
    },
  },
]
