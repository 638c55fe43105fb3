/**
 * Builds the typed error for a failed attempt from its plain outcome, taking PagerDuty's
 * message, code and details from the error body (notes/pagerduty-api.md §2.7). Every text
 * that came from the server passes through `scrub`, so even a server echoing our headers back
 * cannot put the token into an error.
 */
import type {PdErrorBody} from '../dto.js'
import {PagerDutyApiError, PagerDutyNetworkError} from './errors.js'
import type {HttpMethod} from './request-event.js'
import type {Outcome} from './transport.js'

export function errorFromOutcome(
  method: HttpMethod,
  path: string,
  outcome: Outcome,
  attempts: number,
  /** A write whose outcome is unknown: say so, so nobody retries it blindly by hand either. */
  ambiguous: boolean,
  scrub: (text: string) => string,
): PagerDutyApiError | PagerDutyNetworkError {
  const suffix = ambiguous ? ' (the server may have applied it; check before retrying)' : ''
  if (outcome.kind === 'network') {
    return new PagerDutyNetworkError(method, path, outcome.code, attempts, scrub(outcome.detail) + suffix)
  }
  const err = (outcome.bodyIsJson ? (outcome.data as PdErrorBody | undefined) : undefined)?.error
  const message = (typeof err?.message === 'string' && err.message) || outcome.statusText || `HTTP ${outcome.status}`
  const errors = Array.isArray(err?.errors) ? err.errors.filter((e): e is string => typeof e === 'string').map(scrub) : []
  const code = typeof err?.code === 'number' ? err.code : undefined
  return new PagerDutyApiError(method, path, outcome.status, code, scrub(message) + suffix, errors)
}
