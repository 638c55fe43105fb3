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

const overlaps = (x: {start: number; end: number}, w: {start: number; end: number}) => x.end > w.start && x.start < w.end
const byTime = (a: {start: number; id: string}, b: {start: number; id: string}) => a.start - b.start || a.id.localeCompare(b.id)

type Timed = {id: string; start: number; end: number}

/**
 * What custom shifts and overrides share: a schedule's list of timed records, listed by a
 * required time range (by start), read and deleted by ID. Create and update differ and stay
 * beside each kind's routes.
 */
interface TimedCollection<T extends Timed> {
  /** `custom_shifts` / `overrides`: the path segment and the list's wire key. */
  readonly plural: 'custom_shifts' | 'overrides'
  /** `custom_shift` / `override`: the wire key of one record. */
  readonly singular: string
  /** The route parameter holding a record's ID. */
  readonly param: string
  readonly records: (s: V3ScheduleRec) => T[]
  readonly replace: (s: V3ScheduleRec, records: T[]) => void
  readonly wire: (ctx: SandboxContext, s: V3ScheduleRec, record: T) => Record<string, unknown>
}

function findIn<T extends Timed>(c: TimedCollection<T>, s: V3ScheduleRec, req: PdRequest): T {
  const found = c.records(s).find((x) => x.id === req.params[c.param])
  if (!found) throw notFound()
  return found
}

function listRoute<T extends Timed>(c: TimedCollection<T>): Route {
  return {
    method: 'GET',
    template: `/v3/schedules/{id}/${c.plural}`,
    handler: (req, ctx) => {
      const s = scheduleOf(ctx, req)
      const w = requiredRange(req.query)
      const list = c.records(s).filter((x) => overlaps(x, w)).sort(byTime)
      return {status: 200, body: v3List(c.plural, req.query, list, SMALL, (x) => c.wire(ctx, s, x))}
    },
  }
}

function getRoute<T extends Timed>(c: TimedCollection<T>): Route {
  return {
    method: 'GET',
    template: `/v3/schedules/{id}/${c.plural}/{${c.param}}`,
    handler: (req, ctx) => {
      const s = scheduleOf(ctx, req)
      return {status: 200, body: {[c.singular]: c.wire(ctx, s, findIn(c, s, req))}}
    },
  }
}

function deleteRoute<T extends Timed>(c: TimedCollection<T>): Route {
  return {
    method: 'DELETE',
    template: `/v3/schedules/{id}/${c.plural}/{${c.param}}`,
    handler: (req, ctx) => {
      const s = scheduleOf(ctx, req)
      const gone = findIn(c, s, req)
      c.replace(s, c.records(s).filter((x) => x.id !== gone.id))
      return {status: 204}
    },
  }
}

const CUSTOM_SHIFTS: TimedCollection<CustomShiftRec> = {
  plural: 'custom_shifts',
  singular: 'custom_shift',
  param: 'custom_shift_id',
  records: (s) => s.custom_shifts,
  replace: (s, records) => (s.custom_shifts = records),
  wire: customShiftWire,
}

const OVERRIDES: TimedCollection<V3OverrideRec> = {
  plural: 'overrides',
  singular: 'override',
  param: 'override_id',
  records: (s) => s.overrides,
  replace: (s, records) => (s.overrides = records),
  wire: overrideWire,
}

export const v3ShiftRoutes: Route[] = [
  listRoute(CUSTOM_SHIFTS),
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
  getRoute(CUSTOM_SHIFTS),
  {
    method: 'PUT',
    template: '/v3/schedules/{id}/custom_shifts/{custom_shift_id}',
    // "If the shift has already started, only end_time can be modified."
    handler: (req, ctx) => {
      const s = scheduleOf(ctx, req)
      const c = findIn(CUSTOM_SHIFTS, s, req)
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
  deleteRoute(CUSTOM_SHIFTS),
  listRoute(OVERRIDES),
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
  getRoute(OVERRIDES),
  {
    method: 'PUT',
    template: '/v3/schedules/{id}/overrides/{override_id}',
    handler: (req, ctx) => {
      const s = scheduleOf(ctx, req)
      const o = findIn(OVERRIDES, s, req)
      const b = unwrap(req.body, 'override')
      const {start, end} = span(b, 'override', o)
      const overriding = has(b, 'overriding_member') ? member(ctx, b.overriding_member, 'override.overriding_member') : o.overriding
      Object.assign(o, {start, end, overriding})
      return {status: 200, body: {override: overrideWire(ctx, s, o)}}
    },
  },
  deleteRoute(OVERRIDES),
]
