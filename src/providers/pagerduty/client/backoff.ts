/**
 * Exponential backoff with "equal jitter": attempt n waits between half and all of
 * base·2^(n-1), capped. Half is fixed so retries never collapse to zero; the random half spreads
 * concurrent clients apart (the thundering-herd problem after a shared outage).
 */
export interface BackoffPolicy {
  /** Delay before the first retry, before jitter. */
  readonly baseMs: number
  /** Upper bound of any single delay. */
  readonly maxMs: number
}

export const DEFAULT_BACKOFF: BackoffPolicy = {baseMs: 500, maxMs: 20_000}

/** @param retry 1 for the first retry. @param random in [0, 1). */
export function backoffDelay(policy: BackoffPolicy, retry: number, random: () => number): number {
  const exp = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, retry - 1))
  return Math.round(exp / 2 + (random() * exp) / 2)
}
