import {afterAll, beforeAll, beforeEach, describe, expect, it} from 'vitest'
import {checkRequestsAgainstSpec} from '../../src/sandbox/spec/index.js'
import {createUser, FROM, startClient, T0, type Client} from './helpers.js'

/** Shift-based schedules (REST v3): wire format and the rules the spec documents. T0 = Mon 2026-03-02 00:00Z. */
let c: Client & {clock: {now: number}}
let aiko: string
let ken: string
let mia: string

const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z')
const DAY = 86_400_000

function weekly(members: string[], over: Record<string, unknown> = {}) {
  return {
    event: {
      name: 'Weekly',
      start_time: {date_time: '2026-03-02T09:00:00Z', time_zone: 'UTC'},
      end_time: {date_time: '2026-03-09T09:00:00Z', time_zone: 'UTC'},
      effective_since: '2026-03-02T09:00:00Z',
      recurrence: ['RRULE:FREQ=WEEKLY'],
      assignment_strategy: {type: 'rotating_member_assignment_strategy', shifts_per_member: 1, members: members.map((user_id) => ({type: 'user_member', user_id}))},
      ...over,
    },
  }
}

async function schedule(name = 'Core'): Promise<string> {
  const r = await c.post('/v3/schedules', {schedule: {name, time_zone: 'UTC'}})
  expect(r.status).toBe(201)
  return r.body.schedule.id
}

async function rotation(sid: string): Promise<string> {
  const r = await c.post(`/v3/schedules/${sid}/rotations`, {})
  expect(r.status).toBe(201)
  return r.body.rotation.id
}

beforeAll(async () => {
  c = await startClient()
  aiko = await createUser(c, 'Aiko', 'aiko@example.com')
  ken = await createUser(c, 'Ken', 'ken@example.com')
  mia = await createUser(c, 'Mia', 'mia@example.com')
})
afterAll(async () => {
  await c.sandbox.stop()
})
beforeEach(() => {
  c.clock.now = T0
})

describe('v3 schedules: metadata only', () => {
  it('POST creates a schedule_v3 with no rotations; rotations or escalation_policies in the body are a 400 in the v3 error envelope', async () => {
    const r = await c.post('/v3/schedules', {schedule: {name: 'Payments', time_zone: 'Europe/Berlin', description: 'pay'}})
    expect(r.status).toBe(201)
    expect(r.body.schedule).toMatchObject({type: 'schedule_v3', name: 'Payments', time_zone: 'Europe/Berlin', description: 'pay', rotations: [], escalation_policies: []})
    expect(r.body.schedule.self).toMatch(/\/v3\/schedules\/P[A-Z0-9]{6}$/)
    for (const key of ['rotations', 'escalation_policies']) {
      const bad = await c.post('/v3/schedules', {schedule: {name: 'X', time_zone: 'UTC', [key]: []}})
      expect(bad.status).toBe(400)
      expect(bad.body.error.code).toBe(2001)
      expect(Object.keys(bad.body.error.errors)).toEqual([`schedule.${key}`])
    }
    const put = await c.put(`/v3/schedules/${r.body.schedule.id}`, {schedule: {rotations: []}})
    expect(put.status).toBe(400)
    // Partial PUT: only the fields sent change.
    const renamed = await c.put(`/v3/schedules/${r.body.schedule.id}`, {schedule: {name: 'Payments EU'}})
    expect(renamed.body.schedule).toMatchObject({name: 'Payments EU', time_zone: 'Europe/Berlin', description: 'pay'})
    const missingZone = await c.post('/v3/schedules', {schedule: {name: 'No zone'}})
    expect(missingZone.status).toBe(400)
    expect(missingZone.body.error.errors.request.join(' ')).toMatch(/time_zone/)
  })

  it('GET /v3/schedules lists references (schedule_v3_reference), 100 per page by default, no total', async () => {
    await schedule('Zeta')
    const r = await c.get('/v3/schedules?query=zeta')
    expect(r.status).toBe(200)
    expect(r.body.schedules).toHaveLength(1)
    expect(r.body.schedules[0]).toMatchObject({type: 'schedule_v3_reference', summary: 'Zeta'})
    expect(r.body).toMatchObject({limit: 100, offset: 0, more: false})
    expect(r.body.total).toBeUndefined()
    expect((await c.get('/v3/schedules?limit=1001')).status).toBe(400)
  })
})

