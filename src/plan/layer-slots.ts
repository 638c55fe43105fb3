/**
 * A rollout (rollout.ts) writes one config layer as two PagerDuty layers: the running layer,
 * ended at the effective time T, and the new layer starting at T. Both carry the config layer's
 * name. A "slot" is one config layer's place in the layer stack: a single layer, or such a pair
 * (adjacent in written order, same name, the first ending exactly when the second starts).
 *
 * Reading, diffing and writing pair layers slot by slot (and by position inside a slot), so a
 * schedule may have more live layers than the config during a rollout and the pair still maps to
 * ONE config layer, while the other layers keep their IDs. Nothing else marks a pair: the name
 * stays the config's, so the PagerDuty UI shows "Weekly" twice, one ending where the other begins.
 */
export interface SlotView {
  readonly name: string
  /** Epoch ms. */
  readonly start: number
  /** Epoch ms, or null for never. */
  readonly end: number | null
}

/** Index groups of `layers` (written order): [i] or [i, i+1] for a rollout pair. */
export function layerSlots<L>(layers: readonly L[], view: (layer: L) => SlotView | null): number[][] {
  const slots: number[][] = []
  for (let i = 0; i < layers.length; i++) {
    const a = view(layers[i] as L)
    const b = i + 1 < layers.length ? view(layers[i + 1] as L) : null
    if (a !== null && b !== null && a.end !== null && a.end === b.start && a.name === b.name) {
      slots.push([i, i + 1])
      i++
    } else slots.push([i])
  }
  return slots
}

export interface LayerAlignment {
  /** [live index, desired index] of layers that correspond (same slot, same place in it). */
  readonly pairs: readonly (readonly [number, number])[]
  /** Desired layers without a live counterpart (to create). */
  readonly newDesired: readonly number[]
  /** Live layers without a desired counterpart (to end). */
  readonly extraLive: readonly number[]
}

/** Pairs live and desired layers slot by slot; inside a slot by position. */
export function alignLayers<L, D>(
  live: readonly L[],
  desired: readonly D[],
  liveView: (layer: L) => SlotView | null,
  desiredView: (layer: D) => SlotView | null,
): LayerAlignment {
  const liveSlots = layerSlots(live, liveView)
  const desiredSlots = layerSlots(desired, desiredView)
  const pairs: [number, number][] = []
  const newDesired: number[] = []
  const extraLive: number[] = []
  const n = Math.max(liveSlots.length, desiredSlots.length)
  for (let s = 0; s < n; s++) {
    const l = liveSlots[s] ?? []
    const d = desiredSlots[s] ?? []
    for (let k = 0; k < Math.max(l.length, d.length); k++) {
      const li = l[k]
      const di = d[k]
      if (li !== undefined && di !== undefined) pairs.push([li, di])
      else if (di !== undefined) newDesired.push(di)
      else if (li !== undefined) extraLive.push(li)
    }
  }
  return {pairs, newDesired, extraLive}
}
