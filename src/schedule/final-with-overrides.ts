import type {Override} from '../model/override.js'
import type {Schedule} from '../model/schedule.js'
import {computeShifts} from './compute-shifts.js'
import {overridesOf} from './effective-overrides.js'
import {withOverridesOnTop} from './overrides-on-top.js'
import type {Shift, TimeWindow} from './shift.js'
import {rotationOverrides, withRotationOverrides} from './v3/rotation-overrides.js'

/**
 * A schedule's final shifts as the config means them: its layers, with the config's overrides and
 * time-off covers (`effectiveOverrides`, computed once per config) on top. What the team rules
 * judge and `report` counts, so they agree with config-mode `who` and `export`.
 */
export function finalWithOverrides(schedule: Schedule, window: TimeWindow, overrides: readonly Override[]): Shift[] {
  return overridesApplied(schedule, computeShifts(schedule, window).final, overrides, window)
}

/**
 * `shifts` (the schedule's computed final shifts in `window`) with the schedule's overrides among
 * `overrides` applied the way PagerDuty applies them to its kind: above every layer for a
 * layer-based schedule; in the overridden member's place in one rotation for a shift-based one.
 * Without overrides of the schedule the shifts come back as they are.
 */
export function overridesApplied(schedule: Schedule, shifts: readonly Shift[], overrides: readonly Override[], window: TimeWindow): Shift[] {
  const mine = overridesOf(overrides, schedule.key)
  if (schedule.rotations !== undefined) return withRotationOverrides(shifts, rotationOverrides(schedule, mine), window)
  return withOverridesOnTop(shifts, mine, window)
}
