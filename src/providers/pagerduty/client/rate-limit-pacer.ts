/**
 * Client-side pacing from PagerDuty's rate-limit headers (`ratelimit-remaining`,
 * `ratelimit-reset` in seconds; 960 requests/min per key). The goal is to slow down *before*
 * PagerDuty answers 429: when the requests left in the window would not cover the ones already
 * in flight plus a small reserve, new requests wait for the window to reset. A 429 pauses every
 * request of the client (not just the one that got it) until the advertised reset.
 *
 * Pure bookkeeping: the caller supplies the clock and does the sleeping.
 */
import {backoffDelay, type BackoffPolicy} from './backoff.js'

/**
 * PagerDuty's rate-limit window is one minute, so no honest `ratelimit-reset` is longer. A larger
 * value (a broken or hostile server, `ratelimit-reset: 3600`) is capped here instead of sleeping
 * for an hour per retry.
 */
export const MAX_RESET_SECONDS = 60

export interface RateLimitHeaders {
  readonly remaining: number | undefined
  /** Seconds until the window resets. */
  readonly reset: number | undefined
}

export interface PacerOptions {
  readonly now: () => number
  readonly random: () => number
  /**
   * Requests left unused in each window, for other clients sharing the token (PagerDuty counts
   * per key and per user, across processes).
   */
  readonly reserve?: number
  /** Used after a 429 that carries no ratelimit-reset header. */
  readonly noHeaderBackoff?: BackoffPolicy
  /** Up to this much random delay is added after a reset so waiting clients do not all fire at once. */
  readonly resetJitterMs?: number
}

export class RateLimitPacer {
  private remaining: number | undefined
  /** Epoch ms at which the window seen in the last headers resets. */
  private resetAt = 0
  /** Epoch ms until which nothing may be sent (after a 429). */
  private pausedUntil = 0
  private readonly reserve: number
  private readonly noHeaderBackoff: BackoffPolicy
  private readonly resetJitterMs: number

  constructor(private readonly options: PacerOptions) {
    this.reserve = options.reserve ?? 1
    this.noHeaderBackoff = options.noHeaderBackoff ?? {baseMs: 1000, maxMs: 30_000}
    this.resetJitterMs = options.resetJitterMs ?? 250
  }

  /** Records the headers of any response that carried them. */
  observe(headers: RateLimitHeaders): void {
    if (headers.remaining === undefined) return
    const now = this.options.now()
    const resetAt = headers.reset === undefined ? this.resetAt : now + capped(headers.reset) * 1000
    // Concurrent answers arrive out of order; within one window the count only goes down, so an
    // older, higher count must not overwrite a newer, lower one. (reset has 1 s granularity.)
    const sameWindow = this.remaining !== undefined && now < this.resetAt && Math.abs(resetAt - this.resetAt) < 1500
    this.remaining = sameWindow && this.remaining !== undefined ? Math.min(this.remaining, headers.remaining) : headers.remaining
    this.resetAt = resetAt
  }

  /**
   * How long to wait before sending one more request while `inFlight` others are unanswered;
   * 0 = send now. Call again after waiting (the answer may change meanwhile).
   */
  delayBeforeSend(inFlight: number): number {
    const now = this.options.now()
    if (now < this.pausedUntil) return this.pausedUntil - now
    if (this.remaining === undefined || now >= this.resetAt) return 0
    if (this.remaining - inFlight > this.reserve) return 0
    // Wait for the reset, then forget the stale count: the next response tells us the new one.
    const wait = this.resetAt - now + Math.round(this.options.random() * this.resetJitterMs)
    this.pausedUntil = now + wait
    this.remaining = undefined
    return wait
  }

  /**
   * A 429 arrived: pause everything until the advertised reset (at most a minute, plus jitter), or by exponential
   * backoff when the header is missing (PagerDuty says that can happen). Returns the pause in ms.
   * @param consecutive 1 for the first 429 in a row of this request.
   */
  onTooManyRequests(resetSeconds: number | undefined, consecutive: number): number {
    const now = this.options.now()
    const wait =
      resetSeconds === undefined
        ? backoffDelay(this.noHeaderBackoff, consecutive, this.options.random)
        : capped(resetSeconds) * 1000 + Math.round(this.options.random() * this.resetJitterMs)
    this.pausedUntil = Math.max(this.pausedUntil, now + wait)
    this.remaining = undefined
    return this.pausedUntil - now
  }
}

function capped(resetSeconds: number): number {
  return Math.min(resetSeconds, MAX_RESET_SECONDS)
}

/** Reads the rate-limit headers; absent or malformed values become undefined. */
export function rateLimitHeadersOf(get: (name: string) => unknown): RateLimitHeaders {
  return {remaining: nonNegativeNumber(get('ratelimit-remaining')), reset: nonNegativeNumber(get('ratelimit-reset'))}
}

function nonNegativeNumber(value: unknown): number | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined
  const n = Number(value)
  return Number.isFinite(n) && n >= 0 ? n : undefined
}
