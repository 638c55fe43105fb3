import type {Schedule, ScheduleLayer} from '../../../model/schedule.js'
import type {OnCallState} from '../../../model/state.js'
import type {LiveResource, LiveState} from '../../../plan/live-state.js'
import {alignScheduleLayers} from '../../../plan/rollout.js'
import {localToInstant} from './wall-clock.js'

/**
 * PagerDuty refuses layer starts in the past: it stores `max(requested start, time of the write)`
 * and returns that (terraform's SuppressScheduleLayerStartDiff). A config that says
 * `start: 2026-01-05` therefore never reads back as 2026-01-05 once that day has passed, and a
 * naive diff would update the schedule on every run.
 *
 * Rule (the simplest one that is robust): **a live layer start and a desired layer start are the
 * same when both are at or before `now`.** Writing either would make PagerDuty store "now" again,
 * so there is nothing to change; a start in the future is compared as written. This runs as its
 * own step after reading, because only the desired state knows what was asked:
 * `diff(desired, normalizeLiveAgainstDesired(live, desired, now))`.
 *
 * Layers are paired by position (written order), counting a rollout pair as one place
 * (plan/layer-slots.ts), the same pairing schedule-to-pd.ts uses for layer IDs. Live schedules are paired with desired ones by key, and unmarked live schedules also
 * by name (the diff adopts those by name). Everything else is returned untouched.
 */
export function normalizeLiveAgainstDesired(live: LiveState, desired: OnCallState, now: Date): LiveState {
  const desiredByName = new Map([...desired.schedules.values()].map((s) => [s.name, s]))
  const schedules = live.schedules.map((resource): LiveResource<Schedule> => {
    const wanted =
      desired.schedules.get(resource.value.key) ?? (resource.owner === null ? desiredByName.get(resource.value.name) : undefined)
    if (wanted === undefined) return resource
    const value = withDesiredPastStarts(resource.value, wanted, now.getTime())
    return value === resource.value ? resource : {...resource, value}
  })
  return {...live, schedules}
}

function withDesiredPastStarts(live: Schedule, desired: Schedule, now: number): Schedule {
  let changed = false
  const desiredFor = new Map(alignedPairs(live, desired).map(([li, di]) => [li, desired.layers[di]]))
  const layers = live.layers.map((layer, i): ScheduleLayer => {
    const want = desiredFor.get(i)
    if (want === undefined || want.start === layer.start) return layer
    if (isAtOrBefore(want.start, desired.timeZone, now) && isAtOrBefore(layer.start, live.timeZone, now)) {
      changed = true
      return {...layer, start: want.start}
    }
    return layer
  })
  return changed ? {...live, layers} : live
}

/** Live and desired layers paired slot by slot (a rollout pair is one slot, plan/layer-slots.ts). */
function alignedPairs(live: Schedule, desired: Schedule): readonly (readonly [number, number])[] {
  try {
    return alignScheduleLayers(live, desired).pairs
  } catch {
    return live.layers.map((_, i) => [i, i] as const).filter(([, i]) => i < desired.layers.length) // unknown zone: by position
  }
}

function isAtOrBefore(local: string, zone: string, now: number): boolean {
  try {
    return localToInstant(local, zone) <= now
  } catch {
    return false // an unknown zone or malformed time: leave it for the diff to show
  }
}

/**
 * The desired state without layers whose `end` is at or before `now`. PagerDuty drops nothing but
 * reading does (an ended layer no longer counts, see live-layers.ts), so a config that still
 * lists a layer that has ended would otherwise show it as missing on every plan, and applying
 * would end it again. Apply this to the desired state before diffing, with the same `now`.
 */
export function withoutEndedLayers<S extends OnCallState>(desired: S, now: Date): S {
  let changed = false
  const schedules = new Map(
    [...desired.schedules].map(([key, schedule]): [string, Schedule] => {
      const layers = schedule.layers.filter((l) => l.end === null || !isAtOrBefore(l.end, schedule.timeZone, now.getTime()))
      if (layers.length === schedule.layers.length) return [key, schedule]
      changed = true
      return [key, {...schedule, layers}]
    }),
  )
  return changed ? {...desired, schedules} : desired
}
