import type {Override} from '../model/override.js'
import {stackLayers} from './final-schedule.js'
import type {OverrideLabel, Shift, TimeWindow} from './shift.js'

/** `Shift.layer` of shifts that an override put on call (above every layer). */
export const OVERRIDE_LAYER = -2

/**
 * The final schedule with overrides on top, as PagerDuty renders it: overrides win over every
 * layer, a later one in `overrides` over an earlier one it overlaps, and adjacent pieces of one
 * person merge (so the result compares shift by shift with the account's final schedule). A
 * merged shift that contains an override piece carries that override's label.
 */
export function withOverridesOnTop(final: readonly Shift[], overrides: readonly Override[], window: TimeWindow): Shift[] {
  const pieces = overrides
    .map((o): Shift => ({user: o.user, start: Math.max(o.start, window.start), end: Math.min(o.end, window.end), layer: OVERRIDE_LAYER, override: labelOf(o)}))
    .filter((s) => s.end > s.start)
  if (pieces.length === 0) return [...final]
  const top = stackLayers(pieces.map((p) => [p]))
  const stacked = stackLayers([final, top])
  return stacked.map((s) => {
    if (s.override) return s
    const from = top.find((t) => t.user === s.user && t.start < s.end && t.end > s.start)
    return from?.override ? {...s, override: from.override} : s
  })
}

/** The label of a config override: a time-off cover names who is off. */
export function labelOf(o: Override): OverrideLabel {
  return o.origin.kind === 'time_off'
    ? {kind: 'time_off', note: o.note, replaces: o.origin.replaces}
    : {kind: 'override', note: o.note, replaces: null}
}
