/**
 * The PagerDuty REST API v2 client: auth headers, a shared concurrency budget, pacing by the
 * rate-limit headers, retries, safe POSTs, pagination and typed errors. It emits request events
 * and never prints (the CLI decides what to show).
 *
 * Retry rules (see classify-outcome.ts): GET/PUT/DELETE are retried on 5xx and network failures
 * with exponential backoff + jitter, up to `maxAttempts` tries (PUT and DELETE are idempotent in
 * this API: PUT sets state, a repeated DELETE answers 404, which counts as done after an
 * ambiguous first try). A POST is never retried blindly: when its outcome is unknown the caller's
 * `findExisting` decides whether it was applied. 429 is retried for every method (PagerDuty did
 * not apply the request) after the advertised reset.
 */
import pLimit, {type LimitFunction} from 'p-limit'
import type {PdErrorBody} from '../dto.js'
import {DEFAULT_BACKOFF, backoffDelay, type BackoffPolicy} from './backoff.js'
import {classifyOutcome} from './classify-outcome.js'
import {isLoopbackUrl} from './connection-options.js'
import {PagerDutyApiError, PagerDutyClientUsageError, PagerDutyNetworkError} from './errors.js'
import {listAllPages} from './list-all.js'
import {pathWithQuery, type QueryParams} from './query-string.js'
import {RateLimitPacer} from './rate-limit-pacer.js'
import type {HttpMethod, RequestListener} from './request-event.js'
import {Transport, type Outcome} from './transport.js'

export interface PagerDutyClientOptions {
  readonly baseUrl: string
  readonly token: string
  /** Email of the acting user: required by POST /users, used for change tracking on POST /escalation_policies. */
  readonly from?: string
  /** Per-attempt deadline. Default 30 s. */
  readonly timeoutMs?: number
  /** Tries per request on 5xx/network failures (first try included). Default 6. */
  readonly maxAttempts?: number
  /** 429s tolerated per request before giving up. Default 10. */
  readonly maxRateLimitRetries?: number
  /** Requests in flight at once, across everything using this client. Default 4. */
  readonly concurrency?: number
  readonly backoff?: BackoffPolicy
  /** Requests per window left unused for other clients of the same token. Default 1. */
  readonly rateLimitReserve?: number
  /** Page size for listAll (PagerDuty's maximum is 100). */
  readonly pageSize?: number
  readonly onRequest?: RequestListener
  /** Injectable for fast, deterministic tests. */
  readonly sleep?: (ms: number) => Promise<void>
  readonly now?: () => number
  readonly random?: () => number
}

export interface PostOptions<T> {
  /**
   * Looks for the object the POST would have created (e.g. list by name or email). Called after
   * an ambiguous failure; if it finds the object, post() returns it instead of creating a
   * duplicate. Without it an ambiguous failure is thrown, never retried.
   */
  readonly findExisting?: () => Promise<T | undefined>
}

/** POST paths that take a From header (notes/pagerduty-api.md §2.2); the first requires it. */
const FROM_REQUIRED = new Set(['/users'])
const FROM_OPTIONAL = new Set(['/escalation_policies'])

const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

export class PagerDutyClient {
  readonly #transport: Transport
  readonly #from: string | undefined
  readonly #limit: LimitFunction
  readonly #pacer: RateLimitPacer
  readonly #sleep: (ms: number) => Promise<void>
  readonly #now: () => number
  readonly #random: () => number
  readonly #backoff: BackoffPolicy
  readonly #maxAttempts: number
  readonly #maxRateLimitRetries: number
  readonly #pageSize: number
  readonly #onRequest: RequestListener | undefined
  #requestCount = 0
  #inFlight = 0

