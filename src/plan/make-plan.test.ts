import {planBlockers} from './plan-blockers.js'
import {describe, expect, it} from 'vitest'
import {
  aDesiredState,
  aLayer,
  aLiveResource,
  aLiveState,
  aSchedule,
  aService,
  aTeam,
  aUser,
  anEscalationPolicy,
  liveUsers,
} from '../../test/builders.js'
import {makePlan} from './make-plan.js'
import {planSchemaErrors} from './plan-schema.js'
import {renderJson} from './render/json.js'

const noAdopt = {adopt: false}

describe('makePlan: fields not managed here', () => {
  it('names the live object\'s preserved non-default fields on updates only', () => {
    const service = aService()
    const live = aLiveState({services: [aLiveResource({...service, acknowledgementTimeoutSeconds: 600}, {notManaged: ['status (maintenance)']})]})
    const plan = makePlan(aDesiredState({services: [service]}), live, noAdopt)
    expect(plan.changes.map((c) => c.kind)).toEqual(['update'])
    expect(plan.notManaged).toEqual({'service:consumer-api': ['status (maintenance)']})
    const json = JSON.parse(renderJson(plan)) as {not_managed?: unknown}
    expect(planSchemaErrors(json)).toEqual([])
    expect(json.not_managed).toEqual({'service:consumer-api': ['status (maintenance)']})
    const unchanged = makePlan(aDesiredState({services: [service]}), aLiveState({services: [aLiveResource(service, {notManaged: ['status (maintenance)']})]}), noAdopt)
    expect(unchanged.changes).toEqual([])
    expect(unchanged).not.toHaveProperty('notManaged')
  })

  it('a config that leaves out the scheduled actions a service has shows removing them (never silent)', () => {
    const urgency = {
      kind: 'support_hours',
      supportHours: {timeZone: 'Asia/Tokyo', days: [1, 2, 3, 4, 5], start: '09:00', end: '18:00'},
      during: 'high',
      outside: 'low',
      scheduledActions: [],
    } as const
    const desired = aService({urgency, acknowledgementTimeoutSeconds: 600})
    const live = aService({urgency: {...urgency, scheduledActions: [{at: 'support_hours_start', to: 'high'}]}, autoPauseSeconds: 300})
    const plan = makePlan(aDesiredState({services: [desired]}), aLiveState({services: [aLiveResource(live)]}), noAdopt)
    const change = plan.changes[0]
    expect(change?.kind === 'update' && change.fields).toEqual([
      {path: 'acknowledgement_timeout', before: '30m', after: '10m'},
      {path: 'urgency.scheduled_actions', before: ['support_hours_start → high'], after: []},
      {path: 'auto_pause_notifications', before: '5m', after: 'disabled'},
    ])
  })
})

