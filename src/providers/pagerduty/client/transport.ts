/**
 * One HTTP attempt over axios, turned into a plain `Outcome` value. This is the only place that
 * touches axios: every axios error is caught here and reduced to a code and a message, so no
 * AxiosError (whose config carries the Authorization header) can ever leave the client.
 */
import axios, {type AxiosInstance, isAxiosError} from 'axios'
import {rateLimitHeadersOf, type RateLimitHeaders} from './rate-limit-pacer.js'
import type {HttpMethod} from './request-event.js'

export type Outcome =
  | {
      readonly kind: 'response'
      readonly status: number
      readonly statusText: string
      /** Parsed JSON, undefined for an empty body, or the raw text when it is not JSON. */
      readonly data: unknown
      readonly bodyIsJson: boolean
      readonly rateLimit: RateLimitHeaders
    }
  | {readonly kind: 'network'; readonly code: string; readonly detail: string}

export interface TransportOptions {
  readonly baseUrl: string
  readonly token: string
  readonly timeoutMs: number
  /** Loopback URLs (the sandbox, tests) must not go through an HTTP(S)_PROXY from the environment. */
  readonly bypassProxy: boolean
  /** Response bodies beyond this are cut off with ERR_RESPONSE_TOO_LARGE (never retried). */
  readonly maxResponseBytes: number
  /** Request bodies beyond this are not sent (ERR_REQUEST_TOO_LARGE). */
  readonly maxRequestBytes: number
}

export const PAGERDUTY_ACCEPT = 'application/vnd.pagerduty+json;version=2'

export class Transport {
  readonly #http: AxiosInstance
  readonly #token: string
  readonly #baseUrl: string
  readonly #timeoutMs: number
  readonly #maxResponseBytes: number
  readonly #maxRequestBytes: number

  constructor(options: TransportOptions) {
    this.#token = options.token
    this.#baseUrl = options.baseUrl.replace(/\/+$/, '')
    this.#timeoutMs = options.timeoutMs
    this.#maxResponseBytes = options.maxResponseBytes
    this.#maxRequestBytes = options.maxRequestBytes
    this.#http = axios.create({
      headers: {
        Authorization: `Token token=${options.token}`,
        Accept: PAGERDUTY_ACCEPT,
        'Content-Type': 'application/json',
        'User-Agent': 'oncall-cli',
      },
      // Statuses are classified by the caller; only "no response" should throw.
      validateStatus: () => true,
      // A redirect could carry the token to another host.
      maxRedirects: 0,
      responseType: 'text',
      transformResponse: [(data: unknown) => data],
      // A broken or hostile server must not be able to fill memory: axios stops reading here.
      maxContentLength: options.maxResponseBytes,
      maxBodyLength: options.maxRequestBytes,
      ...(options.bypassProxy ? {proxy: false as const} : {}),
    })
  }

  async send(method: HttpMethod, pathAndQuery: string, body: unknown, extraHeaders: Record<string, string>): Promise<Outcome> {
    const json = body === undefined ? undefined : JSON.stringify(body)
    if (json !== undefined && Buffer.byteLength(json) > this.#maxRequestBytes) {
      return {kind: 'network', code: 'ERR_REQUEST_TOO_LARGE', detail: `request body of ${Buffer.byteLength(json)} bytes is over the ${sizeText(this.#maxRequestBytes)} limit; not sent`}
    }
    const controller = new AbortController()
    let timedOut = false
    // A total deadline (axios' own timeout only covers socket inactivity).
    const timer = setTimeout(() => {
      timedOut = true
      controller.abort()
    }, this.#timeoutMs)
    try {
      const response = await this.#http.request<string>({
        method,
        url: this.#baseUrl + pathAndQuery,
        data: json,
        headers: extraHeaders,
        signal: controller.signal,
      })
      const {data, bodyIsJson} = parseBody(response.data)
      return {
        kind: 'response',
        status: response.status,
        statusText: response.statusText,
        data,
        bodyIsJson,
        rateLimit: rateLimitHeadersOf((name) => response.headers[name]),
      }
    } catch (error) {
      if (timedOut) return {kind: 'network', code: 'ETIMEDOUT', detail: `no response within ${this.#timeoutMs} ms`}
      if (/maxContentLength size of \d+ exceeded/.test(errorMessageOf(error))) {
        return {kind: 'network', code: 'ERR_RESPONSE_TOO_LARGE', detail: `response body over the ${sizeText(this.#maxResponseBytes)} limit; stopped reading it`}
      }
      return {kind: 'network', code: errorCodeOf(error), detail: this.scrub(errorMessageOf(error))}
    } finally {
      clearTimeout(timer)
    }
  }

  /**
   * Belt and braces for any text that ends up in an error: network messages name hosts and ports
   * and API messages come from the server, but neither may ever carry the token.
   */
  scrub(text: string): string {
    return text.split(this.#token).join('[REDACTED]').replace(/Token token=\S+/g, 'Token token=[REDACTED]').slice(0, 2000)
  }
}

function sizeText(bytes: number): string {
  return bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)} MiB` : `${bytes} bytes`
}

function parseBody(text: unknown): {data: unknown; bodyIsJson: boolean} {
  if (typeof text !== 'string' || text.trim() === '') return {data: undefined, bodyIsJson: true}
  try {
    return {data: JSON.parse(text) as unknown, bodyIsJson: true}
  } catch {
    return {data: text, bodyIsJson: false}
  }
}

function errorCodeOf(error: unknown): string {
  if (isAxiosError(error)) {
    const causeCode = (error.cause as {code?: unknown} | undefined)?.code
    if (typeof causeCode === 'string') return causeCode
    if (error.code) return error.code
    return 'ERR_NETWORK'
  }
  const code = (error as {code?: unknown} | null)?.code
  return typeof code === 'string' ? code : 'ERR_CLIENT'
}

function errorMessageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
