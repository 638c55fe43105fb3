import {inspect} from 'node:util'
import {describe, expect, it} from 'vitest'
import {
  PagerDutyApiError,
  PagerDutyClient,
  PagerDutyClientUsageError,
  PagerDutyNetworkError,
} from '../../src/providers/pagerduty/client/index.js'
import {fakeTime, scriptedClients, startScriptedServer, type Handler} from './scripted-server.js'

const TOKEN = 'u+Zx9SeCrEtToKeN42'
const setup = scriptedClients(TOKEN)

const ok = (body: unknown) => ({status: 200, body})
const pdError = (status: number, message: string, code?: number, errors?: string[]) => ({
  status,
  body: {error: {message, code, errors}},
})

describe('headers', () => {
  it('sends auth, PagerDuty Accept and JSON Content-Type on every request', async () => {
    const {client, server} = await setup(() => ok({teams: []}))
    await client.get('/teams')
    await client.put('/teams/T1', {team: {type: 'team', name: 'x'}})
    const [get, put] = server.requests
    for (const r of [get, put]) {
      expect(r?.headers.authorization).toBe(`Token token=${TOKEN}`)
      expect(r?.headers.accept).toBe('application/vnd.pagerduty+json;version=2')
      expect(r?.headers['content-type']).toBe('application/json')
    }
    expect(JSON.parse(put?.body ?? '')).toEqual({team: {type: 'team', name: 'x'}})
  })

  it('sends From on POST /users and not on other creates', async () => {
    const {client, server} = await setup(() => ({status: 201, body: {user: {id: 'U1'}}}), {from: 'admin@example.com'})
    await client.post('/users', {user: {type: 'user', name: 'A', email: 'a@example.com'}})
    await client.post('/teams', {team: {type: 'team', name: 'T'}})
    expect(server.requests[0]?.headers.from).toBe('admin@example.com')
    expect(server.requests[1]?.headers.from).toBeUndefined()
  })

  it('refuses POST /users without a From address before sending anything', async () => {
    const {client, server} = await setup(() => ({status: 201, body: {}}))
    await expect(client.post('/users', {user: {}})).rejects.toThrow(PagerDutyClientUsageError)
    await expect(client.post('/users', {user: {}})).rejects.toThrow(/--from/)
    expect(server.requests).toHaveLength(0)
    expect(client.requestCount).toBe(0)
  })

  it('refuses plain http to a non-loopback host', () => {
    expect(() => new PagerDutyClient({baseUrl: 'http://api.pagerduty.com', token: TOKEN})).toThrow(/https/)
  })
})

