/**
 * A span of on-call time. Instants are epoch milliseconds (UTC) so that the engine stays fast
 * and calendar output can be byte-identical; only rendering converts them to zones.
 */
export interface Shift {
  /** Email of the person on call. */
  readonly user: string
  /** Inclusive start, epoch ms. */
  readonly start: number
  /** Exclusive end, epoch ms. */
  readonly end: number
  /** Index of the layer (in YAML order, 0 = lowest) that put this person on call. */
  readonly layer: number
}

/** Half-open window [start, end) in epoch ms. */
export interface TimeWindow {
  readonly start: number
  readonly end: number
}
