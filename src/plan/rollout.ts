import type {Rollout, Schedule, ScheduleLayer} from '../model/schedule.js'
import type {LocalDateTime} from '../model/time.js'
import {formatLocalDateTime, parseLocalDateTime} from '../schedule/local-time.js'
import {turnsWithin} from '../schedule/rotation.js'
import {ZoneClock} from '../schedule/zone-clock.js'
import {canonicalJson} from './canonical-json.js'
import type {LiveState} from './live-state.js'
import {alignLayers, layerSlots, type SlotView} from './layer-slots.js'

/**
 * Rolling out a rotation change (docs/language.md, "Rolling out a rotation change").
 *
 * PagerDuty recomputes a whole rotation when a layer's users, turn or virtual start change, so an
 * in-place edit can hand the shift in progress to someone else (pagerduty-api.md §4.6). Instead a
 * rotation change of a running layer takes effect at a time T: the running layer is ended at T
 * and a new layer with the config's settings starts at T. T is, per the layer's `rollout`:
 *
 * - `next_handoff` (default): the live rotation's next turn boundary after `now`, so whoever is on
 *   call now finishes the turn; from T the config's rotation runs as written (its own anchor);
 * - `immediate`: no pair, the layer is edited in place (PagerDuty's own behaviour);
 * - `at`: the given local date-time (in the past: as `immediate`).
 *
 * "Rotation change" = users, turn length, rotation start or restrictions. Restrictions are
 * included because a changed mask can also change who is on call now. Name, start and end
 * changes apply at once (they are timed by the config itself), and so does a change that removes
 * someone from the layer (offboarding; safety.ts still asks for --force if that changes who is on
 * call within a day). A layer that has not started yet,
 * or a desired layer that starts in the future or ends by T, is written as is.
 *
 * This runs on the desired state before diffing: `rolloutSchedule(desired, live, now)` returns
 * the layers to write (a config layer may become a pair, see layer-slots.ts) and a note per
 * rolled-out layer. Idempotent: a live pair that already carries the change is recognised, and
 * once T has passed the ended layer is no longer read and the new layer alone equals the config
 * layer (its start and the config's are both in the past, normalize-start.ts).
 */
export interface RolloutNote {
  /** Index of the config layer. */
  readonly layer: number
  readonly layerName: string
  /** Effective instant, ISO UTC. */
  readonly at: string
  /** Local date-time in the schedule's zone. */
  readonly atLocal: LocalDateTime
  readonly reason: 'next_handoff' | 'at'
}

export interface RolledOutSchedule {
  /** The desired schedule with rollouts applied and `rollout` fields removed. */
  readonly schedule: Schedule
  readonly notes: readonly RolloutNote[]
}

export function rolloutSchedule(desired: Schedule, live: Schedule | undefined, now: Date): RolledOutSchedule {
  const stripped = desired.layers.map(withoutRollout)
  const asWritten = {schedule: {...desired, layers: stripped}, notes: []}
  if (live === undefined || live.layers.length === 0) return asWritten
  try {
    return rollout(desired, stripped, live, now)
  } catch {
    return asWritten // an unknown zone or malformed time: the diff shows it as written
  }
}

function rollout(desired: Schedule, stripped: readonly ScheduleLayer[], live: Schedule, now: Date): RolledOutSchedule {
  const clock = ZoneClock.of(desired.timeZone)
  const liveClock = ZoneClock.of(live.timeZone)
  const t = now.getTime()
  const toMs = (c: ZoneClock) => (local: LocalDateTime) => c.toInstant(parseLocalDateTime(local))
  const desiredMs = toMs(clock)
  const liveMs = toMs(liveClock)

  const liveSlots = layerSlots(live.layers, slotViewOf(liveMs))
  const desiredSlots = layerSlots(desired.layers, slotViewOf(desiredMs))
  const layers: ScheduleLayer[] = []
  const notes: RolloutNote[] = []
  desiredSlots.forEach((slot, s) => {
    const liveSlot = liveSlots[s]
    const d = desired.layers[slot[0] as number] as ScheduleLayer
    if (slot.length !== 1 || liveSlot === undefined || live.timeZone !== desired.timeZone) {
      layers.push(...slot.map((i) => stripped[i] as ScheduleLayer))
      return
    }
    const pending = liveSlot.length === 2 ? (live.layers[liveSlot[1] as number] as ScheduleLayer) : null
    const first = live.layers[liveSlot[0] as number] as ScheduleLayer
    // The running layer of a pending pair ends at T only because of that rollout: not a real end.
    const running = pending === null ? first : {...first, end: pending.end}
    const want = stripped[slot[0] as number] as ScheduleLayer
    // A pending pair that already carries this config layer at the time asked: keep it as it is.
    // (Its start is the running layer's next handoff as of the apply, and still is: the running
    // layer's turn cannot have ended, or the pair would have been read as the new layer alone.)
    if (pending !== null && sameRotation(want, pending, desiredMs, liveMs)) {
      const asked = d.rollout?.kind === 'at' ? desiredMs(d.rollout.at) : d.rollout?.kind === 'immediate' ? t : liveMs(pending.start)
      if (asked === liveMs(pending.start)) {
        layers.push({...first, name: want.name}, {...want, start: pending.start})
        notes.push(note(slot[0] as number, want.name, asked, clock, d.rollout?.kind === 'at' ? 'at' : 'next_handoff'))
        return
      }
      // else: only the time changed; plan the change again from the running layer
    }
    const effective = effectiveTime(d.rollout, running, want, {t, desiredMs, liveMs, clock: liveClock})
    if (effective === null || sameRotation(want, running, desiredMs, liveMs)) {
      layers.push(want)
      return
    }
    const atLocal = formatLocalDateTime(clock.toLocal(effective.at))
    layers.push({...running, name: want.name, end: atLocal}, {...want, start: atLocal})
    notes.push(note(slot[0] as number, want.name, effective.at, clock, effective.reason))
  })
  return {schedule: {...desired, layers}, notes}
}

