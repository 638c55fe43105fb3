import type {ShiftEvent, ShiftRotation} from '../../model/schedule.js'
import {parseLocalDateTime} from '../local-time.js'
import {mergeAdjacent} from '../merge-adjacent.js'
import type {RenderedSchedule} from '../render-layers.js'
import type {Shift, TimeWindow} from '../shift.js'
import {ZoneClock} from '../zone-clock.js'
import {EventExpander, type EngineEvent} from './event-shifts.js'

/** The engine's event for a model event: local date-times read on the event's wall clock. */
export function engineEventOf(e: ShiftEvent): EngineEvent {
  const clock = ZoneClock.of(e.timeZone)
  const at = (local: string) => clock.toInstant(parseLocalDateTime(local))
  const start = at(e.start)
  return {
    start,
    end: at(e.end),
    timeZone: e.timeZone,
    recurrence: e.recurrence,
    effectiveSince: e.effectiveFrom === null ? start : at(e.effectiveFrom),
    effectiveUntil: e.effectiveUntil === null ? null : at(e.effectiveUntil),
    strategy: e.assignment.kind === 'every' ? {kind: 'every', members: e.members} : {kind: 'rotating', shiftsPerMember: e.assignment.shiftsPerMember, members: e.members},
  }
}

/**
 * Shifts of a shift-based schedule in `window`, in the same shape as layer schedules give, so
 * who/export/previews need not know the kind: `layers[i]` holds rotation i's shifts (Shift.layer
 * = the rotation's index) and `final` all of them. Rotations are concurrent, so `final` may hold
 * two people at the same time (as PagerDuty's v3 final schedule does); each person's adjacent
 * pieces are joined.
 */
export function renderShiftBased(rotations: readonly ShiftRotation[], window: TimeWindow): RenderedSchedule {
  const layers = rotations.map((r, index) => {
    const shifts: Shift[] = r.events.flatMap((e) => new EventExpander(engineEventOf(e)).shifts(window).map((s) => ({user: s.member, start: s.start, end: s.end, layer: index})))
    return joinPerUser(shifts)
  })
  return {final: joinPerUser(layers.flat()), layers}
}

function joinPerUser(shifts: readonly Shift[]): Shift[] {
  const byUser = new Map<string, Shift[]>()
  for (const s of [...shifts].sort((a, b) => a.start - b.start || a.end - b.end)) {
    const list = byUser.get(s.user) ?? []
    list.push(s)
    byUser.set(s.user, list)
  }
  return [...byUser.values()].flatMap((list) => mergeAdjacent(list)).sort((a, b) => a.start - b.start || a.user.localeCompare(b.user) || a.end - b.end)
}
