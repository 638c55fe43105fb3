/**
 * The real client against the sandbox over loopback HTTP, with the sandbox's fault injection:
 * latency, 5xx, 429 bursts, its own rate limiter and dropped connections after writes. The
 * client and the sandbox share one fake clock that moves when the client sleeps, so waiting out
 * a one-minute rate-limit window takes no real time; injected latency is real.
 */
import {afterEach, describe, expect, it} from 'vitest'
import {PagerDutyClient, type RequestEvent} from '../../src/providers/pagerduty/client/index.js'
import type {PdTeam, Read} from '../../src/providers/pagerduty/dto.js'
import {checkRequestsAgainstSpec, startSandbox, type Sandbox, type SandboxOptions} from '../../src/sandbox/index.js'

let sandbox: Sandbox | undefined
afterEach(async () => {
  await sandbox?.stop()
  sandbox = undefined
})

function users(count: number) {
  return Array.from({length: count}, (_, i) => ({name: `User ${i}`, email: `user${String(i).padStart(4, '0')}@example.com`}))
}

async function setup(options: SandboxOptions, clientOptions: {concurrency?: number} = {}) {
  let t = Date.UTC(2026, 0, 5, 9, 0, 0)
  const sleeps: number[] = []
  sandbox = await startSandbox({...options, now: () => t})
  const events: RequestEvent[] = []
  const client = new PagerDutyClient({
    baseUrl: sandbox.url,
    token: sandbox.token,
    from: 'user0000@example.com',
    now: () => t,
    sleep: async (ms) => {
      sleeps.push(ms)
      t += ms
    },
    random: () => 0.5,
    backoff: {baseMs: 50, maxMs: 2000},
    onRequest: (e) => events.push(e),
    concurrency: clientOptions.concurrency ?? 4,
  })
  return {client, sandbox, sleeps, events}
}

describe('listAll against the sandbox under faults', () => {
  it('reads a 450-user list completely despite 429 bursts, 20% 5xx and 200 ms latency', async () => {
    const {client, sandbox} = await setup({seed: {users: users(450)}, faults: {latencyMs: 200, errorRate: 0.2, seed: 7, rateLimitBurst: 3}})
    const list = await client.listAll<{email: string}>('/users', 'users')
    // Complete and without duplicates (the sandbox orders users by name, as PagerDuty does).
    expect(list.map((u) => u.email).sort()).toEqual(users(450).map((u) => u.email))
    const statuses = sandbox.admin.requests().map((r) => r.status)
    expect(statuses.filter((s) => s === 429)).toHaveLength(3)
    expect(statuses.filter((s) => s === 500).length).toBeGreaterThan(0)
    expect(statuses.filter((s) => s === 200)).toHaveLength(5)
    expect(client.requestCount).toBe(statuses.length)
    expect(checkRequestsAgainstSpec(sandbox.admin.requests())).toEqual([])
  })

  it('paces itself by ratelimit-remaining so the sandbox limiter never answers 429', async () => {
    const {client, sandbox, sleeps} = await setup({seed: {users: users(3)}, rateLimitPerMinute: 10})
    const results = await Promise.all(Array.from({length: 35}, () => client.get<{users: unknown[]}>('/users')))
    expect(results.every((r) => r.users.length === 3)).toBe(true)
    const statuses = sandbox.admin.requests().map((r) => r.status)
    expect(statuses).toHaveLength(35)
    expect(statuses.every((s) => s === 200)).toBe(true)
    // 35 requests at ≤ 10 a minute span at least three window resets.
    expect(sleeps.filter((ms) => ms >= 1000).length).toBeGreaterThanOrEqual(3)
  })
})

describe('writes against the sandbox when the connection drops after the write', () => {
  const findTeam = (client: PagerDutyClient, name: string) => async () => {
    const teams = await client.listAll<Read<PdTeam>>('/teams', 'teams', {query: name})
    const team = teams.find((t) => t.name === name)
    return team ? {team} : undefined
  }

  it('a dropped POST never leaves a duplicate', async () => {
    const {client, sandbox, events} = await setup({faults: {dropAfterWrite: 1}})
    const created = await client.post<{team: Read<PdTeam>}>(
      '/teams',
      {team: {type: 'team', name: 'Payments'}},
      {findExisting: findTeam(client, 'Payments')},
    )
    expect(created.team.name).toBe('Payments')
    expect(sandbox.admin.state().teams.filter((t) => t.name === 'Payments')).toHaveLength(1)
    expect(events.map((e) => `${e.method} ${e.status}`)).toEqual(['POST null', 'GET 200'])
  })

  it('a POST that failed with 5xx before being applied is retried and creates exactly one object', async () => {
    const {client, sandbox} = await setup({faults: {errorRate: 0.5, seed: 3}})
    const names = ['A', 'B', 'C', 'D', 'E', 'F']
    for (const name of names) {
      await client.post('/teams', {team: {type: 'team', name}}, {findExisting: findTeam(client, name)})
    }
    const teams = sandbox.admin.state().teams.map((t) => t.name).sort()
    expect(teams).toEqual(names)
    expect(sandbox.admin.requests().some((r) => r.method === 'POST' && r.status === 500)).toBe(true)
  })

  it('without a way to look, a dropped POST is reported, not repeated', async () => {
    const {client, sandbox} = await setup({faults: {dropAfterWrite: 1}})
    await expect(client.post('/teams', {team: {type: 'team', name: 'Payments'}})).rejects.toThrow(/may have applied it/)
    expect(sandbox.admin.requests().filter((r) => r.method === 'POST')).toHaveLength(1)
    expect(sandbox.admin.state().teams).toHaveLength(1)
  })

  it('a dropped PUT is simply retried (idempotent)', async () => {
    const {client, sandbox} = await setup({seed: {teams: [{id: 'PT1', name: 'Old'}]}, faults: {dropAfterWrite: 1}})
    await client.put('/teams/PT1', {team: {type: 'team', name: 'New'}})
    expect(sandbox.admin.state().teams.map((t) => t.name)).toEqual(['New'])
    expect(sandbox.admin.requests().map((r) => [r.method, r.status])).toEqual([
      ['PUT', null],
      ['PUT', 200],
    ])
  })

  it('creates a user with the From header the spec requires', async () => {
    const {client, sandbox} = await setup({seed: {users: users(1)}})
    await client.post('/users', {user: {type: 'user', name: 'New Person', email: 'new@example.com'}})
    expect(sandbox.admin.state().users.map((u) => u.email)).toContain('new@example.com')
    expect(checkRequestsAgainstSpec(sandbox.admin.requests())).toEqual([])
  })
})
