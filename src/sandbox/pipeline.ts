import type {IncomingMessage, ServerResponse} from 'node:http'
import {authenticate, bearerToken, checkAccept, type Tokens} from './auth.js'
import type {SandboxContext} from './context.js'
import {invalidInput, notFound, PdError, PD_CODES} from './errors.js'
import type {Faults} from './faults.js'
import {readText, send, sleep} from './http-io.js'
import type {RateLimiter} from './rate-limit.js'
import {queryRecord, recordHeaders, type LoggedRequest} from './request-log.js'
import {findRoute, type PdResponse, type Route} from './router.js'
import {validateRequestBody} from './spec/body-validator.js'
import {findOperation} from './spec/subset.js'
import {V3Error} from './v3/errors.js'

export interface PipelineDeps {
  ctx: SandboxContext
  routes: readonly Route[]
  tokens: Tokens
  limiter: RateLimiter
  faults: Faults
  log: LoggedRequest[]
  /** Sequence number of the last logged request (the log itself is capped). */
  seq: {last: number}
  /** Called after a request changed the state (for the state file). */
  onWrite: () => void
}

const MAX_LOG = 10_000
const WRITES = new Set(['POST', 'PUT', 'DELETE'])

function parseBody(text: string): unknown {
  if (text.trim() === '') return null
  try {
    return JSON.parse(text) as unknown
  } catch {
    throw invalidInput('Request body is not valid JSON')
  }
}

/**
 * One PagerDuty request, in PD's order of concerns: rate limit (headers on every response),
 * injected latency and 429 bursts, authentication, Accept, routing, read-only tokens, injected 5xx,
 * body parsing, required headers and spec validation, then the handler. Handlers work on the state
 * in place; a handler that throws may have changed nothing, because every handler validates first.
 */
export async function handlePd(req: IncomingMessage, res: ServerResponse, url: URL, deps: PipelineDeps): Promise<void> {
  const {ctx, faults, limiter} = deps
  const method = (req.method ?? 'GET').toUpperCase()
  const text = await readText(req)
  const entry: LoggedRequest = {
    seq: ++deps.seq.last,
    method,
    path: url.pathname,
    query: queryRecord(url.searchParams),
    headers: recordHeaders(req.headers),
    hasAuthorization: req.headers.authorization !== undefined,
    body: null,
    status: null,
    dropped: false,
  }
  try {
    entry.body = parseBody(text)
  } catch {
    entry.body = text
  }
  deps.log.push(entry)
  // A long-running CLI sandbox must not grow without bound: keep the most recent requests.
  if (deps.log.length > MAX_LOG) deps.log.splice(0, deps.log.length - MAX_LOG)

  const rate = limiter.take(bearerToken(req.headers) ?? 'anonymous', ctx.now())
  const reply = (status: number, body?: unknown) => {
    entry.status = status
    send(res, status, body, rate.headers)
  }
  try {
    const {latencyMs} = faults.get()
    if (latencyMs > 0) await sleep(latencyMs)
    const hold = method === 'POST' ? faults.takeHoldPost() : 0
    if (hold > 0) await sleep(hold)
    if (!rate.allowed || faults.takeRateLimitBurst()) throw new PdError(429, PD_CODES.rateLimited, 'Rate Limit Exceeded')
    const {readOnly} = authenticate(req.headers, deps.tokens)
    checkAccept(req.headers.accept)
    const found = findRoute(deps.routes, method, url.pathname)
    if (!found) throw notFound()
    if (readOnly && WRITES.has(method)) throw new PdError(403, PD_CODES.accessDenied, 'Access Denied', ['The API key is read-only'])
    if (faults.takeServerError()) throw new PdError(500, PD_CODES.internal, 'Internal Server Error')
    const body = parseBody(text)
    const spec = findOperation(method, url.pathname)
    if (spec) {
      // Required headers other than Accept/Content-Type, i.e. From on POST /users (notes §2.2).
      // Accept is optional in practice (the version follows the key) and Content-Type is only
      // "required" on GET/DELETE by a spec quirk (notes §7.1).
      const missing = spec.operation.parameters
        .filter((p) => p.in === 'header' && p.required && !['accept', 'content-type'].includes(p.name.toLowerCase()))
        .filter((p) => req.headers[p.name.toLowerCase()] === undefined)
        .map((p) => `${p.name} header is required`)
      if (missing.length > 0) throw invalidInput(...missing)
      // Where From is required it must be "the email address of a valid user associated with the
      // account making the request" (spec, from_header; notes §2.2).
      const from = req.headers.from
      const fromRequired = spec.operation.parameters.some((p) => p.in === 'header' && p.required && p.name.toLowerCase() === 'from')
      if (fromRequired && typeof from === 'string' && !ctx.state.users.some((u) => u.email.toLowerCase() === from.trim().toLowerCase())) {
        throw invalidInput('From header must be the email address of a valid user on the account')
      }
      const problems = validateRequestBody(method, spec.template, spec.operation, body)
      if (problems.length > 0) throw url.pathname.startsWith('/v3/') ? new V3Error(400, {request: problems}) : invalidInput(...problems)
    }
    const result: PdResponse = found.route.handler(
      {method, path: url.pathname, template: found.route.template, params: found.params, query: url.searchParams, headers: req.headers as Record<string, string | undefined>, body},
      ctx,
    )
    if (WRITES.has(method) && result.status < 300) {
      deps.onWrite()
      if (method !== 'DELETE' && faults.takeDropAfterWrite()) {
        // The write is applied and saved, but the client never learns it: it must not blindly
        // retry a POST and create a duplicate.
        entry.dropped = true
        req.socket.destroy()
        return
      }
    }
    reply(result.status, result.body)
  } catch (error) {
    if (error instanceof PdError) reply(error.status, error.toBody())
    else reply(500, new PdError(500, PD_CODES.internal, 'Internal Server Error', [String((error as Error)?.message ?? error)]).toBody())
  }
}
