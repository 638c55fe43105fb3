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

/** `from` minus `remove`, both taken as sets of instants; the result is merged and sorted. */
export function subtractIntervals(from: readonly Interval[], remove: readonly Interval[]): Interval[] {
  const keep = unionOf(from)
  const cut = unionOf(remove)
  const out: Interval[] = []
  let j = 0
  for (const piece of keep) {
    let cursor = piece.start
    while (j < cut.length && (cut[j] as Interval).end <= cursor) j++
    for (let k = j; k < cut.length && (cut[k] as Interval).start < piece.end; k++) {
      const c = cut[k] as Interval
      if (c.start > cursor) out.push({start: cursor, end: c.start})
      cursor = Math.max(cursor, c.end)
    }
    if (cursor < piece.end) out.push({start: cursor, end: piece.end})
  }
  return out
}