describe('v3 rotations and events', () => {
  it('a rotation is created from an empty body only', async () => {
    const sid = await schedule()
    expect((await c.post(`/v3/schedules/${sid}/rotations`, {rotation: {name: 'x'}})).status).toBe(400)
    const r = await c.call('POST', `/v3/schedules/${sid}/rotations`)
    expect(r.status).toBe(201)
    expect(r.body.rotation).toMatchObject({type: 'schedule_rotation', events: []})
  })

  it('an event: effective_since in the past is clamped to now; more than 12 months ahead, unknown users, bad RRULEs and missing shifts_per_member are 400', async () => {
    const sid = await schedule()
    const rid = await rotation(sid)
    c.clock.now = T0 + 3 * DAY
    const ok = await c.post(`/v3/schedules/${sid}/rotations/${rid}/events`, weekly([aiko, ken]))
    expect(ok.status).toBe(201)
    expect(ok.body.event).toMatchObject({type: 'schedule_event', effective_since: iso(T0 + 3 * DAY), effective_until: null, recurrence: ['RRULE:FREQ=WEEKLY']})
    expect(ok.body.event.assignment_strategy).toEqual({type: 'rotating_member_assignment_strategy', shifts_per_member: 1, members: [{type: 'user_member', user_id: aiko}, {type: 'user_member', user_id: ken}]})
    const rid2 = await rotation(sid)
    const post = (body: unknown) => c.post(`/v3/schedules/${sid}/rotations/${rid2}/events`, body)
    const far = await post(weekly([aiko], {effective_since: '2027-06-01T00:00:00Z'}))
    expect(far.status).toBe(400)
    expect(far.body.error.errors).toEqual({'event.effective_since': ['Date cannot be more than 12 months in the future']})
    expect((await post(weekly(['PNOBODY']))).body.error.errors).toHaveProperty(['event.assignment_strategy.members[0]'])
    expect((await post(weekly([aiko], {recurrence: ['RRULE:FREQ=WEEKLY', 'RRULE:FREQ=DAILY']}))).body.error.errors['event.recurrence'][0]).toMatch(/exactly one RRULE/)
    expect((await post(weekly([aiko], {recurrence: ['RRULE:FREQ=WEEKLY;BYDAY=XY']}))).status).toBe(400)
    expect((await post(weekly([aiko], {assignment_strategy: {type: 'rotating_member_assignment_strategy', members: [{type: 'user_member', user_id: aiko}]}}))).status).toBe(400)
    const ended = await post(weekly([aiko], {effective_until: '2026-03-01T00:00:00Z'}))
    expect(ended.body.error.errors).toHaveProperty(['event.effective_until'])
  })

  it('at most 5 events per rotation, and events of a rotation may not overlap', async () => {
    const sid = await schedule()
    const rid = await rotation(sid)
    const post = (body: unknown) => c.post(`/v3/schedules/${sid}/rotations/${rid}/events`, body)
    const day = (d: string) =>
      weekly([aiko], {
        name: d,
        start_time: {date_time: '2026-03-02T09:00:00Z', time_zone: 'UTC'},
        end_time: {date_time: '2026-03-02T17:00:00Z', time_zone: 'UTC'},
        recurrence: [`RRULE:FREQ=WEEKLY;BYDAY=${d}`],
      })
    for (const d of ['MO', 'TU', 'WE', 'TH', 'FR']) expect((await post(day(d))).status).toBe(201)
    const sixth = await post(day('SA'))
    expect(sixth.status).toBe(400)
    expect(sixth.body.error.errors).toHaveProperty(['rotation.events'])
    const rid2 = await rotation(sid)
    expect((await c.post(`/v3/schedules/${sid}/rotations/${rid2}/events`, day('MO'))).status).toBe(201)
    const clash = await c.post(`/v3/schedules/${sid}/rotations/${rid2}/events`, weekly([ken], {name: 'daily', recurrence: ['RRULE:FREQ=DAILY'], end_time: {date_time: '2026-03-02T10:00:00Z', time_zone: 'UTC'}}))
    expect(clash.status).toBe(400)
    expect(clash.body.error.errors.event[0]).toMatch(/cannot overlap/)
    const list = await c.get(`/v3/schedules/${sid}/rotations/${rid}/events`)
    expect(list.body.events.map((e: any) => e.name)).toHaveLength(5)
    expect(list.body).toMatchObject({limit: 25, offset: 0, more: false})
  })

  it('updates follow the event phase: future → any field, active → only effective_until, past → nothing', async () => {
    const sid = await schedule()
    const rid = await rotation(sid)
    const future = (await c.post(`/v3/schedules/${sid}/rotations/${rid}/events`, weekly([aiko], {effective_since: '2026-03-09T09:00:00Z'}))).body.event
    const path = `/v3/schedules/${sid}/rotations/${rid}/events/${future.id}`
    const renamed = await c.put(path, {event: {name: 'Renamed', assignment_strategy: {type: 'every_member_assignment_strategy', members: [{type: 'user_member', user_id: ken}]}}})
    expect(renamed.status).toBe(200)
    expect(renamed.body.event).toMatchObject({name: 'Renamed', assignment_strategy: {type: 'every_member_assignment_strategy'}})
    c.clock.now = Date.parse('2026-03-10T00:00:00Z')
    const refused = await c.put(path, {event: {name: 'Again'}})
    expect(refused.status).toBe(400)
    expect(refused.body.error.errors).toHaveProperty(['event.name'])
    const end = await c.put(path, {event: {effective_until: '2026-03-16T09:00:00Z'}})
    expect(end.body.event.effective_until).toBe('2026-03-16T09:00:00Z')
    c.clock.now = Date.parse('2026-03-20T00:00:00Z')
    expect((await c.put(path, {event: {effective_until: '2026-03-30T09:00:00Z'}})).status).toBe(400)
  })

  it('deleting a rotation keeps its past shifts in the final schedule and ends the active event now', async () => {
    const sid = await schedule()
    const rid = await rotation(sid)
    await c.post(`/v3/schedules/${sid}/rotations/${rid}/events`, weekly([aiko, ken]))
    c.clock.now = Date.parse('2026-03-12T00:00:00Z')
    expect((await c.del(`/v3/schedules/${sid}/rotations/${rid}`)).status).toBe(204)
    expect((await c.get(`/v3/schedules/${sid}/rotations/${rid}`)).status).toBe(404)
    const got = await c.get(`/v3/schedules/${sid}?include[]=final_schedule&since=2026-03-02T00:00:00Z&until=2026-03-30T00:00:00Z`)
    expect(got.body.schedule.rotations).toEqual([])
    const shifts = got.body.schedule.final_schedule.computed_shift_assignments.map((a: any) => [a.member.user_id, a.start_time, a.end_time])
    expect(shifts).toEqual([
      [aiko, '2026-03-02T09:00:00Z', '2026-03-09T09:00:00Z'],
      [ken, '2026-03-09T09:00:00Z', '2026-03-12T00:00:00Z'],
    ])
  })
})

