import {mkdtempSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {checkRequestsAgainstSpec} from '../../src/sandbox/index.js'
import {createPolicy, createSchedule, createUser, layer, startClient, type Client} from './helpers.js'

/**
 * Schedule overrides over real HTTP (notes §3.4, §5.3). The clock is 2026-03-02T00:00Z; the
 * schedule is a UTC weekly rotation Aiko → Ken handing off on Mondays at 00:00Z, from now on.
 */
let c: Client & {clock: {now: number}}
let aiko: string
let ken: string
let mei: string
let scheduleId: string
beforeEach(async () => {
  c = await startClient()
  aiko = await createUser(c, 'Aiko', 'aiko@example.com')
  ken = await createUser(c, 'Ken', 'ken@example.com')
  mei = await createUser(c, 'Mei', 'mei@example.com')
  const s = await createSchedule(c, 'Primary', [layer([aiko, ken], {start: '2026-03-02T00:00:00Z', rotation_virtual_start: '2026-03-02T00:00:00Z'})], {
    time_zone: 'UTC',
  })
  scheduleId = s.id
})
afterEach(async () => {
  await c.sandbox.stop()
})

const ref = (id: string) => ({id, type: 'user_reference'})
const override = (user: string, start: string, end: string, extra: Record<string, unknown> = {}) => ({start, end, user: ref(user), ...extra})

async function createOverrides(...overrides: Record<string, unknown>[]): Promise<any[]> {
  const r = await c.post(`/schedules/${scheduleId}/overrides`, {overrides})
  expect(r.status).toBe(201)
  return r.body
}

/** final_schedule (or another sub-schedule) as [start, end, user id] rows, in UTC. */
async function rendered(since: string, until: string, which: 'final_schedule' | 'overrides_subschedule' = 'final_schedule', extra = '') {
  const r = await c.get(`/schedules/${scheduleId}?since=${since}&until=${until}&time_zone=UTC${extra}`)
  expect(r.status).toBe(200)
  return r.body.schedule[which].rendered_schedule_entries.map((e: any) => [e.start, e.end, e.user.id])
}

describe('POST /schedules/{id}/overrides', () => {
  it('answers 201 with a bare array: each override succeeds or fails on its own', async () => {
    const r = await c.post(`/schedules/${scheduleId}/overrides`, {
      overrides: [
        override(ken, '2026-03-03T09:00:00+09:00', '2026-03-03T15:00:00+09:00', {time_zone: 'UTC'}),
        override(mei, '2026-03-04T00:00:00Z', '2026-03-04T00:00:00Z'),
        override('PNOSUCH', '2026-03-05T00:00:00Z', '2026-03-05T06:00:00Z'),
        override(mei, '2026-03-06T00:00:00', '2026-03-06T06:00:00', {time_zone: 'Asia/Tokyo'}),
      ],
    })
    expect(r.status).toBe(201)
    expect(Array.isArray(r.body)).toBe(true)
    expect(r.body.map((x: any) => x.status)).toEqual([201, 400, 400, 201])
    const [first, bad, unknown, tokyo] = r.body
    // Instants come back in the override's time_zone offset (else the schedule's).
    expect(first.override).toMatchObject({start: '2026-03-03T00:00:00Z', end: '2026-03-03T06:00:00Z', user: {id: ken, type: 'user_reference', summary: 'Ken'}})
    expect(first.override.id).toMatch(/^P[A-Z0-9]{6}$/)
    expect(first.errors).toBeUndefined()
    expect(bad.errors).toEqual(['Override must end after its start'])
    expect(bad.override).toMatchObject({start: '2026-03-04T00:00:00Z', end: '2026-03-04T00:00:00Z', user: {id: mei}})
    expect(bad.override.id).toBeUndefined()
    expect(unknown.errors).toEqual(['User PNOSUCH not found'])
    // A wall-clock time without offset is read in the override's time_zone.
    expect(tokyo.override).toMatchObject({start: '2026-03-06T00:00:00+09:00', end: '2026-03-06T06:00:00+09:00'})
    const listed = (await c.get(`/schedules/${scheduleId}/overrides?since=2026-03-01T00:00:00Z&until=2026-03-09T00:00:00Z`)).body.overrides
    // Listed by start, in the schedule's zone.
    expect(listed.map((o: any) => [o.id, o.start])).toEqual([
      [first.override.id, '2026-03-03T00:00:00Z'],
      [tokyo.override.id, '2026-03-05T15:00:00Z'],
    ])
  })

  it('accepts the deprecated single {"override": {...}} form and answers {"override": {...}}', async () => {
    const r = await c.post(`/schedules/${scheduleId}/overrides`, {override: override(mei, '2026-03-03T00:00:00Z', '2026-03-03T06:00:00Z')})
    expect(r.status).toBe(201)
    expect(r.body.override).toMatchObject({start: '2026-03-03T00:00:00Z', end: '2026-03-03T06:00:00Z', user: {id: mei}})
    const bad = await c.post(`/schedules/${scheduleId}/overrides`, {override: override(mei, '2026-03-03T06:00:00Z', '2026-03-03T00:00:00Z')})
    expect(bad.status).toBe(400)
    expect(bad.body.error.errors).toEqual(['Override must end after its start'])
  })

  it('rejects an empty list and an unknown schedule', async () => {
    expect((await c.post(`/schedules/${scheduleId}/overrides`, {overrides: []})).status).toBe(400)
    expect((await c.post('/schedules/PNOSUCH/overrides', {overrides: [override(mei, '2026-03-03T00:00:00Z', '2026-03-03T06:00:00Z')]})).status).toBe(404)
  })
})

describe('rendering with overrides', () => {
  it('final_schedule shows the override on top of the layers; overrides_subschedule shows the override alone', async () => {
    await createOverrides(override(mei, '2026-03-03T00:00:00Z', '2026-03-03T06:00:00Z'))
    const since = '2026-03-02T00:00:00Z'
    const until = '2026-03-16T00:00:00Z'
    expect(await rendered(since, until)).toEqual([
      ['2026-03-02T00:00:00Z', '2026-03-03T00:00:00Z', aiko],
      ['2026-03-03T00:00:00Z', '2026-03-03T06:00:00Z', mei],
      ['2026-03-03T06:00:00Z', '2026-03-09T00:00:00Z', aiko],
      ['2026-03-09T00:00:00Z', '2026-03-16T00:00:00Z', ken],
    ])
    expect(await rendered(since, until, 'overrides_subschedule')).toEqual([['2026-03-03T00:00:00Z', '2026-03-03T06:00:00Z', mei]])
    const r = await c.get(`/schedules/${scheduleId}?since=${since}&until=${until}`)
    // 6 hours of 14 days.
    expect(r.body.schedule.overrides_subschedule.rendered_coverage_percentage).toBe(1.79)
    expect(r.body.schedule.final_schedule.rendered_coverage_percentage).toBe(100)
    // The layer itself is unchanged.
    expect(r.body.schedule.schedule_layers[0].rendered_schedule_entries).toHaveLength(2)
  })

  it('where overrides overlap, the last created wins (across requests and within one)', async () => {
    await createOverrides(override(mei, '2026-03-03T00:00:00Z', '2026-03-03T06:00:00Z'))
    await createOverrides(override(ken, '2026-03-03T03:00:00Z', '2026-03-03T09:00:00Z'), override(aiko, '2026-03-03T04:00:00Z', '2026-03-03T05:00:00Z'))
    expect(await rendered('2026-03-02T12:00:00Z', '2026-03-03T12:00:00Z')).toEqual([
      ['2026-03-02T12:00:00Z', '2026-03-03T00:00:00Z', aiko],
      ['2026-03-03T00:00:00Z', '2026-03-03T03:00:00Z', mei],
      ['2026-03-03T03:00:00Z', '2026-03-03T04:00:00Z', ken],
      ['2026-03-03T04:00:00Z', '2026-03-03T05:00:00Z', aiko],
      ['2026-03-03T05:00:00Z', '2026-03-03T09:00:00Z', ken],
      ['2026-03-03T09:00:00Z', '2026-03-03T12:00:00Z', aiko],
    ])
    expect(await rendered('2026-03-02T12:00:00Z', '2026-03-03T12:00:00Z', 'overrides_subschedule')).toEqual([
      ['2026-03-03T00:00:00Z', '2026-03-03T03:00:00Z', mei],
      ['2026-03-03T03:00:00Z', '2026-03-03T04:00:00Z', ken],
      ['2026-03-03T04:00:00Z', '2026-03-03T05:00:00Z', aiko],
      ['2026-03-03T05:00:00Z', '2026-03-03T09:00:00Z', ken],
    ])
  })

  it('an override fills a gap where no layer covers', async () => {
    const s = await createSchedule(
      c,
      'Business hours',
      [layer([aiko], {start: '2026-03-02T00:00:00Z', rotation_virtual_start: '2026-03-02T00:00:00Z', restrictions: [{type: 'daily_restriction', start_time_of_day: '09:00:00', duration_seconds: 28800}]})],
      {time_zone: 'UTC'},
    )
    scheduleId = s.id
    await createOverrides(override(ken, '2026-03-03T20:00:00Z', '2026-03-03T22:00:00Z'))
    expect(await rendered('2026-03-03T00:00:00Z', '2026-03-04T00:00:00Z')).toEqual([
      ['2026-03-03T09:00:00Z', '2026-03-03T17:00:00Z', aiko],
      ['2026-03-03T20:00:00Z', '2026-03-03T22:00:00Z', ken],
    ])
  })

  it('entries are cut at since/until unless overflow=true', async () => {
    await createOverrides(override(mei, '2026-03-03T00:00:00Z', '2026-03-05T00:00:00Z'))
    expect(await rendered('2026-03-04T10:00:00Z', '2026-03-04T14:00:00Z', 'overrides_subschedule')).toEqual([['2026-03-04T10:00:00Z', '2026-03-04T14:00:00Z', mei]])
    expect(await rendered('2026-03-04T10:00:00Z', '2026-03-04T14:00:00Z', 'final_schedule', '&overflow=true')).toEqual([
      ['2026-03-03T00:00:00Z', '2026-03-05T00:00:00Z', mei],
    ])
  })

  it('GET /schedules/{id}/users and GET /oncalls follow the override', async () => {
    const policy = await createPolicy(c, 'EP', [{id: scheduleId, type: 'schedule_reference'}])
    await createOverrides(override(mei, '2026-03-03T00:00:00Z', '2026-03-03T06:00:00Z'))
    const users = await c.get(`/schedules/${scheduleId}/users?since=2026-03-03T01:00:00Z&until=2026-03-03T02:00:00Z`)
    expect(users.body.users.map((u: any) => u.id)).toEqual([mei])
    const oncalls = await c.get(`/oncalls?escalation_policy_ids[]=${policy.id}&since=2026-03-03T01:00:00Z&until=2026-03-03T01:00:00Z`)
    expect(oncalls.body.oncalls.map((o: any) => [o.user.id, o.start, o.end])).toEqual([[mei, '2026-03-03T00:00:00Z', '2026-03-03T06:00:00Z']])
    const later = await c.get(`/oncalls?escalation_policy_ids[]=${policy.id}&since=2026-03-03T07:00:00Z&until=2026-03-03T07:00:00Z`)
    expect(later.body.oncalls.map((o: any) => [o.user.id, o.start, o.end])).toEqual([[aiko, '2026-03-03T06:00:00Z', '2026-03-09T00:00:00Z']])
  })
})

describe('long overrides', () => {
  it('GET /oncalls gives the whole extent of an override longer than its render margin', async () => {
    const policy = await createPolicy(c, 'EP', [{id: scheduleId, type: 'schedule_reference'}])
    await createOverrides(override(mei, '2026-03-03T00:00:00Z', '2026-04-22T00:00:00Z'))
    const r = await c.get(`/oncalls?escalation_policy_ids[]=${policy.id}&since=2026-04-20T00:00:00Z&until=2026-04-20T00:00:00Z`)
    expect(r.body.oncalls.map((o: any) => [o.user.id, o.start, o.end])).toEqual([[mei, '2026-03-03T00:00:00Z', '2026-04-22T00:00:00Z']])
  })
})

describe('GET /schedules/{id}/overrides', () => {
  it('requires since and until', async () => {
    expect((await c.get(`/schedules/${scheduleId}/overrides`)).status).toBe(400)
    expect((await c.get(`/schedules/${scheduleId}/overrides?since=2026-03-01T00:00:00Z`)).status).toBe(400)
    expect((await c.get(`/schedules/${scheduleId}/overrides?until=2026-03-01T00:00:00Z`)).status).toBe(400)
  })

  it('answers 200 {overrides}: those overlapping the range, cut at the bounds unless overflow=true', async () => {
    const [a, b] = await createOverrides(
      override(mei, '2026-03-05T00:00:00Z', '2026-03-05T06:00:00Z'),
      override(ken, '2026-03-03T00:00:00Z', '2026-03-04T00:00:00Z'),
      override(aiko, '2026-03-10T00:00:00Z', '2026-03-10T06:00:00Z'),
    )
    const q = 'since=2026-03-03T12:00:00Z&until=2026-03-06T00:00:00Z'
    const r = await c.get(`/schedules/${scheduleId}/overrides?${q}`)
    // The spec documents 201 here (quirk); a read answers 200.
    expect(r.status).toBe(200)
    expect(r.body.overrides).toEqual([
      {id: b.override.id, start: '2026-03-03T12:00:00Z', end: '2026-03-04T00:00:00Z', user: expect.objectContaining({id: ken, type: 'user_reference'})},
      {id: a.override.id, start: '2026-03-05T00:00:00Z', end: '2026-03-05T06:00:00Z', user: expect.objectContaining({id: mei})},
    ])
    const whole = (await c.get(`/schedules/${scheduleId}/overrides?${q}&overflow=true`)).body.overrides
    expect(whole[0]).toMatchObject({start: '2026-03-03T00:00:00Z', end: '2026-03-04T00:00:00Z'})
  })

  it('editable=true gives only future overrides, as ids', async () => {
    c.clock.now = Date.parse('2026-03-03T03:00:00Z')
    const [, future] = await createOverrides(override(mei, '2026-03-03T00:00:00Z', '2026-03-03T06:00:00Z'), override(ken, '2026-03-04T00:00:00Z', '2026-03-04T06:00:00Z'))
    const r = await c.get(`/schedules/${scheduleId}/overrides?since=2026-03-01T00:00:00Z&until=2026-03-08T00:00:00Z&editable=true`)
    expect(r.body.overrides).toEqual([{id: future.override.id}])
  })
})

describe('DELETE /schedules/{id}/overrides/{override_id}', () => {
  it('deletes a future override (204), truncates one in progress to now (200), refuses a past one (400)', async () => {
    const [past, current, future] = await createOverrides(
      override(mei, '2026-03-02T01:00:00Z', '2026-03-02T02:00:00Z'),
      override(ken, '2026-03-02T02:00:00Z', '2026-03-02T06:00:00Z'),
      override(mei, '2026-03-04T00:00:00Z', '2026-03-04T06:00:00Z'),
    )
    c.clock.now = Date.parse('2026-03-02T03:00:00Z')
    const del = (o: any) => c.del(`/schedules/${scheduleId}/overrides/${o.override.id}`)
    expect((await del(future)).status).toBe(204)
    const truncated = await del(current)
    expect(truncated.status).toBe(200)
    const refused = await del(past)
    expect(refused.status).toBe(400)
    expect(refused.body.error.errors).toEqual(['Cannot remove a past override'])
    expect((await c.del(`/schedules/${scheduleId}/overrides/PNOSUCH`)).status).toBe(404)
    const left = (await c.get(`/schedules/${scheduleId}/overrides?since=2026-03-02T00:00:00Z&until=2026-03-09T00:00:00Z`)).body.overrides
    expect(left.map((o: any) => [o.id, o.start, o.end])).toEqual([
      [past.override.id, '2026-03-02T01:00:00Z', '2026-03-02T02:00:00Z'],
      [current.override.id, '2026-03-02T02:00:00Z', '2026-03-02T03:00:00Z'],
    ])
    expect(await rendered('2026-03-02T00:00:00Z', '2026-03-05T00:00:00Z')).toEqual([
      ['2026-03-02T00:00:00Z', '2026-03-02T01:00:00Z', aiko],
      ['2026-03-02T01:00:00Z', '2026-03-02T02:00:00Z', mei],
      ['2026-03-02T02:00:00Z', '2026-03-02T03:00:00Z', ken],
      ['2026-03-02T03:00:00Z', '2026-03-05T00:00:00Z', aiko],
    ])
  })
})

describe('overrides and the spec', () => {
  it('the requests above are allowed by the spec subset; overrides survive a schedule PUT', async () => {
    await createOverrides(override(mei, '2026-03-03T00:00:00Z', '2026-03-03T06:00:00Z'))
    await c.get(`/schedules/${scheduleId}/overrides?since=2026-03-01T00:00:00Z&until=2026-03-08T00:00:00Z&overflow=true`)
    await c.put(`/schedules/${scheduleId}`, {schedule: {name: 'Renamed'}})
    const log = c.sandbox.admin.requests()
    expect(log.every((r) => r.status !== null && r.status < 300)).toBe(true)
    expect(checkRequestsAgainstSpec(log)).toEqual([])
    expect(await rendered('2026-03-03T00:00:00Z', '2026-03-03T06:00:00Z')).toEqual([['2026-03-03T00:00:00Z', '2026-03-03T06:00:00Z', mei]])
  })

  it('overrides are kept in the state file and rendered after a restart', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'sandbox-overrides-')), 'state.json')
    await c.sandbox.stop()
    c = await startClient({stateFile: file})
    const mine = await createUser(c, 'Mine', 'mine@example.com')
    scheduleId = (await createSchedule(c, 'P', [layer([mine], {start: '2026-03-02T00:00:00Z', rotation_virtual_start: '2026-03-02T00:00:00Z'})], {time_zone: 'UTC'})).id
    const other = await createUser(c, 'Other', 'other@example.com')
    await createOverrides(override(other, '2026-03-03T00:00:00Z', '2026-03-03T06:00:00Z'))
    await c.sandbox.stop()
    c = await startClient({stateFile: file})
    expect(await rendered('2026-03-03T00:00:00Z', '2026-03-03T12:00:00Z')).toEqual([
      ['2026-03-03T00:00:00Z', '2026-03-03T06:00:00Z', other],
      ['2026-03-03T06:00:00Z', '2026-03-03T12:00:00Z', mine],
    ])
  })

  it('a body without user is a spec violation answered 400 as a whole', async () => {
    const r = await c.post(`/schedules/${scheduleId}/overrides`, {overrides: [{start: '2026-03-03T00:00:00Z', end: '2026-03-03T06:00:00Z'}]})
    expect(r.status).toBe(400)
    expect(r.body.error.errors.join('\n')).toContain("must have required property 'user'")
  })
})
