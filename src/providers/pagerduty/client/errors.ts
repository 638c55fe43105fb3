/**
 * Typed errors of the PagerDuty client. They are built from plain values only (method, the path
 * we asked for, status, PagerDuty's error body): never from an AxiosError, whose `config.headers`
 * carries the API token. So printing, JSON-serialising or util.inspect-ing any of them cannot
 * leak the token, and there is no `cause` chain pointing back at axios.
 */

/** A response with a non-2xx status (after retries, where retries apply). */
export class PagerDutyApiError extends Error {
  override readonly name = 'PagerDutyApiError'

  constructor(
    readonly method: string,
    /** Path and query as requested, e.g. `/schedules?offset=100`. Queries never hold secrets. */
    readonly path: string,
    readonly status: number,
    /** PagerDuty's error code (e.g. 2001), when the body had one. */
    readonly code: number | undefined,
    /** PagerDuty's message, or the HTTP status text when the body had none. */
    readonly apiMessage: string,
    /** PagerDuty's detail strings (`error.errors`). */
    readonly errors: readonly string[],
  ) {
    super(formatApiMessage(method, path, status, code, apiMessage, errors))
  }

  toJSON(): Record<string, unknown> {
    const {name, method, path, status, code, apiMessage, errors, message} = this
    return {name, method, path, status, code, apiMessage, errors, message}
  }
}

function formatApiMessage(
  method: string,
  path: string,
  status: number,
  code: number | undefined,
  apiMessage: string,
  errors: readonly string[],
): string {
  const codePart = code === undefined ? '' : ` (code ${code})`
  const details = errors.length > 0 ? `: ${errors.join('; ')}` : ''
  return `PagerDuty ${method} ${path} failed with HTTP ${status}${codePart}: ${apiMessage}${details}`
}

/** No usable response: connection refused/reset, DNS failure, timeout, TLS failure. */
export class PagerDutyNetworkError extends Error {
  override readonly name = 'PagerDutyNetworkError'

  constructor(
    readonly method: string,
    readonly path: string,
    /** Node/axios error code, e.g. ECONNRESET, ETIMEDOUT, ECONNREFUSED. */
    readonly errorCode: string,
    /** How many attempts were made before giving up. */
    readonly attempts: number,
    /** The underlying message, already checked to be free of headers (see networkFailureOf). */
    detail: string,
  ) {
    super(`PagerDuty ${method} ${path} failed after ${attempts} attempt${attempts === 1 ? '' : 's'}: ${errorCode} ${detail}`.trim())
  }

  toJSON(): Record<string, unknown> {
    const {name, method, path, errorCode, attempts, message} = this
    return {name, method, path, errorCode, attempts, message}
  }
}

/**
 * A list too long for offset pagination: PagerDuty refuses offset + limit > 10000, so the rest
 * of the list cannot be read and a plan built on a partial list would be wrong.
 */
export class PagerDutyPaginationLimitError extends Error {
  override readonly name = 'PagerDutyPaginationLimitError'

  constructor(
    readonly path: string,
    readonly total: number | undefined,
  ) {
    super(
      `PagerDuty GET ${path} lists ${total === undefined ? 'more than 10000' : total} objects, but offset pagination ` +
        'stops at 10000 (offset + limit ≤ 10000); the account is too large to read completely with this endpoint',
    )
  }
}

/** The client was asked for something it cannot send (e.g. POST /users without a From address). */
export class PagerDutyClientUsageError extends Error {
  override readonly name = 'PagerDutyClientUsageError'
}
