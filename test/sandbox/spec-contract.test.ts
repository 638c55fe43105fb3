import {existsSync, readFileSync} from 'node:fs'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {PD_ROUTES} from '../../src/sandbox/routes/index.js'
import {checkRequestsAgainstSpec, type RequestForCheck} from '../../src/sandbox/spec/index.js'
import {OPERATIONS, subsetSpec} from '../../src/sandbox/spec/subset-core.mjs'
import {createUser, FROM, layer, startClient, type Client} from './helpers.js'

const FULL_SPEC = new URL('../../../shared/pagerduty/openapiv3.json', import.meta.url).pathname
const SUBSET_FILE = new URL('../../src/sandbox/spec/pagerduty-subset.json', import.meta.url).pathname

/** A run shaped like `oncall apply` followed by `oncall plan`: creates, updates, reads with includes. */
async function integrationRun(c: Client): Promise<void> {
  const aiko = await createUser(c, 'Aiko', 'aiko@example.com', {time_zone: 'Asia/Tokyo', role: 'user'})
  const ken = await createUser(c, 'Ken', 'ken@example.com')
  await c.get('/abilities')
  const team = (await c.post('/teams', {team: {type: 'team', name: 'Consumer App', description: 'Mobile'}})).body.team
  await c.put(`/teams/${team.id}/users/${aiko}`, {role: 'manager'})
  await c.put(`/teams/${team.id}/users/${ken}`, {role: 'responder'})
  const schedule = (
    await c.post('/schedules', {
      schedule: {
        type: 'schedule',
        name: 'Primary',
        time_zone: 'Asia/Tokyo',
        teams: [{id: team.id, type: 'team_reference'}],
        schedule_layers: [layer([aiko, ken], {restrictions: [{type: 'daily_restriction', start_time_of_day: '09:00:00', duration_seconds: 32400}]})],
      },
    })
  ).body.schedule
  const layers = schedule.schedule_layers
  await c.put(`/schedules/${schedule.id}`, {
    schedule: {type: 'schedule', name: 'Primary', time_zone: 'Asia/Tokyo', schedule_layers: [...layers.map((l: any) => ({...l, end: '2026-03-02T09:00:00+09:00'})), layer([ken])]},
  })
  const policy = (
    await c.post(
      '/escalation_policies',
      {
        escalation_policy: {
          type: 'escalation_policy',
          name: 'Consumer App',
          num_loops: 2,
          on_call_handoff_notifications: 'if_has_services',
          escalation_rules: [
            {escalation_delay_in_minutes: 15, targets: [{id: schedule.id, type: 'schedule_reference'}]},
            {escalation_delay_in_minutes: 30, targets: [{id: aiko, type: 'user_reference'}]},
          ],
          teams: [{id: team.id, type: 'team_reference'}],
        },
      },
      FROM,
    )
  ).body.escalation_policy
  await c.post('/services', {
    service: {
      type: 'service',
      name: 'Consumer API',
      escalation_policy: {id: policy.id, type: 'escalation_policy_reference'},
      acknowledgement_timeout: 1800,
      auto_resolve_timeout: 14400,
      incident_urgency_rule: {type: 'constant', urgency: 'high'},
      alert_grouping_parameters: {type: 'time', config: {timeout: 10}},
    },
  })
  await c.put(`/escalation_policies/${policy.id}`, {escalation_policy: {type: 'escalation_policy', name: 'Consumer App', escalation_rules: policy.escalation_rules}})
  for (const path of [
    '/users?limit=100&offset=0&total=true&include[]=teams',
    `/teams/${team.id}/members?limit=100&include[]=users`,
    '/schedules?limit=100&include[]=schedule_layers&query=Primary',
    `/schedules/${schedule.id}?since=2026-03-02T00:00:00Z&until=2026-03-30T00:00:00Z&time_zone=Asia/Tokyo`,
    '/escalation_policies?limit=100&include[]=teams&include[]=targets',
    '/services?limit=100&include[]=escalation_policies&include[]=teams',
    `/oncalls?escalation_policy_ids[]=${policy.id}&since=2026-03-02T00:00:00Z&until=2026-03-03T00:00:00Z`,
  ]) {
    const r = await c.get(path)
    if (r.status !== 200) throw new Error(`${path}: ${r.status} ${JSON.stringify(r.body)}`)
  }
}

describe('spec contract', () => {
  let c: Client
  beforeAll(async () => {
    c = await startClient()
  })
  afterAll(async () => {
    await c.sandbox.stop()
  })

  it('an integration-style run sends only requests the PagerDuty spec allows', async () => {
    await integrationRun(c)
    const log = c.sandbox.admin.requests()
    expect(log.length).toBeGreaterThan(15)
    expect(log.every((r) => r.status !== null && r.status < 300)).toBe(true)
    expect(checkRequestsAgainstSpec(log)).toEqual([])
  })

  it('reports every kind of mismatch', () => {
    const ok = {headers: {accept: 'application/vnd.pagerduty+json;version=2'}, hasAuthorization: true, query: {}, body: null}
    const log: RequestForCheck[] = [
      {...ok, method: 'GET', path: '/incidents_of_doom'},
      {...ok, method: 'GET', path: '/users', hasAuthorization: false},
      {...ok, method: 'POST', path: '/users', headers: {...ok.headers, 'content-type': 'application/json'}, body: {user: {type: 'user', name: 'A', email: 'a@example.com'}}},
      {...ok, method: 'GET', path: '/schedules', query: {'include[]': ['schedule_layer']}},
      {...ok, method: 'GET', path: '/users', query: {includes: 'teams'}},
      {...ok, method: 'POST', path: '/teams', headers: {...ok.headers, 'content-type': 'application/json'}, body: {team: {type: 'team'}}},
      {...ok, method: 'GET', path: '/users', headers: {}},
    ]
    const problems = checkRequestsAgainstSpec(log).map((m) => `${m.index} ${m.problem}`)
    expect(problems).toEqual([
      '0 no such operation in the PagerDuty spec subset',
      '1 missing Authorization header',
      '2 missing required header From',
      '3 query parameter include[]=schedule_layer is not one of schedule_layers, overrides_subschedule, final_schedule',
      '4 query parameter includes is not defined for GET /users',
      "5 body: team must have required property 'name'",
      '6 missing required header Accept',
    ])
  })

  it('a partial PUT passes the check (PD documents partial updates)', () => {
    const put = {
      method: 'PUT',
      path: '/schedules/PABC123',
      headers: {accept: 'application/json', 'content-type': 'application/json'},
      hasAuthorization: true,
      query: {},
      body: {schedule: {name: 'Renamed'}},
    }
    expect(checkRequestsAgainstSpec([put])).toEqual([])
  })
})

describe('committed spec subset', () => {
  it('covers exactly the operations the sandbox serves and matches the full spec when it is available', () => {
    const served = PD_ROUTES.map((r) => `${r.method} ${r.template}`).sort()
    const listed = OPERATIONS.map(([m, p]) => `${m.toUpperCase()} ${p}`).sort()
    expect(served).toEqual(listed)
    const committed = JSON.parse(readFileSync(SUBSET_FILE, 'utf8'))
    expect(Object.keys(committed.paths).length).toBeGreaterThan(10)
    // The 2.7 MB spec is never committed; where the shared copy exists, regenerate and compare.
    if (existsSync(FULL_SPEC)) {
      expect(committed).toEqual(subsetSpec(JSON.parse(readFileSync(FULL_SPEC, 'utf8'))))
    }
  })
})
