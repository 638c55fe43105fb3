import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {createPolicy, createSchedule, createUser, layer, startClient, type Client} from './helpers.js'

let c: Client
let aiko: string
let teamId: string
beforeEach(async () => {
  c = await startClient()
  aiko = await createUser(c, 'Aiko', 'aiko@example.com')
  teamId = (await c.post('/teams', {team: {type: 'team', name: 'Ops'}})).body.team.id
})
afterEach(async () => {
  await c.sandbox.stop()
})

async function createService(name: string, policyId: string, extra: Record<string, unknown> = {}) {
  return c.post('/services', {service: {type: 'service', name, escalation_policy: {id: policyId, type: 'escalation_policy_reference'}, ...extra}})
}

describe('escalation policies', () => {
  it('creates a policy with rule ids and target references; include[]=targets,teams expands them', async () => {
    const s = await createSchedule(c, 'Primary', [layer([aiko])])
    const p = await createPolicy(c, 'Ops EP', [{id: s.id, type: 'schedule_reference'}, {id: aiko, type: 'user_reference'}], {
      teams: [{id: teamId, type: 'team_reference'}],
      num_loops: 2,
    })
    expect(p).toMatchObject({type: 'escalation_policy', name: 'Ops EP', num_loops: 2, on_call_handoff_notifications: 'if_has_services'})
    expect(p.escalation_rules[0].id).toMatch(/^P[A-Z0-9]{6}$/)
    expect(p.escalation_rules[0].targets.map((t: any) => t.type)).toEqual(['schedule_reference', 'user_reference'])
    const full = (await c.get(`/escalation_policies?include[]=targets&include[]=teams`)).body.escalation_policies[0]
    expect(full.escalation_rules[0].targets.map((t: any) => t.type)).toEqual(['schedule', 'user'])
    expect(full.teams[0]).toMatchObject({type: 'team', name: 'Ops'})
    expect((await c.get(`/escalation_policies?team_ids[]=${teamId}`)).body.escalation_policies).toHaveLength(1)
  })

  it('accepts escalation_rule_assignment_strategy as an object (spec types it as a string)', async () => {
    const r = await c.post('/escalation_policies', {
      escalation_policy: {
        type: 'escalation_policy',
        name: 'RR',
        escalation_rules: [{escalation_delay_in_minutes: 5, targets: [{id: aiko, type: 'user_reference'}], escalation_rule_assignment_strategy: {type: 'round_robin'}}],
      },
    })
    expect(r.status).toBe(201)
    expect(r.body.escalation_policy.escalation_rules[0].escalation_rule_assignment_strategy).toEqual({type: 'round_robin'})
  })

  it('keeps names unique case-insensitively (400 "Name has already been taken", code 2001)', async () => {
    await createPolicy(c, 'Ops EP', [{id: aiko, type: 'user_reference'}])
    const r = await c.post('/escalation_policies', {
      escalation_policy: {type: 'escalation_policy', name: 'OPS ep', escalation_rules: [{escalation_delay_in_minutes: 30, targets: [{id: aiko, type: 'user_reference'}]}]},
    })
    expect(r.status).toBe(400)
    expect(r.body.error).toEqual({message: 'Invalid Input Provided', code: 2001, errors: ['Name has already been taken']})
  })

  it('rejects a policy with more than one team and targets that do not exist', async () => {
    const other = (await c.post('/teams', {team: {type: 'team', name: 'Other'}})).body.team.id
    const twoTeams = c.post('/escalation_policies', {
      escalation_policy: {
        type: 'escalation_policy',
        name: 'X',
        escalation_rules: [{escalation_delay_in_minutes: 5, targets: [{id: aiko, type: 'user_reference'}]}],
        teams: [{id: teamId, type: 'team_reference'}, {id: other, type: 'team_reference'}],
      },
    })
    expect((await twoTeams).status).toBe(400)
    const r = await c.post('/escalation_policies', {
      escalation_policy: {type: 'escalation_policy', name: 'Y', escalation_rules: [{escalation_delay_in_minutes: 5, targets: [{id: 'PNOPE00', type: 'user_reference'}]}]},
    })
    expect(r.status).toBe(400)
  })

  it('refuses to delete a policy used by a service', async () => {
    const p = await createPolicy(c, 'EP', [{id: aiko, type: 'user_reference'}])
    const s = (await createService('API', p.id)).body.service
    const r = await c.del(`/escalation_policies/${p.id}`)
    expect(r.status).toBe(400)
    expect(r.body.error.code).toBe(2001)
    expect((await c.get(`/escalation_policies/${p.id}`)).body.escalation_policy.services.map((x: any) => x.id)).toEqual([s.id])
  })
})

