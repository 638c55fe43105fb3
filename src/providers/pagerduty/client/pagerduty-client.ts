/**
 * The PagerDuty REST API v2 client: auth headers, a shared concurrency budget, pacing by the
 * rate-limit headers, retries, safe POSTs, pagination and typed errors. It emits request events
 * and never prints (the CLI decides what to show).
 *
 * Retry rules (see classify-outcome.ts): GET/PUT/DELETE are retried on 5xx and network failures
 * with exponential backoff + jitter, up to `maxAttempts` tries (PUT and DELETE are idempotent in
 * this API: PUT sets state, a repeated DELETE answers 404, which counts as done after an
 * ambiguous first try). A POST is never retried blindly: when its outcome is unknown the caller's
 * `findExisting` decides whether it was applied. After a 5xx *answer* the server is done with the
 * request, so one look that finds nothing means it was not applied and the POST is sent again.
 * After a timeout or a dropped connection the server may still be working on it (a create held
 * 35 s commits after our 30 s deadline), so the POST is never sent again in this run: the client
 * looks with backoff for `unknownOutcomeLookMs` and, if the object has not appeared, stops with
 * PagerDutyOutcomeUnknownError ("re-run plan"): the next plan finds a late object by its marker.
 * 429 is retried for every method (PagerDuty did not apply the request) after the advertised
 * reset, capped at one minute; every rate-limit wait of a second or more is announced through
 * `onWait`, and all of them together are bounded by `maxRateLimitWaitMs`.
 */
import pLimit, {type LimitFunction} from 'p-limit'
import {DEFAULT_BACKOFF, backoffDelay, type BackoffPolicy} from './backoff.js'
import {classifyOutcome} from './classify-outcome.js'
import {isLoopbackUrl} from './connection-options.js'
import {errorFromOutcome} from './error-from-outcome.js'
import {
  PagerDutyApiError,
  PagerDutyClientUsageError,
  PagerDutyOutcomeUnknownError,
  PagerDutyRateLimitWaitError,
} from './errors.js'
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
  /** Told about every rate-limit wait of a second or more, so the CLI can say why it is idle. */
  readonly onWait?: (notice: WaitNotice) => void
  /** All rate-limit waits of this client together; beyond this it gives up. Default 10 min. */
  readonly maxRateLimitWaitMs?: number
  /** How long to keep looking for the object of a POST whose answer never came. Default 2 × timeoutMs. */
  readonly unknownOutcomeLookMs?: number
  /** Largest response body accepted (a broken server could send gigabytes). Default 64 MiB. */
  readonly maxResponseBytes?: number
  /** Largest request body sent. Default 8 MiB. */
  readonly maxRequestBytes?: number
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

export interface WaitNotice {
  readonly ms: number
  /** Why, in words: `PagerDuty answered 429 (rate limit) to GET /users`. */
  readonly reason: string
}

/** POST paths that take a From header (notes/pagerduty-api.md §2.2); the first requires it. */
const FROM_REQUIRED = new Set(['/users'])
const FROM_OPTIONAL = new Set(['/escalation_policies'])

interface RetryState {
  /** 5xx/network failures so far. */
  failures: number
  /** 429s so far. */
  limited: number
  /** Whether an earlier attempt may have been applied without us seeing the answer. */
  ambiguousBefore: boolean
}

type Decision =
  | {readonly kind: 'done'; readonly value: unknown}
  | {readonly kind: 'fail'; readonly error: Error}
  /** Wait, then (for an ambiguous POST) ask findExisting, then try again. */
  | {readonly kind: 'retry'; readonly waitMs: number; readonly lookFirst: boolean; readonly rateLimited?: boolean}
  /** A POST sent but unanswered (timeout, dropped connection): look for its object, never re-send it. */
  | {readonly kind: 'unknown'; readonly error: Error}

