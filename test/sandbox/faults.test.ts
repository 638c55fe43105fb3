import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {FROM, startClient, type Client} from './helpers.js'

let c: Client
beforeEach(async () => {
  c = await startClient()
})
afterEach(async () => {
  await c.sandbox.stop()
})

async function admin(method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${c.sandbox.url}/__sandbox/${path}`, {
    method,
    headers: {Authorization: `Token token=${c.sandbox.token}`, 'Content-Type': 'application/json'},
    body: body === undefined ? undefined : JSON.stringify(body),
  })
}

describe('fault injection and request log', () => {
  it('requires the token on admin endpoints', async () => {
    expect((await fetch(`${c.sandbox.url}/__sandbox/faults`)).status).toBe(401)
  })

  it('answers the next N requests with 429 (burst)', async () => {
    expect((await admin('POST', 'faults', {rateLimitBurst: 2})).status).toBe(200)
    expect((await c.get('/users')).status).toBe(429)
    expect((await c.get('/users')).status).toBe(429)
    expect((await c.get('/users')).status).toBe(200)
  })

  it('fails a reproducible share of requests with 500 (seeded)', async () => {
    const run = async () => {
      c.sandbox.admin.setFaults({errorRate: 0.5, seed: 42})
      const statuses: number[] = []
      for (let i = 0; i < 20; i++) statuses.push((await c.get('/abilities')).status)
      return statuses
    }
    const first = await run()
    const second = await run()
    expect(first).toEqual(second)
    const failures = first.filter((s) => s === 500).length
    expect(failures).toBeGreaterThan(3)
    expect(failures).toBeLessThan(17)
    expect(first.every((s) => s === 200 || s === 500)).toBe(true)
  })

  it('adds latency', async () => {
    c.sandbox.admin.setFaults({latencyMs: 150})
    const t = performance.now()
    await c.get('/abilities')
    expect(performance.now() - t).toBeGreaterThanOrEqual(140)
  })

  it('applies a write then drops the connection (drop-after-write)', async () => {
    await admin('POST', 'faults', {dropAfterWrite: 1})
    await expect(c.post('/teams', {team: {type: 'team', name: 'Dropped'}})).rejects.toThrow()
    // The team exists although the client never got an answer.
    const teams = (await c.get('/teams')).body.teams
    expect(teams.map((t: any) => t.name)).toEqual(['Dropped'])
    const log = c.sandbox.admin.requests()
    expect(log[0]).toMatchObject({method: 'POST', path: '/teams', status: null, dropped: true})
    // Only the next write was dropped.
    expect((await c.post('/teams', {team: {type: 'team', name: 'Second'}})).status).toBe(201)
  })

  it('rejects unknown faults with 400', async () => {
    expect((await admin('POST', 'faults', {explode: 1})).status).toBe(400)
    expect((await admin('POST', 'faults', {errorRate: 2})).status).toBe(400)
  })

  it('logs PD requests without the Authorization header, with query and body; admin calls are not logged', async () => {
    await c.post('/users', {user: {type: 'user', name: 'Aiko', email: 'aiko@example.com'}}, FROM)
    await c.get('/users?include[]=teams&limit=5')
    await admin('GET', 'faults')
    const res = await admin('GET', 'requests')
    const {requests} = (await res.json()) as {requests: any[]}
    expect(requests).toHaveLength(2)
    expect(requests[0]).toMatchObject({method: 'POST', path: '/users', status: 201, hasAuthorization: true, body: {user: {name: 'Aiko'}}})
    expect(requests[0].headers.from).toBe('admin@example.com')
    expect(requests[0].headers.authorization).toBeUndefined()
    expect(JSON.stringify(requests)).not.toContain(c.sandbox.token)
    expect(requests[1]).toMatchObject({method: 'GET', query: {'include[]': ['teams'], limit: '5'}, status: 200})
    expect((await admin('DELETE', 'requests')).status).toBe(204)
    expect(c.sandbox.admin.requests()).toEqual([])
  })

  it('exports and replaces the whole state, and changes the rate limit', async () => {
    await c.post('/teams', {team: {type: 'team', name: 'Before'}})
    const {state} = (await (await admin('GET', 'state')).json()) as {state: any}
    expect(state.teams.map((t: any) => t.name)).toEqual(['Before'])
    state.teams[0].name = 'After'
    expect((await admin('PUT', 'state', {state})).status).toBe(204)
    expect((await c.get('/teams')).body.teams.map((t: any) => t.name)).toEqual(['After'])
    expect((await admin('PUT', 'state', {state: {version: 9}})).status).toBe(400)
    expect((await admin('POST', 'rate-limit', {perMinute: 1})).status).toBe(204)
    expect((await c.get('/teams')).status).toBe(200)
    expect((await c.get('/teams')).status).toBe(429)
  })

  it('freezes the clock through the admin endpoint', async () => {
    expect((await admin('POST', 'clock', {now: '2027-01-01T00:00:00Z'})).status).toBe(204)
    const p = await c.post('/escalation_policies', {escalation_policy: {type: 'escalation_policy', name: 'x', escalation_rules: []}})
    expect(p.status).toBe(400)
    const u = (await c.post('/users', {user: {type: 'user', name: 'A', email: 'a@example.com'}}, FROM)).body.user.id
    const e = (await c.post('/escalation_policies', {
      escalation_policy: {type: 'escalation_policy', name: 'x', escalation_rules: [{escalation_delay_in_minutes: 1, targets: [{id: u, type: 'user_reference'}]}]},
    })).body.escalation_policy.id
    const s = await c.post('/services', {service: {type: 'service', name: 'S', escalation_policy: {id: e, type: 'escalation_policy_reference'}}})
    expect(s.body.service.created_at).toBe('2027-01-01T00:00:00Z')
  })
})