describe('retries of idempotent requests', () => {
  it('retries 5xx with exponential backoff and counts every attempt', async () => {
    const {client, time, events} = await setup((_r, i) => (i < 2 ? pdError(503, 'Service Unavailable') : ok({team: {id: 'T1'}})))
    await expect(client.get('/teams/T1')).resolves.toEqual({team: {id: 'T1'}})
    expect(client.requestCount).toBe(3)
    // equal jitter with random 0.5: 3/4 of 100, then of 200
    expect(time.sleeps).toEqual([75, 150])
    expect(events.map((e) => [e.status, e.attempt, e.retryInMs])).toEqual([
      [503, 1, 75],
      [503, 2, 150],
      [200, 3, undefined],
    ])
    expect(events[0]).toMatchObject({method: 'GET', path: '/teams/T1'})
  })

  it('gives up after maxAttempts with PagerDuty’s message', async () => {
    const {client} = await setup(() => pdError(500, 'Internal error', 2000), {maxAttempts: 4})
    const error = await client.get('/schedules', {'include[]': ['schedule_layers']}).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(PagerDutyApiError)
    expect(error).toMatchObject({status: 500, code: 2000, method: 'GET', path: '/schedules?include[]=schedule_layers'})
    expect((error as Error).message).toContain('Internal error')
    expect(client.requestCount).toBe(4)
  })

  it('does not retry a 4xx and keeps code and details', async () => {
    const {client} = await setup(() => pdError(400, 'Invalid Input Provided', 2001, ['Name has already been taken']))
    const error = (await client.put('/teams/T1', {team: {}}).catch((e: unknown) => e)) as PagerDutyApiError
    expect(error).toBeInstanceOf(PagerDutyApiError)
    expect(error.code).toBe(2001)
    expect(error.errors).toEqual(['Name has already been taken'])
    expect(error.message).toBe(
      'PagerDuty PUT /teams/T1 failed with HTTP 400 (code 2001): Invalid Input Provided: Name has already been taken',
    )
    expect(client.requestCount).toBe(1)
  })

  it('retries a dropped connection (socket hang up) on GET', async () => {
    const {client, events} = await setup((_r, i) => (i === 0 ? 'drop' : ok({users: []})))
    await expect(client.get('/users')).resolves.toEqual({users: []})
    expect(events[0]).toMatchObject({status: null, attempt: 1, errorCode: 'ECONNRESET'})
    expect(client.requestCount).toBe(2)
  })

  it('times out a request that never answers, as a typed network error', async () => {
    const {client} = await setup(() => 'hang', {timeoutMs: 150, maxAttempts: 2})
    const error = (await client.get('/teams').catch((e: unknown) => e)) as PagerDutyNetworkError
    expect(error).toBeInstanceOf(PagerDutyNetworkError)
    expect(error.errorCode).toBe('ETIMEDOUT')
    expect(error.attempts).toBe(2)
    expect(error.message).toContain('no response within 150 ms')
  })

  it('treats a DELETE answered 404 after an ambiguous failure as done', async () => {
    const {client} = await setup((_r, i) => (i === 0 ? 'drop' : pdError(404, 'Not Found', 2100)))
    await expect(client.delete('/schedules/S1')).resolves.toBeUndefined()
  })

  it('reports a plain 404 on DELETE', async () => {
    const {client} = await setup(() => pdError(404, 'Not Found', 2100))
    await expect(client.delete('/schedules/S1')).rejects.toMatchObject({status: 404})
  })

  it('rejects a 2xx body that is not JSON', async () => {
    const {client} = await setup(() => ({status: 200, body: '<html>proxy</html>'}))
    await expect(client.get('/teams')).rejects.toThrow(/not JSON/)
  })
})

describe('rate limits', () => {
  it('waits ratelimit-reset (plus jitter) after a 429, then retries', async () => {
    const {client, time} = await setup((_r, i) =>
      i === 0
        ? {status: 429, body: {error: {message: 'Rate Limit Exceeded', code: 2020}}, headers: {'ratelimit-reset': '7', 'ratelimit-remaining': '0'}}
        : ok({teams: []}),
    )
    await client.get('/teams')
    expect(time.sleeps).toEqual([7000 + 125])
    expect(client.requestCount).toBe(2)
  })

  it('backs off exponentially on 429s without headers, and gives up after maxRateLimitRetries', async () => {
    const {client, time} = await setup(() => ({status: 429}), {maxRateLimitRetries: 3})
    await expect(client.get('/teams')).rejects.toMatchObject({status: 429})
    expect(time.sleeps).toEqual([750, 1500, 3000])
    expect(client.requestCount).toBe(4)
  })

  it('pauses before hitting 429 when ratelimit-remaining runs low', async () => {
    // The first answer says one request is left in a window that resets in 12 s.
    const {client, time, server} = await setup((_r, i) =>
      i === 0 ? {status: 200, body: {}, headers: {'ratelimit-remaining': '1', 'ratelimit-reset': '12', 'ratelimit-limit': '960'}} : ok({}),
    )
    await client.get('/a')
    expect(time.sleeps).toEqual([])
    await client.get('/b')
    expect(time.sleeps).toEqual([12_000 + 125])
    expect(server.requests.map((r) => r.url)).toEqual(['/a', '/b'])
    expect(client.requestCount).toBe(2)
  })

  it('retries a POST after 429 without looking for an existing object', async () => {
    let looked = 0
    const {client} = await setup((_r, i) =>
      i === 0 ? {status: 429, headers: {'ratelimit-reset': '1'}} : {status: 201, body: {team: {id: 'T9'}}},
    )
    const created = await client.post<{team: {id: string}}>('/teams', {team: {name: 'x'}}, {
      findExisting: async () => {
        looked++
        return undefined
      },
    })
    expect(created.team.id).toBe('T9')
    expect(looked).toBe(0)
  })
})

