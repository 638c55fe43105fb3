/**
 * Which live rotation a config rotation stands for, shared by the plan (shift-rollout.ts) and
 * apply (providers/pagerduty/v3/apply-v3-schedule.ts) so both pair the same way: by name first,
 * then the rotations left on each side in order (a renamed rotation keeps its PagerDuty rotation).
 */
export interface Pairing {
  /** [live index, desired index], in desired order. */
  readonly pairs: readonly (readonly [number, number])[]
  readonly liveOnly: readonly number[]
  readonly desiredOnly: readonly number[]
}

export function pairRotations(liveNames: readonly string[], desiredNames: readonly string[]): Pairing {
  const used = new Set<number>()
  const byName = desiredNames.map((name) => {
    const li = liveNames.findIndex((n, i) => n === name && !used.has(i))
    if (li >= 0) used.add(li)
    return li
  })
  const spareLive = liveNames.map((_, i) => i).filter((i) => !used.has(i))
  const pairs: [number, number][] = []
  const desiredOnly: number[] = []
  byName.forEach((li, di) => {
    if (li >= 0) pairs.push([li, di])
    else {
      const spare = spareLive.shift()
      if (spare === undefined) desiredOnly.push(di)
      else pairs.push([spare, di])
    }
  })
  return {pairs, liveOnly: spareLive, desiredOnly}
}
