import {nextRandom} from './prng.js'

/**
 * Injected failures for reliability tests, set by CLI flags or POST /__sandbox/faults.
 * The 5xx share draws from a seeded PRNG so a test run is reproducible.
 */
export interface FaultConfig {
  /** Added to every PagerDuty request before it is handled. */
  latencyMs: number
  /** Share (0..1) of requests answered 500 before they are handled (nothing is applied). */
  errorRate: number
  /** Seed of the 5xx PRNG; setting it restarts the sequence. */
  seed: number
  /** The next N requests get 429 Rate Limit Exceeded. */
  rateLimitBurst: number
  /** The next N successful POST/PUT requests are applied, then the socket is destroyed unanswered. */
  dropAfterWrite: number
  /**
   * The next POST is held this long before it is handled (one-shot): a create that the server
   * commits after the client's deadline, which the client must not send again.
   */
  holdNextPostMs: number
}

export const NO_FAULTS: FaultConfig = {latencyMs: 0, errorRate: 0, seed: 1, rateLimitBurst: 0, dropAfterWrite: 0, holdNextPostMs: 0}

export class Faults {
  private config: FaultConfig
  private readonly rng: {seed: number}

  constructor(initial: Partial<FaultConfig> = {}) {
    this.config = {...NO_FAULTS}
    this.rng = {seed: NO_FAULTS.seed}
    this.set(initial)
  }

  get(): FaultConfig {
    return {...this.config}
  }

  /** Merges a partial config; unknown or invalid values throw (the admin endpoint answers 400). */
  set(partial: Partial<FaultConfig>): FaultConfig {
    const next = {...this.config}
    for (const [key, value] of Object.entries(partial)) {
      if (!(key in NO_FAULTS)) throw new Error(`unknown fault ${key}`)
      if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) throw new Error(`fault ${key} must be a non-negative number`)
      next[key as keyof FaultConfig] = value
    }
    if (next.errorRate > 1) throw new Error('errorRate must be between 0 and 1')
    this.config = next
    if (partial.seed !== undefined) this.rng.seed = partial.seed
    return this.get()
  }

  reset(): void {
    this.config = {...NO_FAULTS}
    this.rng.seed = NO_FAULTS.seed
  }

  takeRateLimitBurst(): boolean {
    if (this.config.rateLimitBurst <= 0) return false
    this.config.rateLimitBurst--
    return true
  }

  /** Draws once per request while errorRate > 0. */
  takeServerError(): boolean {
    return this.config.errorRate > 0 && nextRandom(this.rng) < this.config.errorRate
  }

  /** The hold for this POST in ms (0: none); the fault is used up. */
  takeHoldPost(): number {
    const hold = this.config.holdNextPostMs
    this.config.holdNextPostMs = 0
    return hold
  }

  takeDropAfterWrite(): boolean {
    if (this.config.dropAfterWrite <= 0) return false
    this.config.dropAfterWrite--
    return true
  }
}
