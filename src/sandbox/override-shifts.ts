import {stackLayers} from '../schedule/final-schedule.js'
import type {Shift, TimeWindow} from '../schedule/shift.js'
import type {OverrideRec} from './state.js'

/**
 * The overrides sub-schedule within `window`: who an override puts on call, at most one user at
 * any instant. Each override is stacked as its own one-shift layer in creation order, so where
 * overrides overlap the last created wins ("If you create an override on top of an existing
 * override, the last created override will have priority", spec POST /schedules/{id}/overrides).
 * `layer` is `overrideLayer` for every piece (the override layer sits above all layers).
 * Reuses the engine's stacking (src/schedule/final-schedule.ts): no second schedule engine here.
 */
export function overrideShifts(overrides: readonly OverrideRec[], window: TimeWindow, overrideLayer: number): Shift[] {
  const clipped = overrides
    .map((o) => ({user: o.user, start: Math.max(o.start, window.start), end: Math.min(o.end, window.end), layer: overrideLayer}))
    .filter((o) => o.end > o.start)
  return stackLayers(clipped.map((o) => [o]))
}

/**
 * The final schedule with overrides: the layers' result with the override sub-schedule on top
 * ("The override layer has top priority and replaces whoever else would have been on-call",
 * DevDocs 21; notes §5.3). Both inputs sorted and non-overlapping.
 */
export function withOverrides(layersFinal: readonly Shift[], overrides: readonly Shift[]): Shift[] {
  return overrides.length === 0 ? [...layersFinal] : stackLayers([layersFinal, overrides])
}
