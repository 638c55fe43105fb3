/**
 * The client against broken and hostile servers (issue 11): a create committed after the client
 * gave up, huge bodies, absurd pagination, endless rate-limit resets, garbage list items. Real
 * loopback HTTP through the scripted server; the client's sleeps run on a fake clock.
 */
import {describe, expect, it} from 'vitest'
import {
  PagerDutyClient,
  PagerDutyNetworkError,
  PagerDutyOutcomeUnknownError,
  PagerDutyRateLimitWaitError,
  PagerDutyResponseError,
} from '../../src/providers/pagerduty/client/index.js'
import {scriptedClients, type Handler} from './scripted-server.js'

const setup = scriptedClients('hostile-test-token')

describe('a create the server commits after the client gave up', () => {
  /** POST /schedules is never answered; the schedule "lands" once `landsAfterLooks` lookups have happened. */
  function lateCommit(landsAfterLooks: number): Handler {
    let looks = 0
    return (req) => {
      if (req.method === 'POST') return 'hang'
      looks++
      const schedules = looks > landsAfterLooks ? [{id: 'PLATE01', name: 'Primary'}] : []
      return {status: 200, body: {schedules, limit: 100, offset: 0, more: false}}
    }
  }
  const find = (client: PagerDutyClient) => async () => {
    const page = await client.get<{schedules: {id: string; name: string}[]}>('/schedules', {query: 'Primary'})
    const found = page.schedules.find((s) => s.name === 'Primary')
    return found ? {schedule: found} : undefined
  }

  it('is never POSTed again: the client keeps looking with backoff and returns the late object', async () => {
    const {client, server, time} = await setup(lateCommit(3), {timeoutMs: 300, unknownOutcomeLookMs: 60_000})
    const result = await client.post('/schedules', {schedule: {name: 'Primary'}}, {findExisting: find(client)})
    expect(result).toEqual({schedule: {id: 'PLATE01', name: 'Primary'}})
    expect(server.requests.filter((r) => r.method === 'POST')).toHaveLength(1)
    // Before the fix: POST, one GET 0.3 s later finding nothing, then a second POST.
    expect(server.requests.map((r) => r.method)).toEqual(['POST', 'GET', 'GET', 'GET', 'GET'])
    expect(time.sleeps).toEqual([1000, 2000, 4000, 8000])
  })

  it('stops with "outcome unknown" when the object has not appeared after the look window, sending one POST', async () => {
    const {client, server} = await setup(lateCommit(Number.POSITIVE_INFINITY), {timeoutMs: 300, unknownOutcomeLookMs: 20_000})
    const error = await client.post('/schedules', {schedule: {name: 'Primary'}}, {findExisting: find(client)}).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(PagerDutyOutcomeUnknownError)
    expect((error as Error).message).toMatch(/^outcome unknown: PagerDuty POST \/schedules .*ETIMEDOUT.*within 20 s .*not sent again.*oncall plan/)
    expect(server.requests.filter((r) => r.method === 'POST')).toHaveLength(1)
  })

  it('the default look window covers twice the client deadline', async () => {
    const {client, time} = await setup(lateCommit(Number.POSITIVE_INFINITY), {timeoutMs: 300})
    await client.post('/schedules', {schedule: {name: 'Primary'}}, {findExisting: find(client)}).catch(() => undefined)
    expect(time.sleeps.reduce((a, b) => a + b, 0)).toBe(600)
  })
})

describe('size limits', () => {
  it('stops reading a response larger than the limit, with a clear error and no retry', async () => {
    const huge = JSON.stringify({users: [{id: 'U1', name: 'x'.repeat(3 * 1024 * 1024)}]})
    const {client, server} = await setup(() => ({status: 200, body: huge}), {maxResponseBytes: 1024 * 1024})
    const error = await client.get('/users').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(PagerDutyNetworkError)
    expect((error as Error).message).toBe(
      'PagerDuty GET /users failed after 1 attempt: ERR_RESPONSE_TOO_LARGE response body over the 1 MiB limit; stopped reading it',
    )
    expect(server.requests).toHaveLength(1)
  })

  it('does not send a request body larger than the limit', async () => {
    const {client, server} = await setup(() => ({status: 200, body: {}}), {maxRequestBytes: 1000})
    const error = await client.put('/teams/T1', {team: {description: 'x'.repeat(2000)}}).catch((e: unknown) => e)
    expect((error as Error).message).toMatch(/ERR_REQUEST_TOO_LARGE request body of \d+ bytes is over the 1000 bytes limit; not sent/)
    expect(server.requests).toHaveLength(0)
  })
})