describe('makePlan: managed objects', () => {
  it('creates what only the config has, in dependency order', () => {
    const desired = aDesiredState({
      services: [aService()],
      escalationPolicies: [anEscalationPolicy()],
      schedules: [aSchedule({teams: ['consumer-app']})],
      teams: [aTeam()],
      users: [aUser({email: 'new@example.com'})],
    })
    const plan = makePlan(desired, aLiveState(), noAdopt)
    expect(plan.changes.map((c) => `${c.kind} ${c.type}:${c.key}`)).toEqual([
      'create user:new@example.com',
      'create team:consumer-app',
      'create schedule:consumer-app-primary',
      'create escalation_policy:consumer-app',
      'create service:consumer-api',
    ])
    expect(plan.summary).toEqual({create: 5, update: 0, delete: 0})
  })

  it('updates owned objects whose fields differ, with human field values', () => {
    const live = aLiveState({
      schedules: [
        aLiveResource(aSchedule({layers: [aLayer({users: ['a@x.io', 'b@x.io'], turnSeconds: 86_400})]}), {id: 'PS1'}),
      ],
      services: [aLiveResource(aService({acknowledgementTimeoutSeconds: 1800}), {id: 'PV1'})],
    })
    const desired = aDesiredState({
      schedules: [aSchedule({layers: [aLayer({users: ['b@x.io', 'a@x.io'], turnSeconds: 86_400})]})],
      services: [aService({acknowledgementTimeoutSeconds: 3600})],
    })
    const plan = makePlan(desired, live, noAdopt)
    expect(plan.changes).toHaveLength(2)
    const [schedule, service] = plan.changes
    expect(schedule).toMatchObject({kind: 'update', type: 'schedule', id: 'PS1'})
    expect(schedule?.kind === 'update' && schedule.fields).toEqual([
      {path: 'layers[0].users', before: ['a@x.io', 'b@x.io'], after: ['b@x.io', 'a@x.io']},
    ])
    expect(service?.kind === 'update' && service.fields).toEqual([{path: 'acknowledgement_timeout', before: '30m', after: '1h'}])
    expect(plan.summary).toEqual({create: 0, update: 2, delete: 0})
  })

  it('deletes owned objects the config no longer has, children first', () => {
    const live = aLiveState({
      teams: [aLiveResource(aTeam({key: 'old'}), {id: 'PT1'})],
      schedules: [aLiveResource(aSchedule({key: 'old-primary'}), {id: 'PS1'})],
      services: [aLiveResource(aService({key: 'old-api'}), {id: 'PV1'})],
    })
    const plan = makePlan(aDesiredState(), live, noAdopt)
    expect(plan.changes.map((c) => `${c.kind} ${c.type}:${c.key}`)).toEqual([
      'delete service:old-api',
      'delete schedule:old-primary',
      'delete team:old',
    ])
    expect(plan.summary).toEqual({create: 0, update: 0, delete: 3})
    expect(plan.fingerprints.live).toEqual({'service:old-api': 'fp-PV1', 'schedule:old-primary': 'fp-PS1', 'team:old': 'fp-PT1'})
  })

  it('plans nothing when the account matches (order-insensitive where the model is a set)', () => {
    const team = aTeam({
      members: [
        {email: 'a@x.io', role: 'manager'},
        {email: 'b@x.io', role: 'responder'},
      ],
    })
    const liveTeam = aTeam({members: [...team.members].reverse()})
    const schedule = aSchedule({
      layers: [
        aLayer({
          restrictions: [
            {kind: 'daily', start: '09:00', durationMinutes: 540},
            {kind: 'weekly', startDay: 1, start: '09:00', durationMinutes: 4 * 1440 + 540},
          ],
        }),
      ],
    })
    const liveSchedule = aSchedule({layers: [aLayer({restrictions: [...(schedule.layers[0]?.restrictions ?? [])].reverse()})]})
    const plan = makePlan(
      aDesiredState({teams: [team], schedules: [schedule]}),
      aLiveState({teams: [aLiveResource(liveTeam)], schedules: [aLiveResource(liveSchedule)]}),
      noAdopt,
    )
    expect(plan.changes).toEqual([])
    expect(plan.summary).toEqual({create: 0, update: 0, delete: 0})
  })

  it('treats layer order, layer users order and rule order as meaningful', () => {
    const policy = anEscalationPolicy({
      rules: [
        {delayMinutes: 15, targets: [{type: 'schedule', key: 'a'}]},
        {delayMinutes: 30, targets: [{type: 'schedule', key: 'b'}]},
      ],
    })
    const swapped = anEscalationPolicy({rules: [...policy.rules].reverse()})
    const plan = makePlan(
      aDesiredState({escalationPolicies: [policy]}),
      aLiveState({escalationPolicies: [aLiveResource(swapped)]}),
      noAdopt,
    )
    const change = plan.changes[0]
    expect(change?.kind === 'update' && change.fields).toEqual([
      {path: 'rules[0].delay', before: '30m', after: '15m'},
      {path: 'rules[0].targets', before: ['schedule:b'], after: ['schedule:a']},
      {path: 'rules[1].delay', before: '15m', after: '30m'},
      {path: 'rules[1].targets', before: ['schedule:a'], after: ['schedule:b']},
    ])
  })

  it('shows an added or removed layer as fields from or to nothing', () => {
    const two = aSchedule({layers: [aLayer(), aLayer({name: 'Nights', turnSeconds: 43_200, rotationStart: '2026-01-05T08:00'})]})
    const plan = makePlan(aDesiredState({schedules: [aSchedule()]}), aLiveState({schedules: [aLiveResource(two)]}), noAdopt)
    const change = plan.changes[0]
    expect(change?.kind === 'update' && change.fields.map((f) => [f.path, f.before, f.after])).toEqual([
      ['layers[1].name', 'Nights', null],
      ['layers[1].users', ['aiko@example.com', 'ken@example.com'], null],
      ['layers[1].turn', '12h', null],
      ['layers[1].rotation_start', '2026-01-05T08:00', null],
      ['layers[1].start', '2026-01-05T10:00', null],
    ])
  })

  it('renders handoffs and restrictions the way people write them', () => {
    const before = aSchedule({layers: [aLayer({rotationStart: '2026-01-05T10:00'})]})
    const after = aSchedule({
      layers: [aLayer({rotationStart: '2026-01-06T09:30', restrictions: [{kind: 'weekly', startDay: 1, start: '09:00', durationMinutes: 4 * 1440 + 540}]})],
    })
    const plan = makePlan(aDesiredState({schedules: [after]}), aLiveState({schedules: [aLiveResource(before)]}), noAdopt)
    const change = plan.changes[0]
    expect(change?.kind === 'update' && change.fields).toEqual([
      {path: 'layers[0].handoff', before: 'mon 10:00 Asia/Tokyo', after: 'tue 09:30 Asia/Tokyo'},
      {path: 'layers[0].rotation_start', before: '2026-01-05T10:00', after: '2026-01-06T09:30'},
      {path: 'layers[0].restrictions', before: [], after: ['mon 09:00 → fri 18:00']},
    ])
  })
})