/** A rollout note of the plan: which schedule, and its zone for display. */
export interface ScheduleRollout extends RolloutNote {
  readonly schedule: string
  readonly timeZone: string
}

/**
 * Every desired schedule rolled out against its live counterpart: the owned live schedule with
 * the same key, else an unmarked one with the same name (the counterpart the diff would adopt).
 */
export function rolloutState<S extends {readonly owner: string; readonly schedules: ReadonlyMap<string, Schedule>}>(
  desired: S,
  live: LiveState,
  now: Date,
): {state: S; rollouts: ScheduleRollout[]} {
  const rollouts: ScheduleRollout[] = []
  const schedules = new Map<string, Schedule>()
  for (const [key, schedule] of desired.schedules) {
    // Layer rollouts concern layer-based schedules only (shift-based ones: shift-rollout.ts).
    if (schedule.rotations !== undefined) {
      schedules.set(key, schedule)
      continue
    }
    const sameKind = live.schedules.filter((r) => r.value.rotations === undefined)
    const counterpart =
      sameKind.find((r) => r.owner === desired.owner && r.value.key === key) ??
      sameKind.find((r) => r.owner === null && r.value.name === schedule.name)
    const out = rolloutSchedule(schedule, counterpart?.value, now)
    schedules.set(key, out.schedule)
    rollouts.push(...out.notes.map((n) => ({schedule: key, timeZone: schedule.timeZone, ...n})))
  }
  return {state: {...desired, schedules}, rollouts}
}

interface Clocks {
  readonly t: number
  readonly desiredMs: (local: LocalDateTime) => number
  readonly liveMs: (local: LocalDateTime) => number
  readonly clock: ZoneClock
}

/** When the change of `running` into `want` takes effect, or null when it is written in place. */
export function effectiveTime(
  rollout: Rollout | undefined,
  running: ScheduleLayer,
  want: ScheduleLayer,
  c: Clocks,
): {at: number; reason: RolloutNote['reason']} | null {
  const kind = rollout?.kind ?? 'next_handoff'
  if (kind === 'immediate') return null
  // Someone leaves the rotation: at once. Offboarding should not wait for a handoff, and
  // PagerDuty refuses to remove a team member who is still in a layer (the ended one would be).
  if (running.users.some((u) => !want.users.includes(u))) return null
  if (c.liveMs(running.start) > c.t || c.desiredMs(want.start) > c.t) return null // not running / starts later anyway
  let at: number
  if (rollout?.kind === 'at') at = c.desiredMs(rollout.at)
  else {
    const next = nextHandoff(running, c.t, c.clock)
    if (next === null) return null
    at = next
  }
  if (at <= c.t) return null
  if (running.end !== null && c.liveMs(running.end) <= at) return null // ends before the change would start
  if (want.end !== null && c.desiredMs(want.end) <= at) return null
  return {at, reason: kind === 'at' ? 'at' : 'next_handoff'}
}

/** The first turn boundary of `layer` after `now` (epoch ms). */
export function nextHandoff(layer: ScheduleLayer, now: number, clock: ZoneClock): number | null {
  if (layer.users.length === 0) return null
  const rotation = {users: layer.users, turnSeconds: layer.turnSeconds, anchorLocal: parseLocalDateTime(layer.rotationStart)}
  const first = turnsWithin(clock, rotation, now, now + 2 * layer.turnSeconds * 1000 + 7_200_000)[0]
  return first === undefined ? null : first.end
}

/** Same users, turn, anchor and restrictions: writing one over the other keeps the rotation. */
export function sameRotation(
  a: ScheduleLayer,
  b: ScheduleLayer,
  aMs: (local: LocalDateTime) => number,
  bMs: (local: LocalDateTime) => number,
): boolean {
  return (
    canonicalJson(a.users) === canonicalJson(b.users) &&
    a.turnSeconds === b.turnSeconds &&
    aMs(a.rotationStart) === bMs(b.rotationStart) &&
    restrictionSet(a) === restrictionSet(b)
  )
}

/** Restrictions are a mask (a union of windows): their order means nothing. */
function restrictionSet(layer: ScheduleLayer): string {
  return layer.restrictions.map((r) => canonicalJson(r)).sort().join('\n')
}

/** Layers of a model schedule, read for slotting (layer-slots.ts). */
export function slotViewOf(ms: (local: LocalDateTime) => number): (layer: ScheduleLayer) => SlotView {
  return (layer) => ({name: layer.name, start: ms(layer.start), end: layer.end === null ? null : ms(layer.end)})
}

/** Live and desired layers of one schedule paired slot by slot (for start normalisation and diffs). */
export function alignScheduleLayers(live: Schedule, desired: Schedule): ReturnType<typeof alignLayers> {
  const ms = (zone: string) => {
    const clock = ZoneClock.of(zone)
    return (local: LocalDateTime) => clock.toInstant(parseLocalDateTime(local))
  }
  return alignLayers(live.layers, desired.layers, slotViewOf(ms(live.timeZone)), slotViewOf(ms(desired.timeZone)))
}

function withoutRollout(layer: ScheduleLayer): ScheduleLayer {
  if (layer.rollout === undefined) return layer
  const {rollout: _rollout, ...rest} = layer
  return rest
}

function note(layer: number, layerName: string, at: number, clock: ZoneClock, reason: RolloutNote['reason']): RolloutNote {
  return {layer, layerName, at: new Date(at).toISOString(), atLocal: formatLocalDateTime(clock.toLocal(at)), reason}
}
