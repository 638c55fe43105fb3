import type {EngineRestriction} from './render-layers.js'
import {visibleWindows} from './restriction-windows.js'
import {turnsWithin, type RotationTiming} from './rotation.js'
import type {Shift, TimeWindow} from './shift.js'
import type {ZoneClock} from './zone-clock.js'

/** A layer whose anchor is already a local naive time (see rotation.ts). */
export interface AnchoredLayer extends RotationTiming {
  /** The layer counts from this instant (epoch ms)... */
  readonly start: number
  /** ...until this one, or forever when null. */
  readonly end: number | null
  readonly restrictions: readonly EngineRestriction[]
}

/**
 * One layer's shifts within `window`: its turns, limited to [start, end) and to the restriction
 * windows, with contiguous pieces of the same user merged (so a handoff from a user to the same
 * user, or a one-person rotation, yields one shift rather than one per turn).
 */
export function layerShifts(clock: ZoneClock, layer: AnchoredLayer, index: number, window: TimeWindow): Shift[] {
  const from = Math.max(window.start, layer.start)
  const to = Math.min(window.end, layer.end ?? Infinity)
  if (to <= from) return []
  const turns = turnsWithin(clock, layer, from, to)
  const visible = visibleWindows(clock, layer.restrictions, from, to)
  // Built mutable and merged on the fly: a year of shifts for hundreds of schedules is mostly
  // allocation, so no intermediate lists.
  const shifts: {user: string; start: number; end: number; layer: number}[] = []
  let v = 0
  for (const turn of turns) {
    while (v < visible.length && (visible[v] as {end: number}).end <= turn.start) v++
    for (let w = v; w < visible.length; w++) {
      const win = visible[w] as {start: number; end: number}
      if (win.start >= turn.end) break
      const start = Math.max(win.start, turn.start)
      const end = Math.min(win.end, turn.end)
      if (end <= start) continue
      const last = shifts[shifts.length - 1]
      if (last !== undefined && last.user === turn.user && last.end === start) last.end = end
      else shifts.push({user: turn.user, start, end, layer: index})
    }
  }
  return shifts
}