/** Tries when the connection is refused (see #decide). */
const REFUSED_ATTEMPTS = 3

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
  readonly #onWait: ((notice: WaitNotice) => void) | undefined
  readonly #maxRateLimitWaitMs: number
  readonly #unknownOutcomeLookMs: number
  #requestCount = 0
  /** Epoch ms up to which rate-limit waiting has been announced and counted (concurrent requests share one pause). */
  #waitCountedUntil = 0
  #rateLimitWaitedMs = 0
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
      maxResponseBytes: options.maxResponseBytes ?? 64 * 1024 * 1024,
      maxRequestBytes: options.maxRequestBytes ?? 8 * 1024 * 1024,
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
    this.#onWait = options.onWait
    this.#maxRateLimitWaitMs = options.maxRateLimitWaitMs ?? 10 * 60_000
    this.#unknownOutcomeLookMs = options.unknownOutcomeLookMs ?? 2 * (options.timeoutMs ?? 30_000)
  }

  /** HTTP requests sent so far, retries and lookups included. */
  get requestCount(): number {
    return this.#requestCount
  }

  async get<T>(path: string, params?: QueryParams): Promise<T> {
    return (await this.#request('GET', pathWithQuery(path, params), undefined, {})) as T
  }

  /** Returns the parsed body, or undefined for 204. */
  async put<T = unknown>(path: string, body?: unknown): Promise<T | undefined> {
    return (await this.#request('PUT', path, body, {})) as T | undefined
  }

  async delete(path: string, params?: QueryParams): Promise<void> {
    await this.#request('DELETE', pathWithQuery(path, params), undefined, {})
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
    return (await this.#request('POST', path, body, this.#fromHeader(path), options.findExisting)) as T
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

  /** The retry loop shared by every method; what to do after each attempt is decided by #decide. */
  async #request(
    method: HttpMethod,
    path: string,
    body: unknown,
    headers: Record<string, string>,
    findExisting?: () => Promise<unknown>,
  ): Promise<unknown> {
    const state: RetryState = {failures: 0, limited: 0, ambiguousBefore: false}
    for (let attempt = 1; ; attempt++) {
      const {outcome, ms} = await this.#attempt(method, path, body, headers)
      const decision = this.#decide(method, path, outcome, attempt, state, findExisting !== undefined)
      const retryInMs = decision.kind === 'retry' ? decision.waitMs : undefined
      this.#onRequest?.({
        method,
        path,
        status: outcome.kind === 'response' ? outcome.status : null,
        ms,
        attempt,
        ...(outcome.kind === 'network' ? {errorCode: outcome.code} : {}),
        ...(retryInMs === undefined ? {} : {retryInMs}),
      })
      if (decision.kind === 'done') return decision.value
      if (decision.kind === 'fail') throw decision.error
      if (decision.kind === 'unknown') return this.#lookForUnknownPost(method, path, findExisting, decision.error)
      if (decision.rateLimited) this.#countRateLimitWait(decision.waitMs, `PagerDuty answered 429 (rate limit) to ${method} ${path}`)
      await this.#sleep(decision.waitMs)
      if (decision.lookFirst && findExisting) {
        const existing = await findExisting()
        if (existing !== undefined) return existing
      }
    }
  }

  #decide(method: HttpMethod, path: string, outcome: Outcome, attempt: number, state: RetryState, canLook: boolean): Decision {
    const verdict = classifyOutcome(outcome)
    if (verdict === 'success') return this.#successData(method, path, outcome)
    // A DELETE whose earlier answer was lost may have been applied: "not found" now means done.
    if (method === 'DELETE' && state.ambiguousBefore && outcome.kind === 'response' && outcome.status === 404) {
      return {kind: 'done', value: undefined}
    }
    if (verdict === 'rate-limited') {
      state.limited++
      if (state.limited > this.#maxRateLimitRetries) return {kind: 'fail', error: this.#error(method, path, outcome, attempt, false)}
      const reset = outcome.kind === 'response' ? outcome.rateLimit.reset : undefined
      return {kind: 'retry', waitMs: this.#pacer.onTooManyRequests(reset, state.limited), lookFirst: false, rateLimited: true}
    }
    if (verdict === 'fatal') return {kind: 'fail', error: this.#error(method, path, outcome, attempt, false)}
    state.failures++
    // Only a POST can create a duplicate; PUT and DELETE are idempotent.
    const ambiguous = method === 'POST' && verdict === 'transient'
    // Nobody listening (a wrong --api-url, a stopped sandbox) rarely heals: fail within a second or so.
    const allowed = verdict === 'not-sent' ? Math.min(this.#maxAttempts, REFUSED_ATTEMPTS) : this.#maxAttempts
    if (state.failures >= allowed || (ambiguous && !canLook)) {
      return {kind: 'fail', error: this.#error(method, path, outcome, attempt, ambiguous)}
    }
    // Sent, no answer: the server may still commit it after we gave up. Never send it again.
    if (ambiguous && outcome.kind === 'network') return {kind: 'unknown', error: this.#error(method, path, outcome, attempt, true)}
    state.ambiguousBefore ||= verdict === 'transient'
    return {kind: 'retry', waitMs: backoffDelay(this.#backoff, state.failures, this.#random), lookFirst: ambiguous}
  }

  /**
   * Looks for the object of an unanswered POST with growing pauses (1 s, 2 s, 4 s, ...) until
   * `unknownOutcomeLookMs` have passed, long enough to cover a server that commits after our
   * deadline. Found: that is the result. Not found: the outcome stays unknown and we say so.
   */
  async #lookForUnknownPost(
    method: HttpMethod,
    path: string,
    findExisting: (() => Promise<unknown>) | undefined,
    first: Error,
  ): Promise<unknown> {
    if (!findExisting) throw first
    let waited = 0
    for (let look = 1; ; look++) {
      const pause = Math.min(1000 * 2 ** (look - 1), Math.max(0, this.#unknownOutcomeLookMs - waited))
      await this.#sleep(pause)
      waited += pause
      const existing = await findExisting()
      if (existing !== undefined) return existing
      if (waited >= this.#unknownOutcomeLookMs) break
    }
    throw new PagerDutyOutcomeUnknownError(method, path, first.message, waited)
  }

  /** Announces and counts a rate-limit pause; concurrent requests waiting for the same reset count once. */
  #countRateLimitWait(waitMs: number, reason: string): void {
    const now = this.#now()
    const until = now + waitMs
    if (until <= this.#waitCountedUntil) return
    const added = until - Math.max(now, this.#waitCountedUntil)
    this.#waitCountedUntil = until
    this.#rateLimitWaitedMs += added
    if (this.#rateLimitWaitedMs > this.#maxRateLimitWaitMs) {
      throw new PagerDutyRateLimitWaitError(reason, this.#rateLimitWaitedMs - added, this.#maxRateLimitWaitMs)
    }
    if (waitMs >= 1000) this.#onWait?.({ms: waitMs, reason})
  }

  /** One attempt within the concurrency budget, paced by the rate-limit headers. */
  async #attempt(
    method: HttpMethod,
    path: string,
    body: unknown,
    headers: Record<string, string>,
  ): Promise<{outcome: Outcome; ms: number}> {
    return this.#limit(async () => {
      for (let wait = this.#pacer.delayBeforeSend(this.#inFlight); wait > 0; wait = this.#pacer.delayBeforeSend(this.#inFlight)) {
        this.#countRateLimitWait(wait, 'the rate-limit budget of this token is used up until the window resets')
        await this.#sleep(wait)
      }
      this.#requestCount++
      this.#inFlight++
      const started = this.#now()
      try {
        const outcome = await this.#transport.send(method, path, body, headers)
        if (outcome.kind === 'response') this.#pacer.observe(outcome.rateLimit)
        return {outcome, ms: this.#now() - started}
      } finally {
        this.#inFlight--
      }
    })
  }

  #successData(method: HttpMethod, path: string, outcome: Outcome): Decision {
    if (outcome.kind === 'response' && !outcome.bodyIsJson) {
      return {kind: 'fail', error: new PagerDutyApiError(method, path, outcome.status, undefined, 'response body is not JSON', [])}
    }
    return {kind: 'done', value: outcome.kind === 'response' ? outcome.data : undefined}
  }

  #error(method: HttpMethod, path: string, outcome: Outcome, attempts: number, ambiguous: boolean): Error {
    return errorFromOutcome(method, path, outcome, attempts, ambiguous, (text) => this.#transport.scrub(text))
  }
}
