/**
 * readAccount over loopback HTTP against the sandbox: the result holds the wire objects the
 * mapping needs, the request count matches the documented budget, and every request is valid
 * against the PagerDuty spec (operations, include[] values, headers).
 */
import {afterEach, describe, expect, it} from 'vitest'
import {PagerDutyClient} from '../../src/providers/pagerduty/client/index.js'
import {readAccount} from '../../src/providers/pagerduty/read-account.js'
import {checkRequestsAgainstSpec, startSandbox, type Sandbox, type SeedFile} from '../../src/sandbox/index.js'

let sandbox: Sandbox | undefined
afterEach(async () => {
  await sandbox?.stop()
  sandbox = undefined
})

const ref = (id: string, type: string) => ({id, type})

function seed(extraUsers: number): SeedFile {
  const users = [
    {id: 'PU1', name: 'Aiko Tanaka', email: 'aiko@example.com', time_zone: 'Asia/Tokyo'},
    {id: 'PU2', name: 'Ken Sato', email: 'ken@example.com'},
    ...Array.from({length: extraUsers}, (_, i) => ({name: `Filler ${i}`, email: `filler${i}@example.com`})),
  ]
  return {
    users,
    teams: [
      {id: 'PT1', name: 'Consumer App', description: 'managed', members: [{user: 'PU1', role: 'manager'}, {user: 'PU2', role: 'responder'}]},
      {id: 'PT2', name: 'Search', members: [{user: 'PU2', role: 'observer'}]},
    ],
    schedules: [
      {
        id: 'PS1',
        name: 'Consumer App - Primary',
        time_zone: 'Asia/Tokyo',
        teams: [ref('PT1', 'team_reference')],
        schedule_layers: [
          {
            name: 'Weekly',
            start: '2026-01-05T10:00:00+09:00',
            rotation_virtual_start: '2026-01-05T10:00:00+09:00',
            rotation_turn_length_seconds: 604800,
            users: [{user: ref('PU1', 'user_reference')}, {user: ref('PU2', 'user_reference')}],
            restrictions: [{type: 'daily_restriction', start_time_of_day: '09:00:00', duration_seconds: 32400}],
          },
        ],
      },
    ],
    escalation_policies: [
      {
        id: 'PP1',
        name: 'Consumer App',
        num_loops: 2,
        teams: [ref('PT1', 'team_reference')],
        escalation_rules: [
          {escalation_delay_in_minutes: 15, targets: [ref('PS1', 'schedule_reference')]},
          {escalation_delay_in_minutes: 30, targets: [ref('PU1', 'user_reference')]},
        ],
      },
    ],
    services: [
      {
        id: 'PSV1',
        name: 'Consumer API',
        escalation_policy: ref('PP1', 'escalation_policy_reference'),
        acknowledgement_timeout: 1800,
        auto_resolve_timeout: null,
        incident_urgency_rule: {type: 'constant', urgency: 'high'},
      },
    ],
  }
}

async function start(extraUsers: number): Promise<PagerDutyClient> {
  sandbox = await startSandbox({seed: seed(extraUsers), now: () => Date.UTC(2026, 0, 10)})
  return new PagerDutyClient({baseUrl: sandbox.url, token: sandbox.token})
}

describe('readAccount against the sandbox', () => {
  it('returns the raw wire objects of the whole account', async () => {
    const client = await start(0)
    const account = await readAccount(client)
    expect(account.users.map((u) => u.email).sort()).toEqual(['aiko@example.com', 'ken@example.com'])
    expect(account.teams.map((t) => t.id).sort()).toEqual(['PT1', 'PT2'])
    const members = account.teamMembers.get('PT1')?.map((m) => [m.user.id, m.role]).sort()
    expect(members).toEqual([
      ['PU1', 'manager'],
      ['PU2', 'responder'],
    ])
    const [schedule] = account.schedules
    expect(schedule?.schedule_layers).toHaveLength(1)
    expect(schedule?.schedule_layers[0]?.users.map((u) => u.user.id)).toEqual(['PU1', 'PU2'])
    expect(schedule?.schedule_layers[0]?.restrictions?.[0]).toMatchObject({type: 'daily_restriction', duration_seconds: 32400})
    expect(schedule?.teams?.map((t) => t.id)).toEqual(['PT1'])
    const [policy] = account.escalationPolicies
    expect(policy?.num_loops).toBe(2)
    expect(policy?.escalation_rules.map((r) => r.targets.map((t) => `${t.type}:${t.id}`))).toEqual([
      ['schedule_reference:PS1'],
      ['user_reference:PU1'],
    ])
    expect(account.services[0]).toMatchObject({escalation_policy: {id: 'PP1'}, acknowledgement_timeout: 1800})
    // One page per list (the v3 schedule list included: empty here) and one members call per team.
    expect(client.requestCount).toBe(8)
    expect(checkRequestsAgainstSpec(sandbox?.admin.requests() ?? [])).toEqual([])
  })

  it('stays within the budget for a larger account and reads members only where asked', async () => {
    const client = await start(248)
    const account = await readAccount(client, {membersFor: (team) => team.description === 'managed'})
    expect(account.users).toHaveLength(250)
    expect([...account.teamMembers.keys()]).toEqual(['PT1'])
    // users: 3 pages; teams, schedules, policies, services, v3 schedules: 1 each; members of PT1: 1.
    expect(client.requestCount).toBe(9)
    const paths = sandbox?.admin.requests().map((r) => r.path) ?? []
    expect(paths.filter((p) => p.startsWith('/schedules/'))).toEqual([])
    expect(paths).not.toContain('/teams/PT2/members')
  })
})
