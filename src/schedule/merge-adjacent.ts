import type {Shift} from './shift.js'

/**
 * Joins shifts of the same user where one ends exactly where the next begins (input sorted by
 * start, non-overlapping). A user listed twice in a row, a one-person rotation or a handoff to
 * oneself is one stretch of on-call time, and calendars should show it as one event. The merged
 * shift keeps the layer of its first piece.
 */
export function mergeAdjacent(shifts: readonly Shift[]): Shift[] {
  const out: Shift[] = []
  for (const s of shifts) {
    const last = out[out.length - 1]
    if (last !== undefined && last.user === s.user && last.end === s.start) {
      out[out.length - 1] = {...last, end: s.end}
    } else out.push(s)
  }
  return out
}
