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
  /**
   * Index of the layer (in YAML order, 0 = lowest) that put this person on call, or
   * LIVE_FINAL_SCHEDULE for shifts read from the account's rendered final schedule, which does not
   * say which layer (or override) produced them.
   */
  readonly layer: number
  /** Set when an override put this person on call (config mode: declared or a time-off cover; --live: any). */
  readonly override?: OverrideLabel
}

/**
 * Why an override-derived shift exists, for labels in who, calendars and the page.
 * `replaces`: who is off (time-off covers) or who the override displaced, when known.
 */
export interface OverrideLabel {
  /** `outside`: an override in the account that the config does not have (made in the PagerDuty UI). */
  readonly kind: 'override' | 'time_off' | 'outside'
  readonly note: string | null
  readonly replaces: string | null
}

/** Half-open window [start, end) in epoch ms. */
export interface TimeWindow {
  readonly start: number
  readonly end: number
}

/** `Shift.layer` of shifts read from PagerDuty's final schedule (layer unknown, overrides included). */
export const LIVE_FINAL_SCHEDULE = -1
