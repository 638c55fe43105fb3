import type {Override} from '../model/override.js'
import type {Schedule} from '../model/schedule.js'
import {finalWithOverrides} from '../schedule/final-with-overrides.js'
import {unionOf, type Interval} from '../schedule/interval.js'
import type {TimeWindow} from '../schedule/shift.js'

/** A stretch of time in which one person is on call in one form of the schedule and not in the other. */
export interface ShiftDifference {
  readonly user: string
  readonly start: number
  readonly end: number
  /** `layers`: on call only in the layer-based form; `shifts`: only in the shift-based form. */
  readonly onlyIn: 'layers' | 'shifts'
}

/**
 * The proof of a migration: who is on call in both forms over `window`, compared person by
 * person as covered time (so the same coverage cut into different pieces is identical). An empty
 * result means nobody's on-call time changes anywhere in the window.
 *
 * `overrides` are each form's config overrides and time-off covers (`effectiveOverrides` of the
 * config before and after the edit), laid on top the way who and export lay them: above every
 * layer for the layer form, in the overridden member's place in one rotation for the shift form.
 */
export function compareForms(
  layerForm: Schedule,
  shiftForm: Schedule,
  window: TimeWindow,
  overrides: {readonly layers: readonly Override[]; readonly shifts: readonly Override[]} = {layers: [], shifts: []},
): ShiftDifference[] {
  const a = byUser(finalWithOverrides(layerForm, window, overrides.layers))
  const b = byUser(finalWithOverrides(shiftForm, window, overrides.shifts))
  const out: ShiftDifference[] = []
  for (const user of [...new Set([...a.keys(), ...b.keys()])].sort()) {
    const x = a.get(user) ?? []
    const y = b.get(user) ?? []
    for (const d of minus(x, y)) out.push({user, ...d, onlyIn: 'layers'})
    for (const d of minus(y, x)) out.push({user, ...d, onlyIn: 'shifts'})
  }
  return out.sort((p, q) => p.start - q.start || p.user.localeCompare(q.user))
}

function byUser(shifts: readonly {user: string; start: number; end: number}[]): Map<string, Interval[]> {
  const m = new Map<string, Interval[]>()
  for (const s of shifts) m.set(s.user, [...(m.get(s.user) ?? []), {start: s.start, end: s.end}])
  for (const [k, v] of m) m.set(k, unionOf(v))
  return m
}

/** a \ b for sorted, disjoint interval lists. */
function minus(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const out: Interval[] = []
  for (const i of a) {
    let start = i.start
    for (const j of b) {
      if (j.end <= start || j.start >= i.end) continue
      if (j.start > start) out.push({start, end: j.start})
      start = Math.max(start, j.end)
    }
    if (start < i.end) out.push({start, end: i.end})
  }
  return out
}
