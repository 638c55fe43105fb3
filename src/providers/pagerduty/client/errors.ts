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

/**
 * A POST was sent and no answer came (timeout, dropped connection), and the object it would have
 * created did not appear while we looked. The server may still commit it; sending it again could
 * make a duplicate, so we stop. The next plan finds a late object by its ownership marker.
 */
export class PagerDutyOutcomeUnknownError extends Error {
  override readonly name = 'PagerDutyOutcomeUnknownError'

  constructor(
    readonly method: string,
    readonly path: string,
    detail: string,
    lookedMs: number,
  ) {
    super(
      `outcome unknown: ${detail.replace(/ \(the server may have applied it; check before retrying\)$/, '')}; ` +
        `the object did not appear within ${Math.round(lookedMs / 1000)} s of looking and was not sent again. ` +
        'Run `oncall plan` (it finds a late-created object by its marker), then `oncall apply` again',
    )
  }
}

/** The rate-limit waits of one run would exceed their bound (a server announcing endless resets). */
export class PagerDutyRateLimitWaitError extends Error {
  override readonly name = 'PagerDutyRateLimitWaitError'

  constructor(reason: string, waitedMs: number, maxMs: number) {
    super(
      `gave up waiting for PagerDuty's rate limit: ${reason}, after ${Math.round(waitedMs / 1000)} s of waiting ` +
        `(at most ${Math.round(maxMs / 1000)} s per run); try again later or check what else uses this token`,
    )
  }
}

/** A 2xx answer whose body is not what the endpoint documents (null list items, a bogus `limit`). */
export class PagerDutyResponseError extends Error {
  override readonly name = 'PagerDutyResponseError'

  constructor(
    readonly method: string,
    readonly path: string,
    problem: string,
  ) {
    super(`PagerDuty ${method} ${path} answered an unusable response: ${problem}`)
  }
}
