import {mergeAdjacent} from './merge-adjacent.js'
import type {Shift} from './shift.js'

/**
 * Stacks per-layer shifts (index 0 lowest) into the final schedule: at every instant the highest
 * layer that has someone on call wins, lower layers show through its gaps, and nobody is on call
 * where no layer covers. Each layer's shifts must be sorted and non-overlapping.
 */
export function stackLayers(layers: readonly (readonly Shift[])[]): Shift[] {
  let stacked: readonly Shift[] = []
  for (const layer of layers) stacked = overlay(stacked, layer)
  return mergeAdjacent(stacked)
}

/** `top` wins wherever it has a shift; `base` fills the gaps between. Linear in both lists. */
function overlay(base: readonly Shift[], top: readonly Shift[]): Shift[] {
  if (base.length === 0) return [...top]
  const out: Shift[] = []
  let b = 0
  let gapStart = -Infinity
  for (let t = 0; t <= top.length; t++) {
    const upper = top[t]
    const gapEnd = upper === undefined ? Infinity : upper.start
    // Fill [gapStart, gapEnd) from base.
    while (b < base.length && (base[b] as Shift).end <= gapStart) b++
    for (let i = b; i < base.length; i++) {
      const lower = base[i] as Shift
      if (lower.start >= gapEnd) break
      const start = Math.max(lower.start, gapStart)
      const end = Math.min(lower.end, gapEnd)
      if (end > start) out.push(start === lower.start && end === lower.end ? lower : {...lower, start, end})
    }
    if (upper !== undefined) {
      out.push(upper)
      gapStart = upper.end
    }
  }
  return out
}
