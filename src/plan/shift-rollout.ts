import type {Rollout, Schedule, ShiftEvent, ShiftRotation} from '../model/schedule.js'
import {formatLocalDateTime, parseLocalDateTime} from '../schedule/local-time.js'
import {EventExpander} from '../schedule/v3/event-shifts.js'
import {engineEventOf} from '../schedule/v3/shift-based-shifts.js'
import {ZoneClock} from '../schedule/zone-clock.js'
import {canonicalJson} from './canonical-json.js'
import type {LiveResource, LiveState} from './live-state.js'
import type {RolloutNote, ScheduleRollout} from './rollout.js'
import {pairRotations} from './shift-pairing.js'

/**
 * Shift-based (v3) schedules before the diff: the desired and the live side put into the same
 * terms, so that a second plan after apply is empty (docs/shift-based-schedules.md, "Plan and
 * apply"). Per desired schedule and its live counterpart (owned with the same key, else unmarked
 * with the same name), rotations are paired (shift-pairing.ts) and, within a rotation, events by
 * name:
 *
 * 1. *History.* Desired events whose `effective_until` has passed are dropped (the live read
 *    drops ended events too).
 * 2. *Effective start in the past.* PagerDuty clamps a past `effective_since` to "now", and a
 *    rollout moves it to a handoff; once both the live and the desired start are at or before
 *    now they are the same thing (the engine counts turns from `start`, not from
 *    `effective_since`), so the live event takes the desired value.
 * 3. *Rollout.* A content change (time, recurrence, members, assignment) of an event that is
 *    running takes effect at T (the event's `rollout`, as for layers, docs/language.md "Rolling
 *    out a rotation change"): `next_handoff` (default) = the end of the shift in progress (now if
 *    none is), `at` = that local date-time in the event's zone, `immediate` = now. Someone
 *    leaving the event, or T not after now, means at once. The desired side then holds two
 *    events: the running one with `effective_until` = T, and the changed one from T.
 * 4. *Pending rollout.* A live pair of one name (a running event whose `effective_until` is the
 *    `effective_since` of a future one) is the config's event while T has not come: the desired
 *    side is written as the same pair, so nothing changes; once T passes the first is history.
 *
 * Both sides list events in the same order (paired ones in config order, then rollout successors,
 * then additions on the desired side / removals on the live side), so the diff compares an event
 * with its counterpart. Event order carries no meaning in PagerDuty (events are listed by start).
 */
export function rolloutShiftBased<S extends {readonly owner: string; readonly schedules: ReadonlyMap<string, Schedule>}>(
  desired: S,
  live: LiveState,
  now: Date,
): {state: S; live: LiveState; rollouts: ScheduleRollout[]} {
  const t = now.getTime()
  const schedules = new Map(desired.schedules)
  const liveSchedules: LiveResource<Schedule>[] = [...live.schedules]
  const rollouts: ScheduleRollout[] = []
  let changed = false
  for (const [key, want] of desired.schedules) {
    if (want.rotations === undefined) continue
    changed = true
    const shiftBased = (r: LiveResource<Schedule>) => r.value.rotations !== undefined
    let at = liveSchedules.findIndex((r) => shiftBased(r) && r.owner === desired.owner && r.value.key === key)
    if (at < 0) at = liveSchedules.findIndex((r) => shiftBased(r) && r.owner === null && r.value.name === want.name)
    const counterpart = liveSchedules[at]
    try {
      const current = withoutHistory(want, t)
      if (counterpart === undefined) {
        schedules.set(key, stripRollouts(current))
        continue
      }
      const out = alignSchedule(current, counterpart.value, t)
      schedules.set(key, out.desired)
      liveSchedules[at] = {...counterpart, value: out.live}
      rollouts.push(...out.notes.map((n) => ({schedule: key, timeZone: want.timeZone, ...n})))
    } catch {
      schedules.set(key, stripRollouts(want)) // an unknown zone or malformed time: the diff shows it as written
    }
  }
  if (!changed) return {state: desired, live, rollouts}
  return {state: {...desired, schedules}, live: {...live, schedules: liveSchedules}, rollouts}
}

function alignSchedule(desired: Schedule, live: Schedule, t: number): {desired: Schedule; live: Schedule; notes: RolloutNote[]} {
  const want = desired.rotations ?? []
  const have = live.rotations ?? []
  const pairing = pairRotations(
    have.map((r) => r.name),
    want.map((r) => r.name),
  )
  const desiredRotations: ShiftRotation[] = want.map((r) => ({...r, events: r.events.map(withoutRollout)}))
  const liveRotations: ShiftRotation[] = []
  const notes: RolloutNote[] = []
  for (const [li, di] of pairing.pairs) {
    const out = alignRotation(have[li] as ShiftRotation, want[di] as ShiftRotation, t)
    desiredRotations[di] = out.desired
    liveRotations.push(out.live)
    notes.push(...out.notes.map((n) => ({...n, layer: di, at: new Date(n.atMs).toISOString(), atLocal: local(n.atMs, desired.timeZone)})).map(({atMs: _atMs, ...n}) => n))
  }
  for (const li of pairing.liveOnly) liveRotations.push(have[li] as ShiftRotation)
  return {desired: {...desired, rotations: desiredRotations}, live: {...live, rotations: liveRotations}, notes}
}

interface EventNote {
  readonly layerName: string
  readonly atMs: number
  readonly reason: RolloutNote['reason']
}

