import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {checkRequestsAgainstSpec} from '../../src/sandbox/index.js'
import {createPolicy, createSchedule, createUser, layer, startClient, type Client} from './helpers.js'

/**
 * Fields PagerDuty documents as nullable although the spec types them as plain values: "Any field
 * may be null unless it is required" (DevDocs 06-Types). Terraform sends them (notes §3.3, §3.6).
 */
let c: Client & {clock: {now: number}}
let aiko: string
let policyId: string
beforeEach(async () => {
  c = await startClient()
  aiko = await createUser(c, 'Aiko', 'aiko@example.com')
  policyId = (await createPolicy(c, 'EP', [{id: aiko, type: 'user_reference'}])).id
})
afterEach(async () => {
  await c.sandbox.stop()
})

const service = (extra: Record<string, unknown>) => ({
  service: {type: 'service', name: 'Checkout', escalation_policy: {id: policyId, type: 'escalation_policy_reference'}, ...extra},
})

describe('nullable fields', () => {
  it('POST /schedules accepts a layer with end: null (never ends)', async () => {
    const r = await c.post('/schedules', {schedule: {type: 'schedule', name: 'S', time_zone: 'UTC', schedule_layers: [layer([aiko], {end: null})]}})
    expect(r.status).toBe(201)
    expect(r.body.schedule.schedule_layers[0].end).toBeNull()
  })

  it('PUT /schedules/{id} with end: null clears a layer end date, and the layer renders past it', async () => {
    const s = await createSchedule(c, 'S', [layer([aiko], {end: '2026-03-10T00:00:00Z'})])
    const id = s.schedule_layers[0].id
    expect(s.schedule_layers[0].end).toBe('2026-03-10T09:00:00+09:00')
    const r = await c.put(`/schedules/${s.id}`, {schedule: {schedule_layers: [{...s.schedule_layers[0], end: null}]}})
    expect(r.status).toBe(200)
    expect(r.body.schedule.schedule_layers).toHaveLength(1)
    expect(r.body.schedule.schedule_layers[0]).toMatchObject({id, end: null})
    const later = await c.get(`/schedules/${s.id}?since=2026-03-20T00:00:00Z&until=2026-03-21T00:00:00Z&time_zone=UTC`)
    expect(later.body.schedule.final_schedule.rendered_schedule_entries.map((e: any) => e.user.id)).toEqual([aiko])
  })

  it('services store and return null acknowledgement_timeout and auto_resolve_timeout (disabled)', async () => {
    const r = await c.post('/services', service({acknowledgement_timeout: null, auto_resolve_timeout: null}))
    expect(r.status).toBe(201)
    expect(r.body.service).toMatchObject({acknowledgement_timeout: null, auto_resolve_timeout: null})
    const got = (await c.get(`/services/${r.body.service.id}`)).body.service
    expect(got).toMatchObject({acknowledgement_timeout: null, auto_resolve_timeout: null})
  })

  it('a PUT sets timeouts back to null after they had values', async () => {
    const created = (await c.post('/services', service({acknowledgement_timeout: 600, auto_resolve_timeout: 3600}))).body.service
    expect(created).toMatchObject({acknowledgement_timeout: 600, auto_resolve_timeout: 3600})
    const r = await c.put(`/services/${created.id}`, {service: {acknowledgement_timeout: null, auto_resolve_timeout: null}})
    expect(r.status).toBe(200)
    expect(r.body.service).toMatchObject({acknowledgement_timeout: null, auto_resolve_timeout: null})
  })

  it('accepts support_hours: null on POST and PUT', async () => {
    const hours = {type: 'fixed_time_per_day', time_zone: 'Asia/Tokyo', days_of_week: [1, 2, 3, 4, 5], start_time: '09:00:00', end_time: '17:00:00'}
    const created = await c.post('/services', service({support_hours: null}))
    expect(created.status).toBe(201)
    expect(created.body.service.support_hours).toBeNull()
    const withHours = await c.put(`/services/${created.body.service.id}`, {service: {support_hours: hours}})
    expect(withHours.body.service.support_hours).toEqual(hours)
    const cleared = await c.put(`/services/${created.body.service.id}`, {service: {support_hours: null}})
    expect(cleared.status).toBe(200)
    expect(cleared.body.service.support_hours).toBeNull()
  })

  it('still rejects null for required fields and a wrongly typed support_hours', async () => {
    const noPolicy = await c.post('/services', service({escalation_policy: null}))
    expect(noPolicy.status).toBe(400)
    const badHours = await c.post('/services', service({support_hours: 'weekdays'}))
    expect(badHours.status).toBe(400)
    const noStart = await c.post('/schedules', {schedule: {type: 'schedule', name: 'S', time_zone: 'UTC', schedule_layers: [layer([aiko], {start: null})]}})
    expect(noStart.status).toBe(400)
  })

  it('the spec-contract check accepts the nulls too', async () => {
    await c.post('/services', service({acknowledgement_timeout: null, auto_resolve_timeout: null, support_hours: null}))
    await c.post('/schedules', {schedule: {type: 'schedule', name: 'S', time_zone: 'UTC', schedule_layers: [layer([aiko], {end: null})]}})
    const log = c.sandbox.admin.requests()
    expect(log.every((r) => r.status !== null && r.status < 300)).toBe(true)
    expect(checkRequestsAgainstSpec(log)).toEqual([])
  })
})
