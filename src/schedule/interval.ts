/** Half-open span [start, end) of epoch ms. */
export interface Interval {
  readonly start: number
  readonly end: number
}

/** Sorts and merges overlapping or touching intervals; drops empty ones. */
export function unionOf(intervals: readonly Interval[]): Interval[] {
  const sorted = intervals.filter((i) => i.end > i.start).sort((a, b) => a.start - b.start || a.end - b.end)
  const out: Interval[] = []
  for (const i of sorted) {
    const last = out[out.length - 1]
    if (last !== undefined && i.start <= last.end) {
      if (i.end > last.end) out[out.length - 1] = {start: last.start, end: i.end}
    } else out.push(i)
  }
  return out
}