describe('makePlan: ownership', () => {
  it('reports an unmarked object with the same name (case-insensitive) as unmanaged and does not create it', () => {
    const live = aLiveState({services: [aLiveResource(aService({key: 'consumer_api', name: 'CONSUMER API'}), {owner: null, id: 'PV9'})]})
    const plan = makePlan(aDesiredState({services: [aService()]}), live, noAdopt)
    expect(plan.changes).toEqual([])
    expect(plan.unmanaged).toEqual([{type: 'service', key: 'consumer-api', id: 'PV9', name: 'CONSUMER API'}])
  })

  it('adopts an unmarked object with --adopt, with its field diff', () => {
    const live = aLiveState({
      services: [aLiveResource(aService({key: 'consumer_api', name: 'Consumer API', autoResolveTimeoutSeconds: null}), {owner: null, id: 'PV9'})],
    })
    const plan = makePlan(aDesiredState({services: [aService({name: 'Consumer API'})]}), live, {adopt: true})
    expect(plan.unmanaged).toEqual([])
    expect(plan.changes).toHaveLength(1)
    expect(plan.changes[0]).toMatchObject({
      kind: 'adopt',
      type: 'service',
      key: 'consumer-api',
      id: 'PV9',
      fields: [{path: 'auto_resolve_timeout', before: 'disabled', after: '4h'}],
    })
    expect(plan.summary).toEqual({create: 0, update: 1, delete: 0})
    expect(plan.fingerprints.live).toEqual({'service:consumer-api': 'fp-PV9'})
  })

  it('reports a conflict for an object with the same name owned by another config', () => {
    const live = aLiveState({teams: [aLiveResource(aTeam({key: 'x', name: 'consumer app '}), {owner: 'payments', id: 'PT7'})]})
    const plan = makePlan(aDesiredState({teams: [aTeam()]}), live, {adopt: true})
    expect(plan.conflicts).toEqual([{type: 'team', key: 'consumer-app', id: 'PT7', name: 'consumer app ', owner: 'payments'}])
    expect(plan.changes).toEqual([])
  })

  it('only warns about another owner\'s schedule with the same name: schedule names need not be unique', () => {
    const live = aLiveState({schedules: [aLiveResource(aSchedule({key: 'theirs', name: 'Primary'}), {owner: 'payments', id: 'PS7'})]})
    const plan = makePlan(aDesiredState({schedules: [aSchedule({key: 'primary', name: 'Primary'})]}), live, noAdopt)
    expect(plan.conflicts).toEqual([])
    expect(plan.changes.map((c) => `${c.kind} ${c.key}`)).toEqual(['create primary'])
    expect(plan.warnings).toEqual([
      {
        code: 'SAME_NAME_OTHER_OWNER',
        message: 'schedule primary: config "payments" owns a schedule with the same name, "Primary" (PS7); both will exist',
        type: 'schedule',
        key: 'primary',
      },
    ])
  })

  it('ignores objects of other owners and unmarked objects that match nothing (even with the same key)', () => {
    const live = aLiveState({
      schedules: [
        aLiveResource(aSchedule({key: 'primary', name: 'Payments Primary'}), {owner: 'payments'}),
        aLiveResource(aSchedule({key: 'hand-made', name: 'Hand Made'}), {owner: null}),
      ],
    })
    const plan = makePlan(aDesiredState({schedules: [aSchedule({key: 'primary', name: 'App Primary'})]}), live, noAdopt)
    expect(plan.changes.map((c) => `${c.kind} ${c.key}`)).toEqual(['create primary'])
    expect(plan.conflicts).toEqual([])
    expect(plan.unmanaged).toEqual([])
  })

  it('stops with an error naming every object that carries our marker for one key, and plans nothing for that key', () => {
    const changed = aSchedule({key: 'primary', name: 'Renamed'})
    const live = aLiveState({
      schedules: [
        aLiveResource(aSchedule({key: 'primary'}), {id: 'PS3'}),
        aLiveResource(aSchedule({key: 'primary'}), {id: 'PS1'}),
        aLiveResource(aSchedule({key: 'old'}), {id: 'PS7'}),
        aLiveResource(aSchedule({key: 'old'}), {id: 'PS8'}),
      ],
    })
    const plan = makePlan(aDesiredState({schedules: [changed]}), live, noAdopt)
    // Neither an update of one copy (the one references may not use) nor a delete of a key's copies.
    expect(plan.changes).toEqual([])
    expect(plan.errors?.map((e) => `${e.code} ${e.key}`)).toEqual(['DUPLICATE_OWNED_KEY old', 'DUPLICATE_OWNED_KEY primary'])
    expect(plan.errors?.[1]?.message).toContain('2 objects carry this config\'s marker for this key (PS1, PS3)')
    expect(planBlockers(plan)?.summary).toBe('the plan cannot be applied: 2 other errors')
  })
})

