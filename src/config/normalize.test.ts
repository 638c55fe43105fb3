import {describe, expect, it} from 'vitest'
import {checkSources} from './load-config.js'

const NOW = new Date('2026-03-01T00:00:00Z')
const load = (text: string) => {
  const result = checkSources([{file: 'c.yaml', text}], {now: NOW})
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
  return result.state!
}

describe('normalize', () => {
  it('fills in every default', () => {
    const state = load(
      [
        'version: 1',
        'owner: t',
        'teams: {app: {members: [{user: Ken@Example.com}, {user: aiko@example.com}]}}',
        'schedules:',
        '  s: {time_zone: UTC, teams: [web, app], layers: [{users: [A@example.com], turn: 12h, rotation_start: 2026-01-05T08:00}]}',
        'escalation_policies:',
        '  p: {rules: [{delay: 1h30m, targets: [{schedule: s}, {user: Boss@example.com}]}]}',
        'services:',
        '  api: {escalation_policy: p}',
        'teams2: x',
      ]
        .slice(0, 9)
        .join('\n')
        .replace('teams: [web, app]', 'teams: [app]'),
    )
    expect(state.teams.get('app')).toEqual({
      key: 'app',
      name: 'app',
      description: '',
      members: [
        {email: 'aiko@example.com', role: 'responder'},
        {email: 'ken@example.com', role: 'responder'},
      ],
    })
    expect(state.schedules.get('s')?.layers[0]).toEqual({
      name: 'Layer 1',
      users: ['a@example.com'],
      turnSeconds: 43_200,
      rotationStart: '2026-01-05T08:00',
      start: '2026-01-05T08:00',
      end: null,
      restrictions: [],
    })
    expect(state.escalationPolicies.get('p')).toEqual({
      key: 'p',
      name: 'p',
      description: '',
      team: null,
      repeat: 0,
      handoffNotifications: 'if_has_services',
      rules: [{delayMinutes: 90, targets: [{type: 'schedule', key: 's'}, {type: 'user', email: 'boss@example.com'}]}],
    })
    expect(state.services.get('api')).toEqual({
      key: 'api',
      name: 'api',
      description: '',
      escalationPolicy: 'p',
      acknowledgementTimeoutSeconds: 1800,
      autoResolveTimeoutSeconds: 14_400,
      urgency: {kind: 'constant', urgency: 'high'},
      alertGrouping: null,
      autoPauseSeconds: null,
    })
    expect([...state.referencedUsers]).toEqual(['a@example.com', 'aiko@example.com', 'boss@example.com', 'ken@example.com'])
    expect(state.owner).toBe('t')
  })

  it('expands `weekdays: {from, to}` into five weekly windows, Monday to Friday', () => {
    const state = load(
      [
        'version: 1',
        'owner: t',
        'schedules:',
        '  s:',
        '    time_zone: Europe/Berlin',
        '    layers:',
        '      - {users: [a@x.io], turn: weekly, handoff: mon 09:00, start: 2026-01-05, restrictions: [{weekdays: {from: "09:00", to: "18:00"}}]}',
        '      - {users: [b@x.io], turn: weekly, handoff: mon 09:00, start: 2026-01-05, restrictions: [{weekdays: {from: "22:00", to: "06:00"}}]}',
      ].join('\n'),
    )
    const [day, night] = state.schedules.get('s')?.layers ?? []
    expect(day?.restrictions).toEqual([1, 2, 3, 4, 5].map((startDay) => ({kind: 'weekly', startDay, start: '09:00', durationMinutes: 540})))
    expect(night?.restrictions).toEqual([1, 2, 3, 4, 5].map((startDay) => ({kind: 'weekly', startDay, start: '22:00', durationMinutes: 480})))
  })

  it('ignores `templates:` and resolves `<<:` merge keys from its anchors', () => {
    const state = load(
      [
        'version: 1',
        'owner: t',
        'templates:',
        '  weekly: &weekly {turn: weekly, handoff: mon 09:00, start: 2026-01-05}',
        '  anything: [goes, here]',
        'schedules:',
        '  s:',
        '    time_zone: UTC',
        '    layers:',
        '      - <<: *weekly',
        '        users: [a@x.io, b@x.io]',
        '        handoff: tue 10:00',
      ].join('\n'),
    )
    expect(state.schedules.get('s')?.layers[0]).toMatchObject({users: ['a@x.io', 'b@x.io'], turnSeconds: 604_800, rotationStart: '2026-01-06T10:00'})
  })

  it('converts restrictions, support hours, timeouts and grouping', () => {
    const state = load(
      [
        'version: 1',
        'owner: t',
        'schedules:',
        '  s:',
        '    time_zone: Asia/Tokyo',
        '    layers:',
        '      - users: [a@example.com]',
        '        turn: daily',
        '        handoff: "09:00"',
        '        start: 2026-01-05T12:00',
        '        end: 2026-06-01',
        '        restrictions:',
        '          - daily: {from: "22:00", to: "06:00"}',
        '          - weekly: {from: "FRI 18:00", to: "mon 09:00"}',
        'escalation_policies:',
        '  p: {rules: [{delay: 5m, targets: [{schedule: s}]}]}',
        'services:',
        '  a:',
        '    escalation_policy: p',
        '    acknowledgement_timeout: disabled',
        '    auto_resolve_timeout: 1d',
        '    urgency: {support_hours: {time_zone: Asia/Tokyo, days: [fri, mon], from: "09:00", to: "18:00"}}',
        '    alert_grouping: {type: content_based, fields: [source]}',
        '  b: {escalation_policy: p, urgency: low, alert_grouping: {type: time}}',
        '',
      ].join('\n'),
    )
    const layer = state.schedules.get('s')?.layers[0]
    expect(layer?.rotationStart).toBe('2026-01-06T09:00')
    expect(layer?.end).toBe('2026-06-01T00:00')
    expect(layer?.restrictions).toEqual([
      {kind: 'daily', start: '22:00', durationMinutes: 480},
      {kind: 'weekly', startDay: 5, start: '18:00', durationMinutes: 2 * 1440 + 15 * 60},
    ])
    expect(state.services.get('a')).toMatchObject({
      acknowledgementTimeoutSeconds: null,
      autoResolveTimeoutSeconds: 86_400,
      urgency: {kind: 'support_hours', supportHours: {timeZone: 'Asia/Tokyo', days: [1, 5], start: '09:00', end: '18:00'}, during: 'high', outside: 'low'},
      alertGrouping: {type: 'content_based', aggregate: 'all', fields: ['source'], windowMinutes: 5},
    })
    expect(state.services.get('b')).toMatchObject({urgency: {kind: 'constant', urgency: 'low'}, alertGrouping: {type: 'time', timeoutMinutes: 0}})
  })
})

