/**
 * What the client reports about each HTTP attempt (for --verbose). The client only emits these;
 * formatting and printing belong to the CLI (src/cli/request-logger.ts).
 */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE'

export interface RequestEvent {
  readonly method: HttpMethod
  /** Path and query, e.g. `/schedules?limit=100&offset=100`. Never contains the token. */
  readonly path: string
  /** HTTP status, or null when no response arrived (network error, timeout). */
  readonly status: number | null
  /** Duration of this attempt on the client's clock. */
  readonly ms: number
  /** 1 for the first try of a request; retries count up. */
  readonly attempt: number
  /** Node error code when status is null (ECONNRESET, ETIMEDOUT, ...). */
  readonly errorCode?: string
  /** Set when the client waits this long before trying again. */
  readonly retryInMs?: number
}

export type RequestListener = (event: RequestEvent) => void
