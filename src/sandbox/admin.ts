import type {IncomingMessage, ServerResponse} from 'node:http'
import {bearerToken, type Tokens} from './auth.js'
import type {Faults, FaultConfig} from './faults.js'
import {readText, send} from './http-io.js'
import type {LoggedRequest} from './request-log.js'
import type {SandboxState} from './state.js'

/** In-process control of a running sandbox (the same operations as the /__sandbox endpoints). */
export interface SandboxAdmin {
  faults(): FaultConfig
  setFaults(partial: Partial<FaultConfig>): FaultConfig
  resetFaults(): void
  /** Recorded PagerDuty requests (admin calls excluded), oldest first. */
  requests(): LoggedRequest[]
  clearRequests(): void
  /** A deep copy of the current account state. */
  state(): SandboxState
  replaceState(state: SandboxState): void
  /** Freezes the sandbox clock at `ms` (epoch ms), or unfreezes it with null. */
  setNow(ms: number | null): void
  setRateLimit(perMinute: number): void
}

export const ADMIN_PREFIX = '/__sandbox/'

/**
 * Admin endpoints, authenticated by the read-write token; they are not PagerDuty traffic, so they
 * are neither rate limited nor logged nor checked against the spec:
 *   GET|POST|DELETE /__sandbox/faults   GET|DELETE /__sandbox/requests
 *   GET|PUT /__sandbox/state            POST /__sandbox/clock {"now": ISO|null}
 *   POST /__sandbox/rate-limit {"perMinute": n}
 */
export async function handleAdmin(req: IncomingMessage, res: ServerResponse, url: URL, tokens: Tokens, admin: SandboxAdmin): Promise<void> {
  const text = await readText(req)
  const fail = (status: number, message: string) => send(res, status, {error: {message, code: status === 401 ? 2006 : 2001}})
  if (bearerToken(req.headers) !== tokens.readWrite) return fail(401, 'Authentication failed')
  let body: Record<string, unknown> = {}
  try {
    if (text.trim() !== '') body = JSON.parse(text) as Record<string, unknown>
  } catch {
    return fail(400, 'Request body is not valid JSON')
  }
  const what = `${req.method ?? 'GET'} ${url.pathname.slice(ADMIN_PREFIX.length)}`
  try {
    switch (what) {
      case 'GET faults':
        return send(res, 200, {faults: admin.faults()})
      case 'POST faults':
        return send(res, 200, {faults: admin.setFaults(body as Partial<FaultConfig>)})
      case 'DELETE faults':
        admin.resetFaults()
        return send(res, 204, undefined)
      case 'GET requests':
        return send(res, 200, {requests: admin.requests()})
      case 'DELETE requests':
        admin.clearRequests()
        return send(res, 204, undefined)
      case 'GET state':
        return send(res, 200, {state: admin.state()})
      case 'PUT state':
        admin.replaceState(body.state as SandboxState)
        return send(res, 204, undefined)
      case 'POST clock': {
        const now = body.now
        if (now !== null && (typeof now !== 'string' || Number.isNaN(Date.parse(now)))) return fail(400, 'now must be an ISO date-time or null')
        admin.setNow(now === null ? null : Date.parse(now))
        return send(res, 204, undefined)
      }
      case 'POST rate-limit': {
        const perMinute = body.perMinute
        if (typeof perMinute !== 'number' || !Number.isInteger(perMinute) || perMinute < 1) return fail(400, 'perMinute must be a positive integer')
        admin.setRateLimit(perMinute)
        return send(res, 204, undefined)
      }
      default:
        return fail(404, `unknown admin endpoint ${what}`)
    }
  } catch (error) {
    return fail(400, (error as Error).message)
  }
}

export type {Faults}
