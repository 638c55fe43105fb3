import {randomBytes} from 'node:crypto'
import {createServer} from 'node:http'
import type {AddressInfo} from 'node:net'
import {ADMIN_PREFIX, handleAdmin, type SandboxAdmin} from './admin.js'
import {SandboxContext} from './context.js'
import {Faults, type FaultConfig} from './faults.js'
import {send} from './http-io.js'
import {loadState, removeLeftoverTempFiles, saveState} from './persist.js'
import {handlePd} from './pipeline.js'
import {DEFAULT_RATE_LIMIT, RateLimiter} from './rate-limit.js'
import type {LoggedRequest} from './request-log.js'
import {PD_ROUTES} from './routes/index.js'
import {applySeed, readSeedFile, type SeedFile} from './seed.js'
import {emptyState, type SandboxState} from './state.js'

export type {SandboxAdmin} from './admin.js'
export type {FaultConfig} from './faults.js'
export type {LoggedRequest} from './request-log.js'
export type {SandboxState} from './state.js'
export type {SeedFile} from './seed.js'
export {checkRequestsAgainstSpec} from './spec/check-requests.js'

export interface SandboxOptions {
  /** 0 (default) picks a free port. */
  port?: number
  host?: string
  /** API token clients must send; generated when absent. */
  token?: string
  /** Optional second token that may only read (writes → 403). */
  readOnlyToken?: string
  /** JSON state file: loaded if it exists (seed ignored then), rewritten atomically after each write. */
  stateFile?: string
  /** Initial account: a seed object or a YAML/JSON file path. */
  seed?: SeedFile | string
  /** Requests per minute per token (PagerDuty: 960). */
  rateLimitPerMinute?: number
  faults?: Partial<FaultConfig>
  /** Clock (epoch ms); defaults to Date.now. Tests inject a fixed clock. */
  now?: () => number
  /** Seed of the ID sequence (default 1): the same requests give the same IDs. */
  idSeed?: number
}

export interface Sandbox {
  /** Base URL to use instead of https://api.pagerduty.com, e.g. http://127.0.0.1:41234 */
  url: string
  token: string
  readOnlyToken?: string
  admin: SandboxAdmin
  stop(): Promise<void>
}

function generateToken(): string {
  // PD-like key characters only ([A-Za-z0-9], the spec's header pattern).
  return randomBytes(15).toString('base64').replace(/[^A-Za-z0-9]/g, 'x')
}

/** Starts a PagerDuty REST API v2 sandbox on loopback (or `host`). */
export async function startSandbox(opts: SandboxOptions = {}): Promise<Sandbox> {
  let frozen: number | null = null
  const baseNow = opts.now ?? Date.now
  const now = () => frozen ?? baseNow()
  if (opts.stateFile) removeLeftoverTempFiles(opts.stateFile)
  const loaded = opts.stateFile ? loadState(opts.stateFile) : undefined
  const ctx = new SandboxContext(loaded ?? emptyState(opts.idSeed ?? 1), now, '')
  if (!loaded && opts.seed !== undefined) {
    applySeed(ctx, PD_ROUTES, typeof opts.seed === 'string' ? readSeedFile(opts.seed) : opts.seed)
  }
  const persist = () => {
    if (opts.stateFile) saveState(opts.stateFile, ctx.state)
  }
  persist()
  const tokens = {readWrite: opts.token ?? generateToken(), readOnly: opts.readOnlyToken}
  const limiter = new RateLimiter(opts.rateLimitPerMinute ?? DEFAULT_RATE_LIMIT)
  const faults = new Faults(opts.faults)
  const log: LoggedRequest[] = []
  const admin: SandboxAdmin = {
    faults: () => faults.get(),
    setFaults: (p) => faults.set(p),
    resetFaults: () => faults.reset(),
    requests: () => structuredClone(log),
    clearRequests: () => {
      log.length = 0
    },
    state: () => structuredClone(ctx.state),
    replaceState: (s: SandboxState) => {
      if (s?.version !== 1) throw new Error('state.version must be 1')
      ctx.replaceState(structuredClone(s))
      persist()
    },
    setNow: (ms) => {
      frozen = ms
    },
    setRateLimit: (perMinute) => {
      limiter.limit = perMinute
      limiter.reset()
    },
  }
  const deps = {ctx, routes: PD_ROUTES, tokens, limiter, faults, log, seq: {last: 0}, onWrite: persist}

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', ctx.baseUrl)
    const work = url.pathname.startsWith(ADMIN_PREFIX) ? handleAdmin(req, res, url, tokens, admin) : handlePd(req, res, url, deps)
    work.catch((error: unknown) => {
      if (!res.headersSent && !res.destroyed) send(res, 500, {error: {message: String(error), code: 2000}})
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => resolve())
  })
  const address = server.address() as AddressInfo
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address
  ctx.baseUrl = `http://${host}:${address.port}`
  return {
    url: ctx.baseUrl,
    token: tokens.readWrite,
    readOnlyToken: tokens.readOnly,
    admin,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()))
        server.closeAllConnections()
      }),
  }
}