describe('makePlan: users', () => {
  it('creates missing declared users and updates declared fields only', () => {
    const live = aLiveState({
      users: [
        aLiveResource(aUser({email: 'a@x.io', name: 'A', timeZone: 'Europe/Paris', role: 'admin'}), {owner: null, id: 'PU1'}),
        aLiveResource(aUser({email: 'b@x.io', name: 'B', timeZone: 'Europe/Paris', role: 'admin'}), {owner: null, id: 'PU2'}),
      ],
    })
    const desired = aDesiredState({
      users: [
        aUser({email: 'a@x.io', name: 'A', timeZone: null, role: null}),
        aUser({email: 'b@x.io', name: 'Bee', timeZone: 'Asia/Tokyo', role: 'admin'}),
        aUser({email: 'c@x.io', name: 'C'}),
      ],
    })
    const plan = makePlan(desired, live, noAdopt)
    expect(plan.changes.map((c) => `${c.kind} ${c.key}`)).toEqual(['update b@x.io', 'create c@x.io'])
    const update = plan.changes[0]
    expect(update?.kind === 'update' && update.fields).toEqual([
      {path: 'name', before: 'B', after: 'Bee'},
      {path: 'time_zone', before: 'Europe/Paris', after: 'Asia/Tokyo'},
    ])
  })

  it('never deletes users', () => {
    const plan = makePlan(aDesiredState(), aLiveState({users: liveUsers('a@x.io')}), noAdopt)
    expect(plan.changes).toEqual([])
  })

  it('reports referenced emails missing from the account as UNKNOWN_USER errors', () => {
    const desired = aDesiredState({referencedUsers: ['z@x.io', 'a@x.io', 'ok@x.io'], users: [aUser({email: 'a@x.io'})]})
    const plan = makePlan(desired, aLiveState({users: liveUsers('ok@x.io')}), noAdopt)
    expect(plan.errors?.map((e) => [e.code, e.key])).toEqual([['UNKNOWN_USER', 'z@x.io']])
    expect(plan.errors?.[0]?.message).toContain('z@x.io')
  })
})

