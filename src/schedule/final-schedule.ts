import {mergeAdjacent} from './merge-adjacent.js'
import type {Shift} from './shift.js'

/**
 * Stacks per-layer shifts (index 0 lowest) into the final schedule: at every instant the highest
 * layer that has someone on call wins, lower layers show through its gaps, and nobody is on call
 * where no layer covers. Each layer's shifts must be sorted and non-overlapping.
 */
export function stackLayers(layers: readonly (readonly Shift[])[]): Shift[] {
  const points = new Set<number>()
  for (const shifts of layers) {
    for (const s of shifts) {
      points.add(s.start)
      points.add(s.end)
    }
  }
  const cuts = [...points].sort((a, b) => a - b)
  const cursor = layers.map(() => 0)
  const out: Shift[] = []
  for (let c = 0; c + 1 < cuts.length; c++) {
    const a = cuts[c] as number
    const b = cuts[c + 1] as number
    // Between two consecutive cut points every layer is either fully on or fully off.
    for (let l = layers.length - 1; l >= 0; l--) {
      const shifts = layers[l] as readonly Shift[]
      let i = cursor[l] as number
      while (i < shifts.length && (shifts[i] as Shift).end <= a) i++
      cursor[l] = i
      const s = shifts[i]
      if (s !== undefined && s.start <= a) {
        out.push({user: s.user, start: a, end: b, layer: l})
        break
      }
    }
  }
  return mergeAdjacent(out)
}
