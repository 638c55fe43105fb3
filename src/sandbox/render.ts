import {renderLayers, type EngineLayer, type EngineRestriction} from '../schedule/render-layers.js'
import type {Shift} from '../schedule/shift.js'
import {overrideShifts, withOverrides} from './override-shifts.js'
import type {LayerRec, RestrictionWire, ScheduleRec} from './state.js'
import {secondsOfDay} from './time-format.js'

/**
 * Adapter from stored PD layers to the project's one schedule engine (src/schedule): the sandbox
 * must not carry a rotation engine of its own, so client and simulator agree by construction and
 * the engine's own tests cover the rotation rules.
 */
function toEngineRestriction(r: RestrictionWire): EngineRestriction {
  const base = {startSecondOfDay: secondsOfDay(r.start_time_of_day), durationSeconds: r.duration_seconds}
  if (r.type === 'weekly_restriction') {
    return {kind: 'weekly', startDay: (r.start_day_of_week ?? 1) as EngineRestriction['startDay'], ...base}
  }
  return {kind: 'daily', ...base}
}

export function toEngineLayer(layer: LayerRec): EngineLayer {
  return {
    users: layer.users,
    turnSeconds: layer.rotation_turn_length_seconds,
    rotationStart: layer.rotation_virtual_start,
    start: layer.start,
    end: layer.end,
    restrictions: layer.restrictions.map(toEngineRestriction),
  }
}

export interface RenderedScheduleRec {
  /** Who is on call: the layers with the overrides on top. Shift.user holds a user ID here. */
  final: Shift[]
  /** Per layer, in written order (same indexes as ScheduleRec.layers). */
  layers: Shift[][]
  /** The overrides sub-schedule (overlaps resolved: the last created wins). */
  overrides: Shift[]
}

export function renderSchedule(schedule: ScheduleRec, window: {start: number; end: number}): RenderedScheduleRec {
  if (window.end <= window.start) return {final: [], layers: schedule.layers.map(() => []), overrides: []}
  // Layers whose end precedes their start never count; the engine expects end > start.
  const layers = schedule.layers.map((l) => (l.end !== null && l.end <= l.start ? {...l, end: l.start} : l))
  const rendered = renderLayers(schedule.time_zone, layers.map(toEngineLayer), window)
  const overrides = overrideShifts(schedule.overrides ?? [], window, layers.length)
  return {layers: rendered.layers, overrides, final: withOverrides(rendered.final, overrides)}
}

/** Share of the window covered by shifts, as PD's rendered_coverage_percentage (0..100). */
export function coveragePercentage(shifts: readonly Shift[], window: {start: number; end: number}): number {
  const span = window.end - window.start
  if (span <= 0) return 0
  const covered = shifts.reduce((sum, s) => sum + (s.end - s.start), 0)
  return Math.round((covered / span) * 10000) / 100
}