describe('normalize: what real accounts use', () => {
  it('keeps seconds of handoffs and starts (written only when not zero), scheduled actions and auto-pause', () => {
    const state = load(
      [
        'version: 1',
        'owner: t',
        'schedules:',
        '  s:',
        '    time_zone: Asia/Tokyo',
        '    layers:',
        '      - {users: [a@example.com], turn: weekly, handoff: "mon 10:00:30", start: 2026-01-05T04:26:15}',
        '      - {users: [a@example.com], turn: 12h, rotation_start: 2026-01-05T08:17:00}',
        'escalation_policies:',
        '  p: {rules: [{delay: 5m, targets: [{schedule: s}]}]}',
        '  q: {rules: [{delay: 5m, assignment: round_robin, targets: [{schedule: s}]}, {delay: 5m, assignment: assign_to_everyone, targets: [{schedule: s}]}]}',
        'services:',
        '  a:',
        '    escalation_policy: p',
        '    urgency:',
        '      support_hours: {time_zone: Asia/Tokyo, days: [mon], from: "09:00", to: "18:00"}',
        '      scheduled_actions: [{at: support_hours_start, to: high}]',
        '    auto_pause_notifications: 10m',
        '  b: {escalation_policy: p, auto_pause_notifications: recommended}',
        '  c: {escalation_policy: p, auto_pause_notifications: disabled}',
        '',
      ].join('\n'),
    )
    const [weekly, twelve] = state.schedules.get('s')?.layers ?? []
    expect(weekly).toMatchObject({start: '2026-01-05T04:26:15', rotationStart: '2026-01-05T10:00:30'})
    expect(twelve).toMatchObject({start: '2026-01-05T08:17', rotationStart: '2026-01-05T08:17'})
    expect(state.services.get('a')).toMatchObject({
      urgency: {kind: 'support_hours', scheduledActions: [{at: 'support_hours_start', to: 'high'}]},
      autoPauseSeconds: 600,
    })
    expect(state.services.get('b')?.autoPauseSeconds).toBe(0)
    expect(state.escalationPolicies.get('p')?.rules[0]).not.toHaveProperty('assignment')
    expect(state.escalationPolicies.get('q')?.rules.map((r) => r.assignment)).toEqual(['round_robin', undefined])
    expect(state.services.get('c')?.autoPauseSeconds).toBeNull()
  })
})