describe('pagination does not trust the server', () => {
  const page = (extra: Record<string, unknown>) => () => ({status: 200, body: {users: [{id: 'U1'}], offset: 0, more: true, ...extra}})

  it('refuses a fractional limit instead of building billions of offsets', async () => {
    const {client, server} = await setup(page({limit: 1e-9, total: 50}))
    await expect(client.listAll('/users', 'users')).rejects.toThrow(
      'PagerDuty GET /users answered an unusable response: "limit" is 1e-9; expected an integer from 1 to 100 (what was asked)',
    )
    expect(server.requests).toHaveLength(1)
  })

  it('refuses a limit above what was asked, and a non-integer total', async () => {
    const a = await setup(page({limit: 5000, total: 50}), {pageSize: 100})
    await expect(a.client.listAll('/users', 'users')).rejects.toThrow(PagerDutyResponseError)
    await a.server.close()
    const b = await setup(page({limit: 100, total: 1e300}))
    await expect(b.client.listAll('/users', 'users')).rejects.toThrow(/"total" is 1e\+300, not a non-negative integer/)
    expect(b.server.requests).toHaveLength(1)
  })

  it('refuses a page holding more items than its limit', async () => {
    const {client} = await setup(() => ({status: 200, body: {users: [{id: 'U1'}, {id: 'U2'}, {id: 'U3'}], limit: 2, more: false}}), {pageSize: 2})
    await expect(client.listAll('/users', 'users')).rejects.toThrow(/page holds 3 items, more than its limit of 2/)
  })
})

describe('list items that are not objects', () => {
  it.each([
    [null, 'null'],
    [42, 'number 42'],
    ['x', 'string "x"'],
  ])('a %s item is a one-line error naming the endpoint', async (item, what) => {
    const {client} = await setup(() => ({status: 200, body: {schedules: [{id: 'S1'}, item], limit: 100, more: false}}))
    const error = (await client.listAll('/schedules', 'schedules').catch((e: unknown) => e)) as Error
    expect(error).toBeInstanceOf(PagerDutyResponseError)
    expect(error.message).toBe(`PagerDuty GET /schedules answered an unusable response: item 1 of the "schedules" list is ${what}, not an object`)
    expect(error.message).not.toContain('\n')
  })
})

describe('rate-limit waits are capped, bounded and announced', () => {
  it('caps ratelimit-reset: 3600 at one minute plus jitter and says why it waits', async () => {
    const {client, time, waits} = await setup((_r, i) =>
      i === 0 ? {status: 429, headers: {'ratelimit-reset': '3600'}} : {status: 200, body: {users: []}},
    )
    await client.get('/users')
    expect(time.sleeps).toEqual([60_000 + 125])
    expect(waits).toEqual([{ms: 60_125, reason: 'PagerDuty answered 429 (rate limit) to GET /users'}])
  })

  it('caps the pacing wait after a response with ratelimit-remaining: 0 and reset 3600', async () => {
    const {client, time, waits} = await setup(() => ({status: 200, body: {}, headers: {'ratelimit-remaining': '0', 'ratelimit-reset': '3600'}}))
    await client.get('/a')
    await client.get('/b')
    expect(time.sleeps).toEqual([60_000 + 125])
    expect(waits[0]?.reason).toMatch(/rate-limit budget/)
  })

  it('gives up once all waits of the run would exceed the bound', async () => {
    const {client, server} = await setup(() => ({status: 429, headers: {'ratelimit-reset': '60'}}), {maxRateLimitWaitMs: 150_000})
    const error = await client.get('/users').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(PagerDutyRateLimitWaitError)
    expect((error as Error).message).toMatch(/gave up waiting for PagerDuty's rate limit: .*429.* after 120 s of waiting \(at most 150 s per run\)/)
    expect(server.requests).toHaveLength(3)
  })
})
