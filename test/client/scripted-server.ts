/**
 * A tiny HTTP server on 127.0.0.1:0 whose answers a test scripts request by request: real
 * loopback HTTP for the client's transport behaviours (retries, timeouts, dropped connections)
 * until/besides the sandbox.
 */
import {createServer, type IncomingHttpHeaders, type Server} from 'node:http'
import type {AddressInfo, Socket} from 'node:net'
import {afterEach} from 'vitest'
import {PagerDutyClient, type PagerDutyClientOptions, type RequestEvent, type WaitNotice} from '../../src/providers/pagerduty/client/index.js'

export interface SeenRequest {
  readonly method: string
  /** Path and query as sent. */
  readonly url: string
  readonly headers: IncomingHttpHeaders
  readonly body: string
}

export type Reply =
  | {readonly status: number; readonly body?: unknown; readonly headers?: Record<string, string>; readonly delayMs?: number}
  /** Close the connection without answering (the client sees ECONNRESET / socket hang up). */
  | 'drop'
  /** Never answer (the client times out). */
  | 'hang'

export type Handler = (req: SeenRequest, index: number) => Reply | Promise<Reply>

export interface ScriptedServer {
  readonly url: string
  readonly requests: SeenRequest[]
  /** Most requests being handled at the same moment. */
  readonly maxConcurrent: () => number
  close(): Promise<void>
}

export async function startScriptedServer(handler: Handler): Promise<ScriptedServer> {
  const requests: SeenRequest[] = []
  const sockets = new Set<Socket>()
  let active = 0
  let maxActive = 0
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const seen: SeenRequest = {method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString()}
      const index = requests.push(seen) - 1
      active++
      maxActive = Math.max(maxActive, active)
      void Promise.resolve(handler(seen, index)).then(async (reply) => {
        if (reply === 'hang') return
        if (reply === 'drop') {
          active--
          req.socket.destroy()
          return
        }
        if (reply.delayMs) await new Promise((r) => setTimeout(r, reply.delayMs))
        active--
        const text = reply.body === undefined ? '' : typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body)
        res.writeHead(reply.status, {'content-type': 'application/json', ...reply.headers})
        res.end(text)
      })
    })
  })
  server.on('connection', (s) => {
    sockets.add(s)
    s.on('close', () => sockets.delete(s))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const {port} = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    maxConcurrent: () => maxActive,
    close: async () => {
      for (const s of sockets) s.destroy()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

/** A clock that only moves when the client sleeps: retries and pacing run instantly and deterministically. */
export function fakeTime(start = 1_800_000_000_000): {now: () => number; sleep: (ms: number) => Promise<void>; sleeps: number[]} {
  let t = start
  const sleeps: number[] = []
  return {
    now: () => t,
    sleep: async (ms: number) => {
      sleeps.push(ms)
      t += ms
    },
    sleeps,
  }
}

export interface ScriptedClient {
  readonly client: PagerDutyClient
  readonly time: ReturnType<typeof fakeTime>
  readonly server: ScriptedServer
  /** Every request the client reported (onRequest), and every wait it announced (onWait). */
  readonly events: RequestEvent[]
  readonly waits: WaitNotice[]
}

/**
 * For a test file: a function that starts a scripted server and a client for it on a fake clock
 * (no real sleeps, fixed jitter, short backoff); every server it started is closed after each test.
 * Call it once at the top level of the file.
 */
export function scriptedClients(token: string): (handler: Handler, options?: Partial<PagerDutyClientOptions>) => Promise<ScriptedClient> {
  const servers: ScriptedServer[] = []
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()))
  })
  return async (handler, options = {}) => {
    const server = await startScriptedServer(handler)
    servers.push(server)
    const time = fakeTime()
    const events: RequestEvent[] = []
    const waits: WaitNotice[] = []
    const client = new PagerDutyClient({
      baseUrl: server.url,
      token,
      sleep: time.sleep,
      now: time.now,
      random: () => 0.5,
      backoff: {baseMs: 100, maxMs: 1000},
      onRequest: (e) => events.push(e),
      onWait: (n) => waits.push(n),
      ...options,
    })
    return {client, time, server, events, waits}
  }
}
