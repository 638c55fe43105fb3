import type {SandboxContext} from '../context.js'
import {notFound} from '../errors.js'
import type {PdRequest} from '../router.js'
import type {V3EventRec, V3RotationRec, V3ScheduleRec} from './records.js'

/** The v3 schedules of the state (created on first use: older state files have none). */
export function v3Schedules(ctx: SandboxContext): V3ScheduleRec[] {
  ctx.state.v3_schedules ??= []
  return ctx.state.v3_schedules
}

/** The v3 schedules for reading: a read never changes the state (not even by adding the empty list). */
export function v3SchedulesRead(ctx: SandboxContext): readonly V3ScheduleRec[] {
  return ctx.state.v3_schedules ?? []
}

export function scheduleOf(ctx: SandboxContext, req: PdRequest): V3ScheduleRec {
  const s = v3SchedulesRead(ctx).find((x) => x.id === req.params.id)
  if (!s) throw notFound()
  return s
}

/** A live (not deleted) rotation of the schedule named by the path. */
export function rotationOf(s: V3ScheduleRec, req: PdRequest): V3RotationRec {
  const r = s.rotations.find((x) => x.id === req.params.rotation_id && x.deleted_at === undefined)
  if (!r) throw notFound()
  return r
}

/** IDs of rotations, events, custom shifts and overrides are long (25 characters in the spec's examples). */
export function longId(ctx: SandboxContext): string {
  return [ctx.newId(), ctx.newId(), ctx.newId(), ctx.newId()].map((id) => id.slice(1)).join('').slice(0, 24) + 'A'
}

/** The event named by the path, in the rotation named by the path (404 otherwise). */
export function eventOf(ctx: SandboxContext, req: PdRequest): {s: V3ScheduleRec; r: V3RotationRec; e: V3EventRec} {
  const s = scheduleOf(ctx, req)
  const r = rotationOf(s, req)
  const e = r.events.find((x) => x.id === req.params.event_id)
  if (!e) throw notFound()
  return {s, r, e}
}