describe('v3 custom shifts, overrides and the final schedule', () => {
  it('computes rotations, custom shifts and overrides; override create is wrapped in `overrides`, get in `override`', async () => {
    const sid = await schedule()
    const rid = await rotation(sid)
    await c.post(`/v3/schedules/${sid}/rotations/${rid}/events`, weekly([aiko, ken]))
    const custom = await c.post(`/v3/schedules/${sid}/custom_shifts`, {
      custom_shifts: [{type: 'custom_shift', start_time: '2026-03-04T12:00:00Z', end_time: '2026-03-04T18:00:00Z', assignments: [{type: 'shift_assignment', member: {type: 'user_member', user_id: mia}}]}],
    })
    expect(custom.status).toBe(201)
    expect(custom.body.custom_shifts[0]).toMatchObject({type: 'custom_shift', start_time: '2026-03-04T12:00:00Z', assignments: [{type: 'shift_assignment', member: {type: 'user_member', user_id: mia}}]})
    const both = await c.post(`/v3/schedules/${sid}/overrides`, {
      overrides: [
        {type: 'override_shift', rotation_id: rid, custom_shift_id: custom.body.custom_shifts[0].id, start_time: '2026-03-10T00:00:00Z', end_time: '2026-03-11T00:00:00Z', overridden_member: {type: 'user_member', user_id: ken}, overriding_member: {type: 'user_member', user_id: mia}},
      ],
    })
    expect(both.status).toBe(400)
    const neither = await c.post(`/v3/schedules/${sid}/overrides`, {
      overrides: [{type: 'override_shift', start_time: '2026-03-10T00:00:00Z', end_time: '2026-03-11T00:00:00Z', overridden_member: {type: 'user_member', user_id: ken}, overriding_member: {type: 'user_member', user_id: mia}}],
    })
    expect(neither.status).toBe(400)
    const made = await c.post(`/v3/schedules/${sid}/overrides`, {
      overrides: [{type: 'override_shift', rotation_id: rid, start_time: '2026-03-10T00:00:00Z', end_time: '2026-03-11T00:00:00Z', overridden_member: {type: 'user_member', user_id: ken}, overriding_member: {type: 'user_member', user_id: mia}}],
    })
    expect(made.status).toBe(201)
    expect(made.body.overrides[0]).toMatchObject({type: 'override_shift', rotation_id: rid, overriding_member: {user_id: mia}})
    const one = await c.get(`/v3/schedules/${sid}/overrides/${made.body.overrides[0].id}`)
    expect(one.body.override.id).toBe(made.body.overrides[0].id)
    expect((await c.get(`/v3/schedules/${sid}/overrides`)).status).toBe(400) // since/until required
    expect((await c.get(`/v3/schedules/${sid}/custom_shifts?since=2026-03-01T00:00:00Z`)).status).toBe(400)
    const listed = await c.get(`/v3/schedules/${sid}/overrides?since=2026-03-01T00:00:00Z&until=2026-04-01T00:00:00Z`)
    expect(listed.body.overrides).toHaveLength(1)

    const final = (await c.get(`/v3/schedules/${sid}?include[]=final_schedule&since=2026-03-02T00:00:00Z&until=2026-03-16T00:00:00Z`)).body.schedule.final_schedule
    expect(final.type).toBe('final_schedule')
    expect(final.computed_shift_assignments.map((a: any) => [a.member.user_id, a.start_time, a.end_time, a.source.type])).toEqual([
      [aiko, '2026-03-02T09:00:00Z', '2026-03-09T09:00:00Z', 'schedule_rotation'],
      [mia, '2026-03-04T12:00:00Z', '2026-03-04T18:00:00Z', 'custom_shift'],
      [ken, '2026-03-09T09:00:00Z', '2026-03-10T00:00:00Z', 'schedule_rotation'],
      [mia, '2026-03-10T00:00:00Z', '2026-03-11T00:00:00Z', 'schedule_rotation_override'],
      [ken, '2026-03-11T00:00:00Z', '2026-03-16T00:00:00Z', 'schedule_rotation'],
    ])
    // Covered from Mon 09:00 on: 14 days minus 9 hours.
    expect(final.rendered_coverage_percentage).toBeCloseTo(((14 * 24 - 9) / (14 * 24)) * 100, 2)
    // Without include[] or without a range there is no final schedule.
    expect((await c.get(`/v3/schedules/${sid}?since=2026-03-02T00:00:00Z&until=2026-03-16T00:00:00Z`)).body.schedule.final_schedule).toBeUndefined()
    // A started custom shift may only change its end.
    c.clock.now = Date.parse('2026-03-04T13:00:00Z')
    const shiftPath = `/v3/schedules/${sid}/custom_shifts/${custom.body.custom_shifts[0].id}`
    expect((await c.put(shiftPath, {custom_shift: {start_time: '2026-03-04T11:00:00Z'}})).status).toBe(400)
    expect((await c.put(shiftPath, {custom_shift: {end_time: '2026-03-04T20:00:00Z'}})).body.custom_shift.end_time).toBe('2026-03-04T20:00:00Z')
  })

  it('a custom shift needs exactly one assignment', async () => {
    const sid = await schedule()
    const r = await c.post(`/v3/schedules/${sid}/custom_shifts`, {custom_shifts: [{type: 'custom_shift', start_time: '2026-03-04T12:00:00Z', end_time: '2026-03-04T18:00:00Z', assignments: []}]})
    expect(r.status).toBe(400)
  })
})

