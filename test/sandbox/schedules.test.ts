import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {createPolicy, createSchedule, createUser, layer, startClient, type Client} from './helpers.js'

let c: Client & {clock: {now: number}}
let aiko: string
let ken: string
beforeEach(async () => {
  c = await startClient()
  aiko = await createUser(c, 'Aiko', 'aiko@example.com')
  ken = await createUser(c, 'Ken', 'ken@example.com')
})
afterEach(async () => {
  await c.sandbox.stop()
})

describe('schedules', () => {
  it('returns timestamps in the schedule offset and moves a past start to now', async () => {
    // Clock: 2026-03-02T00:00Z = 09:00 in Tokyo.
    const s = await createSchedule(c, 'Primary', [
      layer([aiko], {start: '2026-02-01T00:00:00Z', rotation_virtual_start: '2026-03-02T01:00:00Z'}),
    ])
    const l = s.schedule_layers[0]
    expect(l.start).toBe('2026-03-02T09:00:00+09:00')
    expect(l.rotation_virtual_start).toBe('2026-03-02T10:00:00+09:00')
    expect(l.end).toBeNull()
    expect(s.time_zone).toBe('Asia/Tokyo')
  })

  it('keeps a future start as sent (re-offset)', async () => {
    const s = await createSchedule(c, 'Primary', [layer([aiko], {start: '2026-03-05T01:00:00Z'})])
    expect(s.schedule_layers[0].start).toBe('2026-03-05T10:00:00+09:00')
  })

  it('returns layers in the reverse of the written order and a union of their users', async () => {
    const s = await createSchedule(c, 'Two layers', [layer([aiko], {name: 'Layer 1'}), layer([ken, aiko], {name: 'Layer 2'})])
    const got = (await c.get(`/schedules/${s.id}`)).body.schedule
    expect(got.schedule_layers.map((l: {name: string}) => l.name)).toEqual(['Layer 2', 'Layer 1'])
    expect(got.users.map((u: {id: string}) => u.id)).toEqual([aiko, ken])
    expect(got.users[0].type).toBe('user_reference')
  })

  it('ends a layer left out of a PUT instead of deleting it, and keeps sent layer ids', async () => {
    const s = await createSchedule(c, 'S', [layer([aiko], {name: 'Old'}), layer([ken], {name: 'Kept'})])
    const kept = s.schedule_layers.find((l: {name: string}) => l.name === 'Kept')
    const old = s.schedule_layers.find((l: {name: string}) => l.name === 'Old')
    c.clock.now += 3 * 86_400_000 // 2026-03-05T09:00+09:00
    const put = await c.put(`/schedules/${s.id}`, {schedule: {schedule_layers: [{...kept, users: [{user: {id: aiko, type: 'user_reference'}}]}]}})
    expect(put.body.error).toBeUndefined()
    expect(put.status).toBe(200)
    const layers = put.body.schedule.schedule_layers
    expect(layers).toHaveLength(2)
    expect(layers[0].id).toBe(kept.id)
    expect(layers[0].users[0].user.id).toBe(aiko)
    // The kept layer's start moved to "now" (it lay in the past).
    expect(layers[0].start).toBe('2026-03-05T09:00:00+09:00')
    expect(layers[1].id).toBe(old.id)
    expect(layers[1].end).toBe('2026-03-05T09:00:00+09:00')
  })

  it('rejects a PUT with an unknown layer id', async () => {
    const s = await createSchedule(c, 'S', [layer([aiko])])
    const r = await c.put(`/schedules/${s.id}`, {schedule: {schedule_layers: [{...layer([aiko]), id: 'PXXXXXX'}]}})
    expect(r.status).toBe(400)
  })

  it('keeps restrictions and teams (teams are readOnly in the spec but accepted)', async () => {
    const team = (await c.post('/teams', {team: {type: 'team', name: 'Ops'}})).body.team
    const restrictions = [
      {type: 'daily_restriction', start_time_of_day: '09:00:00', duration_seconds: 32400},
      {type: 'weekly_restriction', start_day_of_week: 1, start_time_of_day: '09:00:00', duration_seconds: 432000},
    ]
    const s = await createSchedule(c, 'R', [layer([aiko], {restrictions})], {teams: [{id: team.id, type: 'team_reference'}]})
    expect(s.schedule_layers[0].restrictions).toEqual(restrictions)
    expect(s.teams.map((t: {id: string}) => t.id)).toEqual([team.id])
  })

  it('renders final_schedule and layer entries with since/until using the schedule engine', async () => {
    const s = await createSchedule(c, 'Weekly', [layer([aiko, ken])])
    const r = await c.get(`/schedules/${s.id}?since=2026-03-02T10:00:00%2B09:00&until=2026-03-16T10:00:00%2B09:00`)
    const fin = r.body.schedule.final_schedule
    expect(fin.name).toBe('Final Schedule')
    expect(fin.rendered_schedule_entries.map((e: any) => [e.start, e.end, e.user.id])).toEqual([
      ['2026-03-02T10:00:00+09:00', '2026-03-09T10:00:00+09:00', aiko],
      ['2026-03-09T10:00:00+09:00', '2026-03-16T10:00:00+09:00', ken],
    ])
    expect(fin.rendered_coverage_percentage).toBe(100)
    expect(r.body.schedule.schedule_layers[0].rendered_schedule_entries).toHaveLength(2)
    expect(r.body.schedule.overrides_subschedule.rendered_schedule_entries).toEqual([])
  })

  it('renders with the highest layer winning and in the time_zone asked for', async () => {
    const s = await createSchedule(c, 'Stack', [
      layer([aiko]),
      layer([ken], {restrictions: [{type: 'daily_restriction', start_time_of_day: '12:00:00', duration_seconds: 3600}]}),
    ])
    const r = await c.get(`/schedules/${s.id}?since=2026-03-03T10:00:00Z&until=2026-03-03T23:00:00Z&time_zone=UTC`)
    // Ken's daily 12:00-13:00 Tokyo = 03:00-04:00 UTC, so on 2026-03-03 UTC from 10:00 to 23:00 only Aiko shows... 
    // until 2026-03-04T03:00Z, which is outside the window.
    expect(r.body.schedule.final_schedule.rendered_schedule_entries.map((e: any) => [e.start, e.end, e.user.id])).toEqual([
      ['2026-03-03T10:00:00Z', '2026-03-03T23:00:00Z', aiko],
    ])
    const r2 = await c.get(`/schedules/${s.id}?since=2026-03-04T00:00:00Z&until=2026-03-04T06:00:00Z&time_zone=UTC`)
    expect(r2.body.schedule.final_schedule.rendered_schedule_entries.map((e: any) => e.user.id)).toEqual([aiko, ken, aiko])
  })

  it('uses the offset in force at each instant (DST in America/New_York on 2026-03-08)', async () => {
    const s = await createSchedule(
      c,
      'NY',
      [layer([aiko, ken], {start: '2026-03-06T09:00:00-05:00', rotation_virtual_start: '2026-03-06T09:00:00-05:00', rotation_turn_length_seconds: 86400})],
      {time_zone: 'America/New_York'},
    )
    const r = await c.get(`/schedules/${s.id}?since=2026-03-07T09:00:00-05:00&until=2026-03-09T09:00:00-04:00`)
    // Handoffs stay at 09:00 local; the day containing the change lasts 23 hours.
    expect(r.body.schedule.final_schedule.rendered_schedule_entries.map((e: any) => [e.start, e.end])).toEqual([
      ['2026-03-07T09:00:00-05:00', '2026-03-08T09:00:00-04:00'],
      ['2026-03-08T09:00:00-04:00', '2026-03-09T09:00:00-04:00'],
    ])
    expect(r.body.schedule.schedule_layers[0].start).toBe('2026-03-06T09:00:00-05:00')
  })

  it('cuts entries at since/until unless overflow=true', async () => {
    const s = await createSchedule(c, 'Daily', [layer([aiko, ken], {start: '2026-03-03T00:00:00Z', rotation_virtual_start: '2026-03-03T00:00:00Z', rotation_turn_length_seconds: 86400})], {
      time_zone: 'UTC',
    })
    const q = 'since=2026-03-04T10:00:00Z&until=2026-03-04T14:00:00Z'
    const cut = (await c.get(`/schedules/${s.id}?${q}`)).body.schedule.final_schedule
    expect(cut.rendered_schedule_entries.map((e: any) => [e.start, e.end, e.user.id])).toEqual([['2026-03-04T10:00:00Z', '2026-03-04T14:00:00Z', ken]])
    const whole = (await c.get(`/schedules/${s.id}?${q}&overflow=true`)).body.schedule.final_schedule
    expect(whole.rendered_schedule_entries.map((e: any) => [e.start, e.end, e.user.id])).toEqual([['2026-03-04T00:00:00Z', '2026-03-05T00:00:00Z', ken]])
    expect(whole.rendered_coverage_percentage).toBe(100)
  })

  it('returns layers in GET /schedules only with include[]=schedule_layers, and filters by query', async () => {
    await createSchedule(c, 'Payments Primary', [layer([aiko])])
    await createSchedule(c, 'Search', [layer([ken])])
    const plain = (await c.get('/schedules')).body
    expect(plain.schedules).toHaveLength(2)
    expect(plain.schedules[0].schedule_layers).toBeUndefined()
    const withLayers = (await c.get('/schedules?include[]=schedule_layers&query=payMENTS')).body
    expect(withLayers.schedules.map((s: {name: string}) => s.name)).toEqual(['Payments Primary'])
    expect(withLayers.schedules[0].schedule_layers).toHaveLength(1)
  })

  it('refuses to delete a schedule used by an escalation policy', async () => {
    const s = await createSchedule(c, 'Used', [layer([aiko])])
    const p = await createPolicy(c, 'EP', [{id: s.id, type: 'schedule_reference'}])
    const r = await c.del(`/schedules/${s.id}`)
    expect(r.status).toBe(400)
    expect(r.body.error).toEqual({message: 'Invalid Input Provided', code: 2001, errors: ["Schedule can't be deleted if it's being used by escalation policies"]})
    expect((await c.get(`/schedules/${s.id}`)).body.schedule.escalation_policies.map((x: {id: string}) => x.id)).toEqual([p.id])
    expect((await c.del(`/escalation_policies/${p.id}`)).status).toBe(204)
    expect((await c.del(`/schedules/${s.id}`)).status).toBe(204)
  })

  it('validates layer bodies against the spec (missing rotation_virtual_start)', async () => {
    const bad = layer([aiko])
    delete bad.rotation_virtual_start
    const r = await c.post('/schedules', {schedule: {type: 'schedule', name: 'Bad', time_zone: 'Asia/Tokyo', schedule_layers: [bad]}})
    expect(r.status).toBe(400)
    expect(r.body.error.errors.join('\n')).toContain("must have required property 'rotation_virtual_start'")
  })

  it('lists who is on call via GET /schedules/{id}/users', async () => {
    const s = await createSchedule(c, 'Weekly', [layer([aiko, ken])])
    const r = await c.get(`/schedules/${s.id}/users?since=2026-03-10T00:00:00Z&until=2026-03-10T01:00:00Z`)
    expect(r.body.users.map((u: {id: string}) => u.id)).toEqual([ken])
  })
})