describe('services', () => {
  it('returns auto_pause_notifications_parameters only with include[]=auto_pause_notifications_parameters, like PagerDuty', async () => {
    const p = await createPolicy(c, 'EP', [{id: aiko, type: 'user_reference'}])
    const created = (await createService('API', p.id, {auto_pause_notifications_parameters: {enabled: true, timeout: 300}})).body.service
    expect(created).not.toHaveProperty('auto_pause_notifications_parameters')
    expect((await c.get('/services')).body.services[0]).not.toHaveProperty('auto_pause_notifications_parameters')
    expect((await c.get(`/services/${created.id}`)).body.service).not.toHaveProperty('auto_pause_notifications_parameters')
    const asked = '?include[]=auto_pause_notifications_parameters'
    expect((await c.get(`/services${asked}`)).body.services[0].auto_pause_notifications_parameters).toEqual({enabled: true, timeout: 300})
    expect((await c.get(`/services/${created.id}${asked}`)).body.service.auto_pause_notifications_parameters).toEqual({enabled: true, timeout: 300})
  })

  it('keeps what a PUT does not name (partial update): scheduled actions, auto-pause, status, response play', async () => {
    const p = await createPolicy(c, 'EP', [{id: aiko, type: 'user_reference'}])
    const created = (
      await createService('API', p.id, {
        incident_urgency_rule: {type: 'use_support_hours', during_support_hours: {type: 'constant', urgency: 'high'}, outside_support_hours: {type: 'constant', urgency: 'low'}},
        support_hours: {type: 'fixed_time_per_day', time_zone: 'Asia/Tokyo', days_of_week: [1, 2, 3, 4, 5], start_time: '09:00:00', end_time: '18:00:00'},
        scheduled_actions: [{type: 'urgency_change', at: {type: 'named_time', name: 'support_hours_start'}, to_urgency: 'high'}],
        auto_pause_notifications_parameters: {enabled: true, timeout: 600},
        response_play: {id: 'PRP1', type: 'response_play_reference'},
      })
    ).body.service
    await c.put(`/services/${created.id}`, {service: {type: 'service', status: 'maintenance'}})
    const asked = '?include[]=auto_pause_notifications_parameters'
    const before = (await c.get(`/services/${created.id}${asked}`)).body.service
    expect(before.status).toBe('maintenance')
    expect((await c.put(`/services/${created.id}`, {service: {type: 'service', acknowledgement_timeout: 600}})).status).toBe(200)
    const after = (await c.get(`/services/${created.id}${asked}`)).body.service
    expect(after).toEqual({...before, acknowledgement_timeout: 600})
  })

  it('fills defaults: active, ack 1800, auto-resolve disabled when unset, constant high urgency', async () => {
    const p = await createPolicy(c, 'EP', [{id: aiko, type: 'user_reference'}])
    const r = await createService('Consumer API', p.id)
    expect(r.status).toBe(201)
    expect(r.body.service).toMatchObject({
      type: 'service',
      name: 'Consumer API',
      status: 'active',
      acknowledgement_timeout: 1800,
      auto_resolve_timeout: null,
      incident_urgency_rule: {type: 'constant', urgency: 'high'},
      support_hours: null,
      scheduled_actions: [],
      alert_creation: 'create_alerts_and_incidents',
      teams: [],
    })
    expect(r.body.service.created_at).toBe('2026-03-02T00:00:00Z')
  })

  it('echoes alert grouping and support hours, and takes its team from the escalation policy', async () => {
    const p = await createPolicy(c, 'EP', [{id: aiko, type: 'user_reference'}], {teams: [{id: teamId, type: 'team_reference'}]})
    const support = {type: 'fixed_time_per_day', time_zone: 'Asia/Tokyo', days_of_week: [1, 2, 3, 4, 5], start_time: '09:00:00', end_time: '18:00:00'}
    const urgency = {type: 'use_support_hours', during_support_hours: {type: 'constant', urgency: 'high'}, outside_support_hours: {type: 'constant', urgency: 'low'}}
    const grouping = {type: 'content_based', config: {aggregate: 'all', fields: ['source'], time_window: 300}}
    const r = await createService('API', p.id, {
      support_hours: support,
      incident_urgency_rule: urgency,
      alert_grouping_parameters: grouping,
      auto_resolve_timeout: 14400,
      // Service.teams is readOnly: ignored.
      teams: [{id: 'PIGNORE', type: 'team_reference'}],
    })
    expect(r.body.error).toBeUndefined()
    expect(r.body.service).toMatchObject({support_hours: support, incident_urgency_rule: urgency, alert_grouping_parameters: grouping, auto_resolve_timeout: 14400})
    expect(r.body.service.teams.map((t: any) => t.id)).toEqual([teamId])
    const withIncludes = (await c.get('/services?include[]=escalation_policies&include[]=teams')).body.services[0]
    expect(withIncludes.escalation_policy).toMatchObject({type: 'escalation_policy', name: 'EP'})
    expect(withIncludes.teams[0]).toMatchObject({type: 'team', name: 'Ops'})
    expect((await c.get(`/services?team_ids[]=${teamId}`)).body.services).toHaveLength(1)
  })

  it('accepts time-based grouping (spec oneOf would reject it) and partial PUTs', async () => {
    const p = await createPolicy(c, 'EP', [{id: aiko, type: 'user_reference'}])
    const s = (await createService('API', p.id, {alert_grouping_parameters: {type: 'time', config: {timeout: 10}}})).body.service
    expect(s.alert_grouping_parameters).toEqual({type: 'time', config: {timeout: 10}})
    const put = await c.put(`/services/${s.id}`, {service: {description: 'Public API', acknowledgement_timeout: null}})
    expect(put.status).toBe(200)
    expect(put.body.service).toMatchObject({name: 'API', description: 'Public API', acknowledgement_timeout: null})
  })

  it('keeps service names unique and needs an existing escalation policy', async () => {
    const p = await createPolicy(c, 'EP', [{id: aiko, type: 'user_reference'}])
    await createService('API', p.id)
    const dup = await createService('api', p.id)
    expect(dup.status).toBe(400)
    expect(dup.body.error.errors).toEqual(['Name has already been taken'])
    expect((await createService('Other', 'PNOPE00')).status).toBe(400)
    const missing = await c.post('/services', {service: {type: 'service', name: 'No EP'}})
    expect(missing.body.error.errors.join()).toContain("must have required property 'escalation_policy'")
  })
})
