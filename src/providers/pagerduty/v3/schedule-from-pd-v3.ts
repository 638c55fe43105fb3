import type {Schedule, ShiftEvent, ShiftRotation} from '../../../model/schedule.js'
import type {Read} from '../dto.js'
import type {FromPdContext} from '../mapping/from-pd-context.js'
import {isoToLocal, parseInstant} from '../mapping/wall-clock.js'
import {parseDescription} from '../ownership.js'
import type {PdEventV3, PdRotationV3, PdScheduleV3} from './dto-v3.js'
import {rotationNameFromWire} from './event-names.js'

/**
 * A v3 schedule in the model: a `Schedule` with `rotations` (and no layers). Events whose
 * `effective_until` is at or before `ctx.now` are history, not part of the model (as ended
 * layers are). `empty_member` slots are left out of `members` (and named as not managed, see
 * v3NotManaged). Effective bounds are read on the event's wall clock; an `effective_since` at or
 * before the event's start reads as none (the model's "from start").
 */
export function scheduleFromPdV3(raw: Read<PdScheduleV3>, key: string, ctx: FromPdContext): Schedule {
  return {
    key,
    name: raw.name,
    description: parseDescription(raw.description).text,
    timeZone: raw.time_zone,
    teams: (raw.teams ?? []).map((t) => ctx.teamKeyOf(t.id)).sort(),
    layers: [],
    rotations: (raw.rotations ?? []).map((r, i) => rotationFromPd(r, i + 1, ctx)),
  }
}

/** Events of a rotation that have not ended at `now`, in PagerDuty's order (by start). */
export function currentEvents(rotation: PdRotationV3, now: number): PdEventV3[] {
  return (rotation.events ?? []).filter((e) => !hasEnded(e, now))
}

export function hasEnded(e: PdEventV3, now: number): boolean {
  return e.effective_until !== null && e.effective_until !== undefined && parseInstant(e.effective_until) <= now
}

function rotationFromPd(r: PdRotationV3, position: number, ctx: FromPdContext): ShiftRotation {
  const events = currentEvents(r, ctx.now)
  const {name, eventNames} = rotationNameFromWire(position, events.map((e) => e.name))
  return {name, events: events.map((e, i) => eventFromPd(e, eventNames[i] ?? e.name, ctx))}
}

export function eventFromPd(e: PdEventV3, name: string, ctx: Pick<FromPdContext, 'emailOf'>): ShiftEvent {
  const zone = e.start_time.time_zone
  const strategy = e.assignment_strategy
  const start = parseInstant(e.start_time.date_time)
  const since = parseInstant(e.effective_since)
  return {
    name,
    timeZone: zone,
    start: isoToLocal(e.start_time.date_time, zone),
    end: isoToLocal(e.end_time.date_time, zone),
    recurrence: [...e.recurrence],
    members: strategy.members.flatMap((m) => (m.type === 'user_member' ? [ctx.emailOf(m.user_id)] : [])),
    assignment: strategy.type === 'every_member_assignment_strategy' ? {kind: 'every'} : {kind: 'rotating', shiftsPerMember: strategy.shifts_per_member},
    effectiveFrom: since <= start ? null : isoToLocal(e.effective_since, zone),
    effectiveUntil: e.effective_until === null || e.effective_until === undefined ? null : isoToLocal(e.effective_until, zone),
  }
}

/** What the model leaves out of a v3 schedule that apply must not lose: `empty_member` slots. */
export function v3NotManaged(raw: PdScheduleV3, now: number): string[] {
  const out: string[] = []
  ;(raw.rotations ?? []).forEach((r, i) => {
    currentEvents(r, now).forEach((e, j) => {
      const empty = e.assignment_strategy.members.filter((m) => m.type === 'empty_member').length
      if (empty > 0) out.push(`rotations[${i}].events[${j}].members (${empty} empty_member slot${empty === 1 ? '' : 's'})`)
    })
  })
  return out
}
