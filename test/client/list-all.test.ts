import {afterEach, describe, expect, it} from 'vitest'
import {PagerDutyClient, PagerDutyPaginationLimitError} from '../../src/providers/pagerduty/client/index.js'
import {fakeTime, startScriptedServer, type ScriptedServer} from './scripted-server.js'

let server: ScriptedServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

interface ListOptions {
  readonly count: number
  /** Largest page the server agrees to serve. */
  readonly maxLimit?: number
  /** Whether the server honours total=true. */
  readonly totals?: boolean
  readonly delayMs?: number
}

/** A paginated `/users` list of `count` objects, PagerDuty style. */
async function listServer(options: ListOptions): Promise<{client: PagerDutyClient; server: ScriptedServer}> {
  const items = Array.from({length: options.count}, (_, i) => ({id: `U${String(i).padStart(5, '0')}`, type: 'user'}))
  server = await startScriptedServer((req) => {
    const q = new URL(req.url, 'http://x').searchParams
    const limit = Math.min(Number(q.get('limit') ?? 25), options.maxLimit ?? 100)
    const offset = Number(q.get('offset') ?? 0)
    if (offset + limit > 10_000) return {status: 400, body: {error: {message: 'Offset must be less than 10000', code: 2001}}}
    const wantTotal = q.get('total') === 'true' && options.totals !== false
    return {
      status: 200,
      delayMs: options.delayMs,
      body: {
        users: items.slice(offset, offset + limit),
        limit,
        offset,
        more: offset + limit < items.length,
        total: wantTotal ? items.length : null,
      },
    }
  })
  const time = fakeTime()
  const client = new PagerDutyClient({baseUrl: server.url, token: 'tok1234', sleep: time.sleep, now: time.now, concurrency: 4})
  return {client, server}
}

describe('listAll', () => {
  it('reads page 1 with total=true, then the remaining pages concurrently', async () => {
    const {client, server} = await listServer({count: 950, delayMs: 30})
    const users = await client.listAll<{id: string}>('/users', 'users', {'include[]': ['teams']})
    expect(users).toHaveLength(950)
    expect(users[0]?.id).toBe('U00000')
    expect(users.at(-1)?.id).toBe('U00949')
    expect(client.requestCount).toBe(10)
    expect(server.requests[0]?.url).toBe('/users?include[]=teams&limit=100&offset=0&total=true')
    expect(server.requests.slice(1).every((r) => !r.url.includes('total='))).toBe(true)
    // Nine remaining pages, four at a time.
    expect(server.maxConcurrent()).toBe(4)
  })

  it('makes one request for a short list', async () => {
    const {client} = await listServer({count: 3})
    await expect(client.listAll('/users', 'users')).resolves.toHaveLength(3)
    expect(client.requestCount).toBe(1)
  })

  it('steps by the page size the server actually uses', async () => {
    const {client, server} = await listServer({count: 60, maxLimit: 25})
    await expect(client.listAll('/users', 'users')).resolves.toHaveLength(60)
    expect(server.requests.map((r) => new URL(r.url, 'http://x').searchParams.get('offset'))).toEqual(['0', '25', '50'])
  })

  it('walks page by page when the server gives no total', async () => {
    const {client} = await listServer({count: 250, totals: false})
    const users = await client.listAll<{id: string}>('/users', 'users')
    expect(users.map((u) => u.id)).toEqual(Array.from({length: 250}, (_, i) => `U${String(i).padStart(5, '0')}`))
    expect(client.requestCount).toBe(3)
  })

  it('reads exactly 10000 objects, the most offset pagination allows', async () => {
    const {client} = await listServer({count: 10_000})
    await expect(client.listAll('/users', 'users')).resolves.toHaveLength(10_000)
    expect(client.requestCount).toBe(100)
  })

  it('refuses a list longer than 10000 after one request instead of returning part of it', async () => {
    const {client} = await listServer({count: 10_001})
    const error = await client.listAll('/users', 'users').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(PagerDutyPaginationLimitError)
    expect((error as Error).message).toContain('10001')
    expect(client.requestCount).toBe(1)
  })

  it('refuses a list longer than 10000 when walking without totals', async () => {
    const {client} = await listServer({count: 10_050, totals: false})
    await expect(client.listAll('/users', 'users')).rejects.toThrow(PagerDutyPaginationLimitError)
    expect(client.requestCount).toBe(100)
  })

  it('fails clearly when the wrapper key is wrong', async () => {
    const {client} = await listServer({count: 3})
    await expect(client.listAll('/users', 'teams')).rejects.toThrow(/no "teams" list/)
  })
})