  constructor(options: PagerDutyClientOptions) {
    const url = new URL(options.baseUrl)
    // Second line of defence behind resolveBaseUrl: the token never goes out over plain http.
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackUrl(url))) {
      throw new PagerDutyClientUsageError(`refusing to send the PagerDuty token to ${url.origin}: use https (http only for loopback)`)
    }
    this.#transport = new Transport({
      baseUrl: options.baseUrl,
      token: options.token,
      timeoutMs: options.timeoutMs ?? 30_000,
      bypassProxy: isLoopbackUrl(url),
    })
    this.#from = options.from
    this.#limit = pLimit(options.concurrency ?? 4)
    this.#sleep = options.sleep ?? realSleep
    this.#now = options.now ?? Date.now
    this.#random = options.random ?? Math.random
    this.#pacer = new RateLimitPacer({now: this.#now, random: this.#random, reserve: options.rateLimitReserve})
    this.#backoff = options.backoff ?? DEFAULT_BACKOFF
    this.#maxAttempts = Math.max(1, options.maxAttempts ?? 6)
    this.#maxRateLimitRetries = Math.max(0, options.maxRateLimitRetries ?? 10)
    this.#pageSize = options.pageSize ?? 100
    this.#onRequest = options.onRequest
  }

  /** HTTP requests sent so far, retries and lookups included. */
  get requestCount(): number {
    return this.#requestCount
  }

  async get<T>(path: string, params?: QueryParams): Promise<T> {
    return (await this.#idempotent('GET', pathWithQuery(path, params), undefined)) as T
  }

  /** Returns the parsed body, or undefined for 204. */
  async put<T = unknown>(path: string, body?: unknown): Promise<T | undefined> {
    return (await this.#idempotent('PUT', path, body)) as T | undefined
  }

  async delete(path: string, params?: QueryParams): Promise<void> {
    await this.#idempotent('DELETE', pathWithQuery(path, params), undefined)
  }

  /**
   * Every item of a classic-paginated list, e.g. `listAll<PdUser>('/users', 'users')`.
   * Page 1 asks for the total; the remaining pages are fetched concurrently (within the budget).
   */
  async listAll<T>(path: string, wrapperKey: string, params?: QueryParams): Promise<T[]> {
    return listAllPages<T>((p, q) => this.get(p, q), path, wrapperKey, params ?? {}, this.#pageSize)
  }

  /** Creates an object. Returns the parsed response body (or what findExisting found). */
  async post<T>(path: string, body: unknown, options: PostOptions<T> = {}): Promise<T> {
    const headers = this.#fromHeader(path)
    let failures = 0
    let limited = 0
    for (let attempt = 1; ; attempt++) {
      const outcome = await this.#attempt('POST', path, body, headers, attempt)
      const verdict = classifyOutcome(outcome)
      if (verdict === 'success') return this.#successData<T>('POST', path, outcome)
      if (verdict === 'rate-limited') {
        limited = await this.#waitAfterRateLimit('POST', path, outcome, limited)
        continue
      }
      if (verdict === 'fatal') throw this.#error('POST', path, outcome, attempt, false)
      failures++
      const ambiguous = verdict === 'transient'
      const giveUp = failures >= this.#maxAttempts || (ambiguous && options.findExisting === undefined)
      if (giveUp) throw this.#error('POST', path, outcome, attempt, ambiguous)
      await this.#sleep(backoffDelay(this.#backoff, failures, this.#random))
      if (ambiguous && options.findExisting) {
        const existing = await options.findExisting()
        if (existing !== undefined) return existing
      }
    }
  }

  #fromHeader(path: string): Record<string, string> {
    const bare = path.split('?')[0] ?? path
    if (FROM_REQUIRED.has(bare) && !this.#from) {
      throw new PagerDutyClientUsageError(
        `PagerDuty requires a From header to POST ${bare}: pass --from <email of an existing user> or set PAGERDUTY_FROM`,
      )
    }
    return this.#from && (FROM_REQUIRED.has(bare) || FROM_OPTIONAL.has(bare)) ? {From: this.#from} : {}
  }

  async #idempotent(method: HttpMethod, path: string, body: unknown): Promise<unknown> {
    let failures = 0
    let limited = 0
    let ambiguousBefore = false
    for (let attempt = 1; ; attempt++) {
      const outcome = await this.#attempt(method, path, body, {}, attempt)
      const verdict = classifyOutcome(outcome)
      if (verdict === 'success') return this.#successData(method, path, outcome)
      // The first DELETE may have been applied before its answer was lost.
      if (method === 'DELETE' && ambiguousBefore && outcome.kind === 'response' && outcome.status === 404) return undefined
      if (verdict === 'rate-limited') {
        limited = await this.#waitAfterRateLimit(method, path, outcome, limited)
        continue
      }
      failures++
      if (verdict === 'fatal' || failures >= this.#maxAttempts) throw this.#error(method, path, outcome, attempt, false)
      ambiguousBefore ||= verdict === 'transient'
      await this.#sleep(backoffDelay(this.#backoff, failures, this.#random))
    }
  }

  /** One attempt within the concurrency budget, paced by the rate-limit headers. */
  async #attempt(method: HttpMethod, path: string, body: unknown, headers: Record<string, string>, attempt: number): Promise<Outcome> {
    return this.#limit(async () => {
      for (let wait = this.#pacer.delayBeforeSend(this.#inFlight); wait > 0; wait = this.#pacer.delayBeforeSend(this.#inFlight)) {
        await this.#sleep(wait)
      }
      this.#requestCount++
      this.#inFlight++
      const started = this.#now()
      try {
        const outcome = await this.#transport.send(method, path, body, headers)
        if (outcome.kind === 'response') this.#pacer.observe(outcome.rateLimit)
        const ms = this.#now() - started
        this.#onRequest?.(
          outcome.kind === 'response'
            ? {method, path, status: outcome.status, ms, attempt}
            : {method, path, status: null, ms, attempt, errorCode: outcome.code},
        )
        return outcome
      } finally {
        this.#inFlight--
      }
    })
  }

  /** Waits out a 429 (shared by every request of this client); returns the new 429 count. */
  async #waitAfterRateLimit(method: HttpMethod, path: string, outcome: Outcome, limited: number): Promise<number> {
    const count = limited + 1
    if (count > this.#maxRateLimitRetries) throw this.#error(method, path, outcome, count, false)
    const reset = outcome.kind === 'response' ? outcome.rateLimit.reset : undefined
    await this.#sleep(this.#pacer.onTooManyRequests(reset, count))
    return count
  }

  #successData<T>(method: HttpMethod, path: string, outcome: Outcome): T {
    if (outcome.kind === 'response' && !outcome.bodyIsJson) {
      throw new PagerDutyApiError(method, path, outcome.status, undefined, 'response body is not JSON', [])
    }
    return (outcome.kind === 'response' ? outcome.data : undefined) as T
  }

  #error(method: HttpMethod, path: string, outcome: Outcome, attempts: number, ambiguous: boolean): Error {
    const suffix = ambiguous ? ' (the server may have applied it; check before retrying)' : ''
    if (outcome.kind === 'network') {
      return new PagerDutyNetworkError(method, path, outcome.code, attempts, outcome.detail + suffix)
    }
    const body = (outcome.bodyIsJson ? outcome.data : undefined) as PdErrorBody | undefined
    const err = body?.error
    const message = (typeof err?.message === 'string' && err.message) || outcome.statusText || `HTTP ${outcome.status}`
    const errors = Array.isArray(err?.errors)
      ? err.errors.filter((e): e is string => typeof e === 'string').map((e) => this.#transport.scrub(e))
      : []
    const code = typeof err?.code === 'number' ? err.code : undefined
    return new PagerDutyApiError(method, path, outcome.status, code, this.#transport.scrub(message) + suffix, errors)
  }
}
