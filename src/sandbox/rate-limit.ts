/**
 * PagerDuty's REST rate limit: 960 requests per minute per API key (DevDocs 04-Rate-Limits).
 * A fixed one-minute window per key, started by its first request. Every response carries
 * ratelimit-limit / ratelimit-remaining / ratelimit-reset (seconds until the window resets).
 */
export const DEFAULT_RATE_LIMIT = 960
const WINDOW_MS = 60_000

export interface RateDecision {
  allowed: boolean
  headers: Record<string, string>
}

export class RateLimiter {
  private readonly windows = new Map<string, {start: number; count: number}>()

  constructor(public limit: number = DEFAULT_RATE_LIMIT) {}

  take(key: string, now: number): RateDecision {
    let w = this.windows.get(key)
    if (!w || now - w.start >= WINDOW_MS || now < w.start) {
      w = {start: now, count: 0}
      this.windows.set(key, w)
    }
    const allowed = w.count < this.limit
    if (allowed) w.count++
    const reset = Math.max(1, Math.ceil((w.start + WINDOW_MS - now) / 1000))
    return {
      allowed,
      headers: {'ratelimit-limit': String(this.limit), 'ratelimit-remaining': String(Math.max(0, this.limit - w.count)), 'ratelimit-reset': String(reset)},
    }
  }

  reset(): void {
    this.windows.clear()
  }
}