describe('POST never duplicates', () => {
  /** A server that applies a create and then may drop the connection instead of answering. */
  function creatingServer(dropFirstAfterApply: boolean, failFirstWithoutApplying = false): Handler {
    const teams: {id: string; name: string}[] = []
    let posts = 0
    return (req) => {
      if (req.method === 'GET') return ok({teams: teams.filter((t) => req.url.includes(`query=${t.name}`)), more: false})
      posts++
      if (posts === 1 && failFirstWithoutApplying) return pdError(502, 'Bad Gateway')
      const name = (JSON.parse(req.body) as {team: {name: string}}).team.name
      const team = {id: `T${teams.length + 1}`, name}
      teams.push(team)
      return posts === 1 && dropFirstAfterApply ? 'drop' : {status: 201, body: {team}}
    }
  }

  const findTeam = (client: PagerDutyClient, name: string) => async () => {
    const page = await client.get<{teams: {id: string; name: string}[]}>('/teams', {query: name})
    const team = page.teams.find((t) => t.name === name)
    return team ? {team} : undefined
  }

  it('returns the object found after an ambiguous drop instead of creating it again', async () => {
    const {client, server} = await setup(creatingServer(true))
    const result = await client.post('/teams', {team: {name: 'payments'}}, {findExisting: findTeam(client, 'payments')})
    expect(result).toEqual({team: {id: 'T1', name: 'payments'}})
    expect(server.requests.filter((r) => r.method === 'POST')).toHaveLength(1)
    expect(client.requestCount).toBe(2)
  })

  it('retries when the lookup finds nothing (the failed POST was not applied)', async () => {
    const {client, server} = await setup(creatingServer(false, true))
    const result = await client.post('/teams', {team: {name: 'payments'}}, {findExisting: findTeam(client, 'payments')})
    expect(result).toEqual({team: {id: 'T1', name: 'payments'}})
    expect(server.requests.map((r) => r.method)).toEqual(['POST', 'GET', 'POST'])
  })

  it('throws an ambiguous failure when there is no way to look, and sends the POST once', async () => {
    const {client, server} = await setup(creatingServer(true))
    const error = await client.post('/teams', {team: {name: 'payments'}}).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(PagerDutyNetworkError)
    expect((error as Error).message).toContain('may have applied it')
    expect(server.requests).toHaveLength(1)
  })
})

describe('the token never leaks', () => {
  it('stays out of API errors, network errors and the client itself', async () => {
    // A hostile server echoing the Authorization header back in its error body.
    const {client} = await setup((req, i) =>
      i === 0 ? pdError(401, `bad ${req.headers.authorization}`, 2006, [`header ${req.headers.authorization}`]) : 'drop',
      {maxAttempts: 1},
    )
    const apiError = await client.get('/users').catch((e: unknown) => e)
    const networkError = await client.get('/users').catch((e: unknown) => e)
    expect(apiError).toBeInstanceOf(PagerDutyApiError)
    expect(networkError).toBeInstanceOf(PagerDutyNetworkError)
    for (const e of [apiError, networkError] as Error[]) {
      for (const text of [e.message, String(e), e.stack ?? '', JSON.stringify(e), inspect(e, {depth: 10, showHidden: true})]) {
        expect(text).not.toContain(TOKEN)
      }
      expect(e).not.toHaveProperty('config')
      expect(e).not.toHaveProperty('cause')
    }
    expect((apiError as Error).message).toContain('Token token=[REDACTED]')
    expect(inspect(client, {depth: 10, showHidden: true})).not.toContain(TOKEN)
    expect(JSON.stringify(client)).not.toContain(TOKEN)
  })
})

describe('connection refused', () => {
  it('gives up after three tries (nobody is listening), for POST too', async () => {
    const closed = await startScriptedServer(() => ok({}))
    const url = closed.url
    await closed.close()
    const time = fakeTime()
    const client = new PagerDutyClient({baseUrl: url, token: TOKEN, sleep: time.sleep, now: time.now, random: () => 0.5})
    const error = (await client.post('/teams', {team: {}}).catch((e: unknown) => e)) as PagerDutyNetworkError
    expect(error).toBeInstanceOf(PagerDutyNetworkError)
    expect(error.errorCode).toBe('ECONNREFUSED')
    expect(error.attempts).toBe(3)
    expect(error.message).not.toContain('may have applied')
    expect(client.requestCount).toBe(3)
  })
})
