/**
 * What an attempt's outcome means for the retry loop. Kept apart from the loop so the policy
 * reads as one table:
 *
 * | outcome                                   | GET/PUT/DELETE      | POST                          |
 * |-------------------------------------------|---------------------|-------------------------------|
 * | 2xx                                       | done                | done                          |
 * | 429                                       | wait reset, retry   | wait reset, retry (not applied)|
 * | connection refused (≤ 3 tries)            | backoff, retry      | backoff, retry (never sent)   |
 * | 5xx, 408, reset/timeout/hang-up           | backoff, retry      | ambiguous: look, then retry   |
 * | other 4xx, unknown network failure        | fail                | fail                          |
 */
import type {Outcome} from './transport.js'

export type Verdict = 'success' | 'rate-limited' | 'not-sent' | 'transient' | 'fatal'

/** Network failures worth another try; anything else (DNS name not found, TLS) will not heal. */
const TRANSIENT_NETWORK_CODES = new Set([
  'ECONNRESET',
  'ETIMEDOUT',
  'ECONNABORTED',
  'EPIPE',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'ERR_SOCKET_CONNECTION_TIMEOUT',
  'ERR_BAD_RESPONSE',
  'UND_ERR_SOCKET',
])

export function classifyOutcome(outcome: Outcome): Verdict {
  if (outcome.kind === 'network') {
    if (outcome.code === 'ECONNREFUSED') return 'not-sent'
    return TRANSIENT_NETWORK_CODES.has(outcome.code) ? 'transient' : 'fatal'
  }
  const {status} = outcome
  if (status >= 200 && status < 300) return 'success'
  if (status === 429) return 'rate-limited'
  if (status >= 500 || status === 408) return 'transient'
  return 'fatal'
}
