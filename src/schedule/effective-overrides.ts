import type {Override} from '../model/override.js'
import type {DesiredState} from '../model/state.js'
import {timeOffCovers} from './time-off-covers.js'

/**
 * Every override the config means: the declared ones and the covers computed from time off,
 * sorted by schedule, start, end, user. What plan creates and what who/export lay on top.
 */
export function effectiveOverrides(state: Pick<DesiredState, 'schedules' | 'overrides' | 'timeOff'>): Override[] {
  const declared = state.overrides ?? []
  const {covers} = timeOffCovers(state.schedules.values(), state.timeOff ?? [], declared)
  if (covers.length === 0) return [...declared]
  return [...declared, ...covers].sort(
    (a, b) => (a.schedule < b.schedule ? -1 : a.schedule > b.schedule ? 1 : 0) || a.start - b.start || a.end - b.end || (a.user < b.user ? -1 : a.user > b.user ? 1 : 0),
  )
}

/** The overrides of one schedule, in the order they are stacked (later wins where they overlap). */
export function overridesOf(all: readonly Override[], scheduleKey: string): Override[] {
  return all.filter((o) => o.schedule === scheduleKey)
}
