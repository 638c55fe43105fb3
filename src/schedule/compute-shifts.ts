import type {Restriction, Schedule} from '../model/schedule.js'
import {parseLocalDateTime, parseTimeOfDay} from './local-time.js'
import {renderAnchoredLayers, type EngineRestriction, type RenderedSchedule} from './render-layers.js'
import type {TimeWindow} from './shift.js'
import {renderShiftBased} from './v3/shift-based-shifts.js'
import {ZoneClock} from './zone-clock.js'

/**
 * Who is on call in `window` according to a schedule of the model: the final schedule and each
 * layer's shifts (epoch ms, clipped to the window). Local date-times of the model are read on the
 * schedule's wall clock (a skipped time moves forward, a repeated one takes the earlier instant).
 */
export function computeShifts(schedule: Schedule, window: TimeWindow): RenderedSchedule {
  // Shift-based (v3) schedules: one engine, two kinds; callers see the same shape.
  if (schedule.rotations !== undefined) return renderShiftBased(schedule.rotations, window)
  const clock = ZoneClock.of(schedule.timeZone)
  const instant = (local: string): number => clock.toInstant(parseLocalDateTime(local))
  return renderAnchoredLayers(
    clock,
    schedule.layers.map((layer) => ({
      users: layer.users,
      turnSeconds: layer.turnSeconds,
      anchorLocal: parseLocalDateTime(layer.rotationStart),
      start: instant(layer.start),
      end: layer.end === null ? null : instant(layer.end),
      restrictions: layer.restrictions.map(toEngineRestriction),
    })),
    window,
  )
}

export function toEngineRestriction(r: Restriction): EngineRestriction {
  const base = {startSecondOfDay: parseTimeOfDay(r.start), durationSeconds: r.durationMinutes * 60}
  return r.kind === 'daily' ? {kind: 'daily', ...base} : {kind: 'weekly', startDay: r.startDay, ...base}
}