describe('v3 schedules and escalation policies', () => {
  it('a policy targets a v3 schedule (schedule_v3_reference); the schedule lists it, /oncalls computes from it, and delete is refused while it is used', async () => {
    const sid = await schedule('Paged')
    const rid = await rotation(sid)
    await c.post(`/v3/schedules/${sid}/rotations/${rid}/events`, weekly([aiko, ken]))
    const policy = await c.post(
      '/escalation_policies',
      {escalation_policy: {type: 'escalation_policy', name: 'V3 policy', escalation_rules: [{escalation_delay_in_minutes: 10, targets: [{id: sid, type: 'schedule_v3_reference'}]}]}},
      FROM,
    )
    expect(policy.status).toBe(201)
    expect(policy.body.escalation_policy.escalation_rules[0].targets[0]).toMatchObject({id: sid, type: 'schedule_v3_reference', summary: 'Paged'})
    expect((await c.get(`/v3/schedules/${sid}`)).body.schedule.escalation_policies.map((p: any) => p.id)).toEqual([policy.body.escalation_policy.id])
    const oncalls = await c.get(`/oncalls?escalation_policy_ids[]=${policy.body.escalation_policy.id}&since=2026-03-10T00:00:00Z&until=2026-03-10T00:00:00Z`)
    expect(oncalls.body.oncalls.map((o: any) => [o.user.id, o.schedule.type, o.start, o.end])).toEqual([[ken, 'schedule_v3_reference', '2026-03-09T09:00:00Z', '2026-03-16T09:00:00Z']])
    const refused = await c.del(`/v3/schedules/${sid}`)
    expect(refused.status).toBe(400)
    expect(refused.body.error.errors.schedule[0]).toMatch(/being used by escalation policies/)
    await c.del(`/escalation_policies/${policy.body.escalation_policy.id}`)
    expect((await c.del(`/v3/schedules/${sid}`)).status).toBe(204)
    expect((await c.get(`/v3/schedules/${sid}`)).status).toBe(404)
  })
})

describe('v3 spec contract', () => {
  it('every successful v3 request of this file is one the PagerDuty spec allows', () => {
    const log = c.sandbox.admin.requests().filter((r) => r.path.startsWith('/v3/') && r.status !== null && r.status < 300)
    expect(log.length).toBeGreaterThan(30)
    expect(checkRequestsAgainstSpec(log)).toEqual([])
  })
})
