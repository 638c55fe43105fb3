import type {Override} from '../model/override.js'
import type {Schedule} from '../model/schedule.js'
import {computeShifts} from './compute-shifts.js'
import {overridesOf} from './effective-overrides.js'
import {withOverridesOnTop} from './overrides-on-top.js'
import type {Shift, TimeWindow} from './shift.js'

/**
 * A schedule's final shifts as the config means them: its layers, with the config's overrides and
 * time-off covers (`effectiveOverrides`, computed once per config) on top. What the team rules
 * judge and `report` counts, so they agree with config-mode `who` and `export`.
 */
export function finalWithOverrides(schedule: Schedule, window: TimeWindow, overrides: readonly Override[]): Shift[] {
  // withOverridesOnTop returns the final schedule as it is when the schedule has no overrides.
  return withOverridesOnTop(computeShifts(schedule, window).final, overridesOf(overrides, schedule.key), window)
}
