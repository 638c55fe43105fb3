/**
 * Overrides of shift-based (REST v3) schedules (docs/shift-based-schedules.md, "Overrides").
 *
 * A v3 override belongs to one rotation and names the member it overrides: within its time, that
 * member's part of that rotation's shifts goes to the overriding member; every other rotation and
 * member is untouched (rotations are concurrent). The config's `overrides:` entries say the
 * schedule, the person on call instead and the span, plus `rotation:` when the span touches more
 * than one rotation. This module turns a config override into the v3 overrides that mean it, and
 * lays them over computed shifts, so who/export, previews and plan agree with what PagerDuty's
 * final schedule will show. Pure.
 *
 * Rule chosen: a declared override takes over the whole rotation for its span: one v3 override
 * per member the rotation has on call in it, each over the full span (a span across a handoff
 * replaces both members); `replaces:` narrows it to one member (what import writes, so a live
 * override reads back exactly). Where the rotation has nobody on call, a v3 override cannot put anyone
 * on call (it only replaces shifts): validate warns. A time-off cover replaces only the person
 * who is off, in the rotation of the shift it covers.
 */
import type {Override} from '../../model/override.js'
import type {Schedule} from '../../model/schedule.js'
import {computeShifts} from '../compute-shifts.js'
import {labelOf} from '../overrides-on-top.js'
import type {Shift, TimeWindow} from '../shift.js'

/** One v3 override as the config means it: `user` takes `overridden`'s part of rotation `rotation` in [start, end). */
export interface RotationOverride {
  /** Index of the rotation in the schedule (Shift.layer of its shifts). */
  readonly rotation: number
  readonly rotationName: string
  /** Lower-cased email of the member whose shifts are taken. */
  readonly overridden: string
  /** Lower-cased email of who is on call instead. */
  readonly user: string
  readonly start: number
  readonly end: number
  readonly source: Override
}

/** Which rotation a config override of a shift-based schedule belongs to. */
export type OverrideRotation =
  | {readonly kind: 'rotation'; readonly index: number}
  /** `rotation:` names no rotation of the schedule. */
  | {readonly kind: 'unknown'; readonly name: string}
  /** No rotation has anyone on call in the span: the override would change nothing. */
  | {readonly kind: 'none'}
  /** More than one rotation has someone on call in the span and `rotation:` does not say which. */
  | {readonly kind: 'ambiguous'; readonly names: readonly string[]}

/** Each rotation's shifts in the override's span (clipped to it). */
function rotationShifts(schedule: Schedule, span: TimeWindow): readonly (readonly Shift[])[] {
  return computeShifts(schedule, span).layers
}

export function overrideRotation(schedule: Schedule, o: Override, layers: readonly (readonly Shift[])[] = rotationShifts(schedule, o)): OverrideRotation {
  const rotations = schedule.rotations ?? []
  if (o.rotation !== undefined) {
    const index = rotations.findIndex((r) => r.name === o.rotation)
    return index < 0 ? {kind: 'unknown', name: o.rotation} : {kind: 'rotation', index}
  }
  const replaced = o.origin.kind === 'time_off' ? o.origin.replaces : (o.overridden ?? null)
  const touched = rotations.flatMap((_, i) => ((layers[i] ?? []).some((s) => replaced === null || s.user === replaced) ? [i] : []))
  if (touched.length === 0) return {kind: 'none'}
  if (touched.length > 1) return {kind: 'ambiguous', names: touched.map((i) => rotations[i]?.name ?? `Rotation ${i + 1}`)}
  return {kind: 'rotation', index: touched[0] as number}
}

/**
 * The v3 overrides that mean the config's overrides of one shift-based schedule (sorted by start,
 * rotation, overridden, user). Overrides whose rotation cannot be told (validate reports those)
 * give none.
 */
export function rotationOverrides(schedule: Schedule, overrides: readonly Override[]): RotationOverride[] {
  const out: RotationOverride[] = []
  for (const o of overrides) {
    if (o.schedule !== schedule.key || o.end <= o.start) continue
    const layers = rotationShifts(schedule, o)
    const target = overrideRotation(schedule, o, layers)
    if (target.kind !== 'rotation') continue
    const name = schedule.rotations?.[target.index]?.name ?? `Rotation ${target.index + 1}`
    const members =
      o.origin.kind === 'time_off'
        ? [o.origin.replaces]
        : o.overridden !== undefined
          ? [o.overridden]
          : [...new Set((layers[target.index] ?? []).map((s) => s.user))].sort()
    for (const overridden of members) {
      // Overriding someone with themselves changes nothing; PagerDuty would still store it.
      if (overridden === o.user) continue
      out.push({rotation: target.index, rotationName: name, overridden, user: o.user, start: o.start, end: o.end, source: o})
    }
  }
  return out.sort((a, b) => a.start - b.start || a.rotation - b.rotation || cmp(a.overridden, b.overridden) || cmp(a.user, b.user) || a.end - b.end)
}

/**
 * `shifts` (a shift-based schedule's, Shift.layer = rotation index) with the v3 overrides applied
 * as PagerDuty applies them: each takes the overridden member's part of its rotation's shifts
 * within its span. Later overrides apply to the result of earlier ones. The result is sorted by
 * start, user; each person's adjacent pieces of one rotation are joined.
 * Known limit: the engine's final schedule joins one person's adjacent shifts even across two
 * rotations (the joined shift keeps the first one's index), so an override of the second rotation
 * does not reach such a joined piece; it takes a person in two rotations, back to back.
 */
export function withRotationOverrides(shifts: readonly Shift[], overrides: readonly RotationOverride[], window: TimeWindow): Shift[] {
  if (overrides.length === 0) return [...shifts]
  let out: Shift[] = [...shifts]
  for (const o of overrides) {
    const start = Math.max(o.start, window.start)
    const end = Math.min(o.end, window.end)
    if (end <= start) continue
    const next: Shift[] = []
    for (const s of out) {
      const from = Math.max(s.start, start)
      const to = Math.min(s.end, end)
      if (s.layer !== o.rotation || s.user !== o.overridden || s.override !== undefined || to <= from) {
        next.push(s)
        continue
      }
      if (s.start < from) next.push({...s, end: from})
      const label = labelOf(o.source)
      next.push({user: o.user, start: from, end: to, layer: o.rotation, override: {...label, replaces: label.replaces ?? o.overridden}})
      if (to < s.end) next.push({...s, start: to})
    }
    out = next
  }
  return joinSameSource(out.sort((a, b) => a.start - b.start || cmp(a.user, b.user) || a.end - b.end))
}

/** Adjacent pieces of one person from one rotation and one kind of source become one shift. */
function joinSameSource(sorted: readonly Shift[]): Shift[] {
  const out: Shift[] = []
  const last = new Map<string, number>()
  for (const s of sorted) {
    const key = `${s.user}|${s.layer}|${s.override ? JSON.stringify(s.override) : ''}`
    const at = last.get(key)
    const prev = at === undefined ? undefined : out[at]
    if (prev !== undefined && prev.end === s.start) out[at as number] = {...prev, end: s.end}
    else {
      last.set(key, out.length)
      out.push(s)
    }
  }
  return out
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