function alignRotation(live: ShiftRotation, desired: ShiftRotation, t: number): {desired: ShiftRotation; live: ShiftRotation; notes: EventNote[]} {
  const consumed = new Set<number>()
  const matched: {live: ShiftEvent; desired: ShiftEvent}[] = []
  const pending: {live: ShiftEvent; desired: ShiftEvent}[] = []
  const successors: ShiftEvent[] = []
  const added: ShiftEvent[] = []
  const notes: EventNote[] = []
  for (const written of desired.events) {
    const want = withoutRollout(written)
    // By effective start: PagerDuty lists events by start_time, which puts a pending successor
    // with an earlier time of day before the event it follows.
    const candidates = live.events
      .map((e, i) => [e, i] as const)
      .filter(([e, i]) => !consumed.has(i) && e.name === want.name)
      .sort(([a], [b]) => effectiveStart(a) - effectiveStart(b))
    const [first, second] = candidates
    if (first && second && isPendingPair(first[0], second[0], t)) {
      consumed.add(first[1]).add(second[1])
      const running = withDesiredStart(first[0], want, t)
      matched.push({live: running, desired: running})
      pending.push({live: second[0], desired: {...want, effectiveFrom: second[0].effectiveFrom}})
      continue
    }
    if (first) {
      consumed.add(first[1])
      const running = withDesiredStart(first[0], want, t)
      const at = sameContent(running, want) ? null : effectiveAt(written.rollout, running, want, t)
      if (at === null) {
        matched.push({live: running, desired: want})
        continue
      }
      matched.push({live: running, desired: {...running, effectiveUntil: local(at.ms, running.timeZone)}})
      successors.push({...want, effectiveFrom: local(at.ms, want.timeZone)})
      notes.push({layerName: `${desired.name} · ${want.name}`, atMs: at.ms, reason: at.reason})
      continue
    }
    added.push(want)
  }
  const liveOnly = live.events.filter((_, i) => !consumed.has(i))
  return {
    desired: {...desired, events: [...matched.map((m) => m.desired), ...pending.map((p) => p.desired), ...successors, ...added]},
    live: {...live, events: [...matched.map((m) => m.live), ...pending.map((p) => p.live), ...liveOnly]},
    notes,
  }
}

/** When a change of running event `running` into `want` takes effect, or null for at once (as for layers, rollout.ts effectiveTime). */
function effectiveAt(rollout: Rollout | undefined, running: ShiftEvent, want: ShiftEvent, t: number): {ms: number; reason: RolloutNote['reason']} | null {
  const kind = rollout?.kind ?? 'next_handoff'
  if (kind === 'immediate') return null
  // Someone leaves the event: at once (offboarding does not wait for a handoff).
  if (running.members.some((m) => !want.members.includes(m))) return null
  if (effectiveStart(running) > t || effectiveStart(want) > t) return null // not running, or the new one starts later anyway
  const ms = rollout?.kind === 'at' ? instant(rollout.at, want.timeZone) : endOfShiftInProgress(running, t)
  if (ms === null || ms <= t) return null
  if (running.effectiveUntil !== null && instant(running.effectiveUntil, running.timeZone) <= ms) return null
  if (want.effectiveUntil !== null && instant(want.effectiveUntil, want.timeZone) <= ms) return null
  return {ms, reason: kind === 'at' ? 'at' : 'next_handoff'}
}

/** Longest shift looked for: an occurrence of PagerDuty's longest patterns fits in it. */
const SEARCH_MS = 400 * 86_400_000

/** The end of the event's occurrence in progress at t (the next handoff), or null when none is. */
export function endOfShiftInProgress(event: ShiftEvent, t: number): number | null {
  const [first] = new EventExpander(engineEventOf(event)).occurrences({start: t, end: t + SEARCH_MS})
  return first !== undefined && first.start <= t ? first.end : null
}

/** A running event whose end is exactly the start of a future one: a rollout that has not taken effect. */
function isPendingPair(running: ShiftEvent, next: ShiftEvent, t: number): boolean {
  if (running.effectiveUntil === null || next.effectiveFrom === null) return false
  const handoff = instant(running.effectiveUntil, running.timeZone)
  return handoff === instant(next.effectiveFrom, next.timeZone) && effectiveStart(running) <= t && handoff > t
}

/** Rule 2: both starts in the past mean the same; the live event takes the desired value. */
function withDesiredStart(live: ShiftEvent, desired: ShiftEvent, t: number): ShiftEvent {
  if (live.effectiveFrom === desired.effectiveFrom) return live
  return effectiveStart(live) <= t && effectiveStart(desired) <= t ? {...live, effectiveFrom: desired.effectiveFrom} : live
}

/** Everything but the name and the effective range: what a running event cannot change in place. */
export function sameContent(a: ShiftEvent, b: ShiftEvent): boolean {
  const content = (e: ShiftEvent) => canonicalJson({z: e.timeZone, s: e.start, e: e.end, r: e.recurrence, m: e.members, a: e.assignment})
  return content(a) === content(b)
}

export function effectiveStart(e: ShiftEvent): number {
  return instant(e.effectiveFrom ?? e.start, e.timeZone)
}

function withoutHistory(s: Schedule, t: number): Schedule {
  const rotations = (s.rotations ?? []).map((r) => ({
    ...r,
    events: r.events.filter((e) => e.effectiveUntil === null || instant(e.effectiveUntil, e.timeZone) > t),
  }))
  return {...s, rotations}
}

function stripRollouts(s: Schedule): Schedule {
  return {...s, rotations: (s.rotations ?? []).map((r) => ({...r, events: r.events.map(withoutRollout)}))}
}

function withoutRollout(e: ShiftEvent): ShiftEvent {
  if (e.rollout === undefined) return e
  const {rollout: _rollout, ...rest} = e
  return rest
}

function instant(localDateTime: string, zone: string): number {
  return ZoneClock.of(zone).toInstant(parseLocalDateTime(localDateTime))
}

function local(ms: number, zone: string): string {
  return formatLocalDateTime(ZoneClock.of(zone).toLocal(ms))
}
