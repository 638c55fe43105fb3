import type {Schedule} from '../model/schedule.js'
import type {DesiredState} from '../model/state.js'
import {effectiveOverrides, overridesOf} from '../schedule/effective-overrides.js'
import {overridesApplied} from '../schedule/final-with-overrides.js'
import {withOverridesOnTop} from '../schedule/overrides-on-top.js'
import type {Shift, TimeWindow} from '../schedule/shift.js'

/**
 * Config mode of who/export: the config's overrides and time-off covers laid over whatever
 * computes the layers' final schedule (a separate step, so the layer computation can change
 * without this knowing). Covers are computed once per command from the rotation.
 */
export function overridesOverSchedules<A extends Schedule | string>(
  state: Pick<DesiredState, 'schedules' | 'overrides' | 'timeOff'>,
  base: (schedule: A, window: TimeWindow) => Promise<readonly Shift[]>,
): (schedule: A, window: TimeWindow) => Promise<Shift[]> {
  const all = effectiveOverrides(state)
  return async (schedule, window) => {
    const key = typeof schedule === 'string' ? schedule : schedule.key
    const model: Schedule | undefined = typeof schedule === 'string' ? state.schedules.get(key) : (schedule as Schedule)
    // Shift-based schedules: an override takes one member's part of one rotation (v3), not the top.
    if (model !== undefined && model.rotations !== undefined) return overridesApplied(model, await base(schedule, window), all, window)
    return withOverridesOnTop(await base(schedule, window), overridesOf(all, key), window)
  }
}
