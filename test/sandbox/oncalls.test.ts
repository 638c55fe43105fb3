import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {createPolicy, createSchedule, createUser, layer, startClient, type Client} from './helpers.js'

let c: Client & {clock: {now: number}}
let aiko: string
let ken: string
let scheduleId: string
let policyId: string
beforeEach(async () => {
  c = await startClient()
  aiko = await createUser(c, 'Aiko', 'aiko@example.com')
  ken = await createUser(c, 'Ken', 'ken@example.com')
  // Weekly, handoff Monday 10:00 Tokyo (= 01:00 UTC), starting 2026-03-02.
  scheduleId = (await createSchedule(c, 'Primary', [layer([aiko, ken])])).id
  const r = await c.post('/escalation_policies', {
    escalation_policy: {
      type: 'escalation_policy',
      name: 'Ops',
      escalation_rules: [
        {escalation_delay_in_minutes: 15, targets: [{id: scheduleId, type: 'schedule_reference'}]},
        {escalation_delay_in_minutes: 30, targets: [{id: ken, type: 'user_reference'}]},
      ],
    },
  })
  policyId = r.body.escalation_policy.id
})
afterEach(async () => {
  await c.sandbox.stop()
})

const brief = (o: any) => [o.escalation_level, o.schedule?.id ?? null, o.user.id, o.start, o.end]

describe('GET /oncalls', () => {
  it('resolves schedule targets with the engine (now by default) and lists user targets', async () => {
    c.clock.now = Date.parse('2026-03-10T00:00:00Z')
    const r = await c.get('/oncalls')
    expect(r.status).toBe(200)
    expect(r.body.oncalls.map(brief)).toEqual([
      [1, scheduleId, ken, '2026-03-09T01:00:00Z', '2026-03-16T01:00:00Z'],
      [2, null, ken, null, null],
    ])
    expect(r.body.oncalls[0].escalation_policy).toMatchObject({id: policyId, type: 'escalation_policy_reference'})
    expect(r.body).toMatchObject({limit: 25, offset: 0, more: false, total: null})
  })

  it('covers a since/until range and filters by schedule_ids[] and user_ids[]', async () => {
    const r = await c.get(`/oncalls?since=2026-03-03T00:00:00Z&until=2026-03-12T00:00:00Z&schedule_ids[]=${scheduleId}`)
    expect(r.body.oncalls.map(brief)).toEqual([
      [1, scheduleId, aiko, '2026-03-02T01:00:00Z', '2026-03-09T01:00:00Z'],
      [1, scheduleId, ken, '2026-03-09T01:00:00Z', '2026-03-16T01:00:00Z'],
    ])
    const onlyAiko = await c.get(`/oncalls?since=2026-03-03T00:00:00Z&until=2026-03-12T00:00:00Z&user_ids[]=${aiko}`)
    expect(onlyAiko.body.oncalls.map(brief)).toEqual([[1, scheduleId, aiko, '2026-03-02T01:00:00Z', '2026-03-09T01:00:00Z']])
  })

  it('reports nobody from a schedule before its layer starts, and honours time_zone', async () => {
    // Clock 2026-03-02T00:00Z: the layer begins at 01:00Z.
    const r = await c.get('/oncalls?time_zone=Asia/Tokyo&include[]=users')
    expect(r.body.oncalls.map((o: any) => [o.escalation_level, o.user.type])).toEqual([[2, 'user']])
    const later = await c.get('/oncalls?time_zone=Asia/Tokyo&since=2026-03-02T02:00:00Z&until=2026-03-02T02:00:00Z')
    expect(later.body.oncalls[0].start).toBe('2026-03-02T10:00:00+09:00')
  })
})
