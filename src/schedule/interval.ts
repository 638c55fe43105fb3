/** Half-open span [start, end) of epoch ms. */
export interface Interval {
  readonly start: number
  readonly end: number
}

/** Sorts and merges overlapping or touching intervals; drops empty ones. */
export function unionOf(intervals: readonly Interval[]): Interval[] {
  let sorted = true
  for (let i = 1; i < intervals.length && sorted; i++) sorted = (intervals[i] as Interval).start >= (intervals[i - 1] as Interval).start
  // One restriction yields its windows in order already: skip the copy and the sort then.
  const ordered = sorted ? intervals : [...intervals].sort((a, b) => a.start - b.start || a.end - b.end)
  const out: Interval[] = []
  for (const i of ordered) {
    if (i.end <= i.start) continue
    const last = out[out.length - 1]
    if (last !== undefined && i.start <= last.end) {
      if (i.end > last.end) out[out.length - 1] = {start: last.start, end: i.end}
    } else out.push(i)
  }
  return out
}
