import {afterEach, describe, expect, it} from 'vitest'
import {PagerDutyClient} from '../../src/providers/pagerduty/client/index.js'
import {readAccount} from '../../src/providers/pagerduty/read-account.js'
import {fakeTime, startScriptedServer, type ScriptedServer} from './scripted-server.js'

let server: ScriptedServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

const ref = (id: string, type: string) => ({id, type, summary: id})

/** Canned lists keyed by path, paginated like PagerDuty. */
const lists: Record<string, {key: string; items: unknown[]}> = {
  '/users': {
    key: 'users',
    items: Array.from({length: 130}, (_, i) => ({id: `U${i}`, type: 'user', name: `User ${i}`, email: `u${i}@example.com`})),
  },
  '/teams': {
    key: 'teams',
    items: [
      {id: 'T1', type: 'team', name: 'Payments', description: 'managed-by: oncall/x'},
      {id: 'T2', type: 'team', name: 'Search', description: null},
    ],
  },
  '/teams/T1/members': {key: 'members', items: [{user: ref('U1', 'user_reference'), role: 'manager'}]},
  '/teams/T2/members': {key: 'members', items: [{user: ref('U2', 'user_reference'), role: 'responder'}]},
  '/schedules': {
    key: 'schedules',
    items: [
      {
        id: 'S1',
        type: 'schedule',
        name: 'Primary',
        time_zone: 'Asia/Tokyo',
        schedule_layers: [
          {
            id: 'L1',
            start: '2026-01-05T10:00:00+09:00',
            end: null,
            rotation_virtual_start: '2026-01-05T10:00:00+09:00',
            rotation_turn_length_seconds: 604800,
            users: [{user: ref('U1', 'user_reference')}],
            restrictions: [],
          },
        ],
        teams: [ref('T1', 'team_reference')],
      },
    ],
  },
  '/escalation_policies': {
    key: 'escalation_policies',
    items: [
      {
        id: 'P1',
        type: 'escalation_policy',
        name: 'Payments',
        num_loops: 0,
        escalation_rules: [{escalation_delay_in_minutes: 15, targets: [ref('S1', 'schedule_reference')]}],
      },
    ],
  },
  '/services': {key: 'services', items: [{id: 'SV1', type: 'service', name: 'API', escalation_policy: ref('P1', 'escalation_policy_reference')}]},
}

async function start(): Promise<PagerDutyClient> {
  server = await startScriptedServer((req) => {
    const url = new URL(req.url, 'http://x')
    const list = lists[url.pathname]
    if (!list || req.method !== 'GET') return {status: 404, body: {error: {message: 'Not Found', code: 2100}}}
    const limit = Number(url.searchParams.get('limit') ?? 25)
    const offset = Number(url.searchParams.get('offset') ?? 0)
    return {
      status: 200,
      body: {
        [list.key]: list.items.slice(offset, offset + limit),
        limit,
        offset,
        more: offset + limit < list.items.length,
        total: url.searchParams.get('total') === 'true' ? list.items.length : null,
      },
    }
  })
  const time = fakeTime()
  return new PagerDutyClient({baseUrl: server.url, token: 'tok12345', sleep: time.sleep, now: time.now})
}

describe('readAccount', () => {
  it('reads every list once, with layers inline and members per team', async () => {
    const client = await start()
    const account = await readAccount(client)
    expect(account.users).toHaveLength(130)
    expect(account.teams.map((t) => t.id)).toEqual(['T1', 'T2'])
    expect([...account.teamMembers.keys()]).toEqual(['T1', 'T2'])
    expect(account.teamMembers.get('T1')).toEqual([{user: ref('U1', 'user_reference'), role: 'manager'}])
    expect(account.schedules[0]?.schedule_layers[0]?.rotation_turn_length_seconds).toBe(604800)
    expect(account.escalationPolicies[0]?.escalation_rules[0]?.targets[0]?.id).toBe('S1')
    expect(account.services[0]?.escalation_policy.id).toBe('P1')
    // users: 2 pages; teams, 2 member lists, schedules, policies, services: 1 each; the v3 schedule
    // list: 1 (this server has no /v3: its 404 reads as no shift-based schedules).
    expect(client.requestCount).toBe(9)
    expect(account.v3Schedules).toEqual([])
    const paths = server?.requests.map((r) => r.url) ?? []
    expect(paths).toContain('/schedules?include[]=schedule_layers&limit=100&offset=0&total=true')
    expect(paths.filter((p) => p.startsWith('/schedules/'))).toEqual([])
  })

  it('reads members only for the teams asked for', async () => {
    const client = await start()
    const account = await readAccount(client, {membersFor: (team) => team.description?.startsWith('managed-by:') === true})
    expect([...account.teamMembers.keys()]).toEqual(['T1'])
    expect(server?.requests.some((r) => r.url.startsWith('/teams/T2/members'))).toBe(false)
    expect(client.requestCount).toBe(8)
  })
})