describe('normalize: rollout', () => {
  it('takes the schedule default, lets a layer override it, and leaves it out when unwritten', () => {
    const layer = (extra: string) => `{users: [a@example.com], turn: weekly, rotation_start: 2026-01-05T10:00${extra}}`
    const state = load(
      [
        'version: 1',
        'owner: t',
        'schedules:',
        `  s: {time_zone: UTC, rollout: immediate, layers: [${layer('')}, ${layer(', rollout: {at: 2026-03-16T10:00}')}]}`,
        `  u: {time_zone: UTC, layers: [${layer('')}, ${layer(', rollout: next_handoff')}]}`,
      ].join('\n'),
    )
    expect(state.schedules.get('s')?.layers.map((l) => l.rollout)).toEqual([{kind: 'immediate'}, {kind: 'at', at: '2026-03-16T10:00'}])
    expect(state.schedules.get('u')?.layers[0]).not.toHaveProperty('rollout')
    expect(state.schedules.get('u')?.layers[1]?.rollout).toEqual({kind: 'next_handoff'})
  })
})

describe('normalize: overrides and time off', () => {
  const base = [
    'version: 1',
    'owner: t',
    'users: [{email: Aiko@Example.com, name: Aiko, time_zone: Europe/London}]',
    'schedules:',
    '  tokyo: {time_zone: Asia/Tokyo, overrides: exclusive, layers: [{users: [aiko@example.com, ken@example.com], turn: weekly, handoff: mon 10:00, start: 2026-01-05}]}',
    '  plain: {time_zone: UTC, layers: [{users: [ken@example.com], turn: weekly, handoff: mon 10:00, start: 2026-01-05}]}',
  ]

  it('reads override times in the schedule zone or with their offset, and sorts them', () => {
    const state = load(
      [
        ...base,
        'overrides:',
        '  - {schedule: tokyo, user: Ken@Example.com, start: 2026-03-11T10:00+09:00, end: 2026-03-12T01:00Z, note: late}',
        '  - {schedule: tokyo, user: ken@example.com, start: 2026-03-10T10:00, end: 2026-03-11T10:00}',
      ].join('\n'),
    )
    expect(state.overrides).toEqual([
      {schedule: 'tokyo', user: 'ken@example.com', start: Date.parse('2026-03-10T01:00Z'), end: Date.parse('2026-03-11T01:00Z'), note: null, origin: {kind: 'declared', index: 1}},
      {schedule: 'tokyo', user: 'ken@example.com', start: Date.parse('2026-03-11T01:00Z'), end: Date.parse('2026-03-12T01:00Z'), note: 'late', origin: {kind: 'declared', index: 0}},
    ])
    expect([...(state.exclusiveOverrides ?? [])]).toEqual(['tokyo'])
  })

  it('time off: a date `to` lasts through that day; the zone defaults to the user’s', () => {
    const state = load([...base, 'time_off:', '  - {user: AIKO@example.com, from: 2026-03-10, to: 2026-03-12, cover: Ken@example.com}'].join('\n'))
    expect(state.timeOff).toEqual([{user: 'aiko@example.com', from: '2026-03-10T00:00', to: '2026-03-13T00:00', timeZone: 'Europe/London', cover: 'ken@example.com', note: null}])
  })

  it('leaves the state as before when the config has neither', () => {
    const state = load(base.join('\n').replace(' overrides: exclusive,', ''))
    expect('overrides' in state || 'timeOff' in state || 'exclusiveOverrides' in state).toBe(false)
  })
})