describe('makePlan: determinism and fingerprints', () => {
  it('gives identical plans for the same input, whatever the order of maps and lists', () => {
    const schedules = [aSchedule({key: 'b'}), aSchedule({key: 'a'})]
    const live = [aLiveResource(aTeam({key: 'z'}), {id: 'P2'}), aLiveResource(aTeam({key: 'y'}), {id: 'P1'})]
    const one = makePlan(aDesiredState({schedules}), aLiveState({teams: live}), noAdopt)
    const two = makePlan(aDesiredState({schedules: [...schedules].reverse()}), aLiveState({teams: [...live].reverse()}), noAdopt)
    expect(JSON.stringify(two)).toBe(JSON.stringify(one))
    expect(one.changes.map((c) => `${c.kind} ${c.key}`)).toEqual(['create a', 'create b', 'delete y', 'delete z'])
  })

  it('fingerprints the config: equal for equal configs, different when anything changes', () => {
    const a = makePlan(aDesiredState({teams: [aTeam()]}), aLiveState(), noAdopt).fingerprints.config
    const b = makePlan(aDesiredState({teams: [aTeam()]}), aLiveState(), noAdopt).fingerprints.config
    const c = makePlan(aDesiredState({teams: [aTeam({description: 'x'})]}), aLiveState(), noAdopt).fingerprints.config
    expect(a).toMatch(/^[0-9a-f]{64}$/)
    expect(b).toBe(a)
    expect(c).not.toBe(a)
  })

  it('carries the request count of reading the account', () => {
    expect(makePlan(aDesiredState(), aLiveState({requestCount: 7}), noAdopt).requestCount).toBe(7)
  })
})

describe('makePlan: key changes', () => {
  it('warns when a key renamed in YAML turns into delete + create of an object with the same name', () => {
    const live = aLiveState({escalationPolicies: [aLiveResource(anEscalationPolicy({key: 'old-key', name: 'Ops'}), {id: 'PE1'})]})
    const plan = makePlan(aDesiredState({escalationPolicies: [anEscalationPolicy({key: 'new-key', name: 'ops'})]}), live, noAdopt)
    expect(plan.changes.map((c) => `${c.kind} ${c.key}`)).toEqual(['create new-key', 'delete old-key'])
    expect(plan.warnings).toEqual([
      {
        code: 'KEY_CHANGED',
        message:
          'escalation_policy new-key has the name of escalation_policy old-key, which the plan deletes: a key change re-creates the object ' +
          '(new ID, and PagerDuty may refuse the duplicate name). Keep the key old-key to update it in place.',
        type: 'escalation_policy',
        key: 'new-key',
      },
    ])
  })
})
