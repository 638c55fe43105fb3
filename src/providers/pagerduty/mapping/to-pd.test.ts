import {describe, expect, it} from 'vitest'
import type {Schedule} from '../../../model/schedule.js'
import type {Service} from '../../../model/service.js'
import {IdIndex} from '../id-index.js'
import {formatMarker} from '../ownership.js'
import {escalationPolicyToPd} from './escalation-policy-to-pd.js'
import {scheduleToPd} from './schedule-to-pd.js'
import {serviceToPd} from './service-to-pd.js'
import {teamToPd} from './team-to-pd.js'
import type {ToPdContext} from './to-pd-context.js'
import {userToPd} from './user-to-pd.js'

function context(): ToPdContext {
  const ids = new IdIndex()
  ids.record('user', 'aiko@example.com', 'PU1')
  ids.record('user', 'ken@example.com', 'PU2')
  ids.record('team', 'app', 'PT1')
  ids.record('schedule', 'primary', 'PS1')
  ids.record('escalation_policy', 'app', 'PE1')
  return {owner: 'app-owner', ids}
}

const schedule: Schedule = {
  key: 'primary',
  name: 'Primary',
  description: 'Weekly',
  timeZone: 'America/New_York',
  teams: ['app'],
  layers: [
    {
      name: 'Day',
      users: ['aiko@example.com', 'ken@example.com'],
      turnSeconds: 604800,
      rotationStart: '2026-01-05T10:00',
      start: '2026-01-05T00:00',
      end: null,
      restrictions: [{kind: 'weekly', startDay: 1, start: '09:00', durationMinutes: 480}],
    },
    {
      name: 'Summer',
      users: ['ken@example.com'],
      turnSeconds: 86400,
      rotationStart: '2026-07-01T09:00',
      start: '2026-07-01T09:00',
      end: '2026-08-01T09:00',
      restrictions: [{kind: 'daily', start: '09:00', durationMinutes: 60}],
    },
  ],
}

describe('scheduleToPd', () => {
  it('writes layers lowest first with zone offsets, references by ID, the marker last', () => {
    expect(scheduleToPd(schedule, context())).toEqual({
      type: 'schedule',
      name: 'Primary',
      description: `Weekly\n${formatMarker({owner: 'app-owner', key: 'primary'})}`,
      time_zone: 'America/New_York',
      teams: [{id: 'PT1', type: 'team_reference'}],
      schedule_layers: [
        {
          name: 'Day',
          start: '2026-01-05T00:00:00-05:00',
          rotation_virtual_start: '2026-01-05T10:00:00-05:00',
          rotation_turn_length_seconds: 604800,
          users: [{user: {id: 'PU1', type: 'user_reference'}}, {user: {id: 'PU2', type: 'user_reference'}}],
          restrictions: [{type: 'weekly_restriction', start_time_of_day: '09:00:00', duration_seconds: 28800, start_day_of_week: 1}],
        },
        {
          name: 'Summer',
          start: '2026-07-01T09:00:00-04:00',
          end: '2026-08-01T09:00:00-04:00',
          rotation_virtual_start: '2026-07-01T09:00:00-04:00',
          rotation_turn_length_seconds: 86400,
          users: [{user: {id: 'PU2', type: 'user_reference'}}],
          restrictions: [{type: 'daily_restriction', start_time_of_day: '09:00:00', duration_seconds: 3600}],
        },
      ],
    })
  })

  it('reuses live layer IDs by position, clears an end only when there is one, ends surplus layers now', () => {
    const raw = (id: string, end: string | null) => ({
      id,
      layer: {
        id,
        name: id,
        start: '2026-01-01T00:00:00-05:00',
        end,
        rotation_virtual_start: '2026-01-01T00:00:00-05:00',
        rotation_turn_length_seconds: 3600,
        users: [{user: {id: 'PU1', type: 'user_reference', summary: 'Aiko'}}],
        restrictions: [],
        rendered_schedule_entries: [],
      },
    })
    const now = new Date('2026-11-24T15:00:00Z')
    const body = scheduleToPd(
      {...schedule, layers: [schedule.layers[0] as Schedule['layers'][number]]},
      context(),
      [raw('LA', '2027-01-01T00:00:00-05:00'), raw('LB', null)],
      now,
    )
    expect(body.schedule_layers.map((l) => [l.id, l.end])).toEqual([
      ['LA', null],
      ['LB', '2026-11-24T10:00:00-05:00'],
    ])
    expect(body.schedule_layers[1]).not.toHaveProperty('rendered_schedule_entries')
    expect(body.schedule_layers[1]?.users).toEqual([{user: {id: 'PU1', type: 'user_reference'}}])
    const noEnd = scheduleToPd(schedule, context(), [raw('LA', null)], now)
    expect(noEnd.schedule_layers[0]).not.toHaveProperty('end')
  })

  it('pairs layer IDs slot by slot: a rollout pair is one place, the layers above keep their IDs', () => {
    const ref = (id: string, name: string, start: string, end: string | null) => ({
      id,
      layer: {
        id,
        name,
        start,
        end,
        rotation_virtual_start: '2026-01-05T10:00:00-05:00',
        rotation_turn_length_seconds: 604800,
        users: [{user: {id: 'PU1', type: 'user_reference'}}],
        restrictions: [],
      },
    })
    const day = schedule.layers[0] as Schedule['layers'][number]
    const top = {...day, name: 'Top', restrictions: []}
    const now = new Date('2026-03-04T15:00:00Z')
    // Config: Day (rolled out: ended at T + new from T), Top. Live: Day, Top.
    const rolled = {...schedule, layers: [{...day, end: '2026-03-09T10:00'}, {...day, users: ['ken@example.com'], start: '2026-03-09T10:00'}, top]}
    const live = [ref('LD', 'Day', '2026-01-05T00:00:00-05:00', null), ref('LT', 'Top', '2026-01-05T00:00:00-05:00', null)]
    expect(scheduleToPd(rolled, context(), live, now).schedule_layers.map((l) => [l.id, l.name, l.end ?? null])).toEqual([
      ['LD', 'Day', '2026-03-09T10:00:00-04:00'],
      [undefined, 'Day', null],
      ['LT', 'Top', null],
    ])
    // Live: the applied pair + Top; config reverted to one Day layer: it keeps LD, the pending LN is ended.
    const pending = [
      ref('LD', 'Day', '2026-01-05T00:00:00-05:00', '2026-03-09T10:00:00-04:00'),
      ref('LN', 'Day', '2026-03-09T10:00:00-04:00', null),
      ref('LT', 'Top', '2026-01-05T00:00:00-05:00', null),
    ]
    const reverted = scheduleToPd({...schedule, layers: [day, top]}, context(), pending, now).schedule_layers
    expect(reverted.map((l) => l.id)).toEqual(['LD', 'LT', 'LN'])
    expect(reverted[0]?.end).toBeNull() // the running layer's end is cleared
  })

  it('fails with a clear message when a referenced user is not in the account', () => {
    const bad = {...schedule, layers: [{...(schedule.layers[0] as Schedule['layers'][number]), users: ['ghost@example.com']}]}
    expect(() => scheduleToPd(bad, context())).toThrow('user ghost@example.com not found in PagerDuty')
  })
})

describe('escalationPolicyToPd', () => {
  it('maps targets, repeat, handoff notifications and the single team', () => {
    const body = escalationPolicyToPd(
      {
        key: 'app',
        name: 'App',
        description: '',
        team: 'app',
        repeat: 3,
        handoffNotifications: 'always',
        rules: [{delayMinutes: 10, targets: [{type: 'schedule', key: 'primary'}, {type: 'user', email: 'ken@example.com'}]}],
      },
      context(),
    )
    expect(body).toEqual({
      type: 'escalation_policy',
      name: 'App',
      description: formatMarker({owner: 'app-owner', key: 'app'}),
      num_loops: 3,
      on_call_handoff_notifications: 'always',
      escalation_rules: [
        {
          escalation_delay_in_minutes: 10,
          targets: [
            {id: 'PS1', type: 'schedule_reference'},
            {id: 'PU2', type: 'user_reference'},
          ],
        },
      ],
      teams: [{id: 'PT1', type: 'team_reference'}],
    })
  })

  it('carries each live rule\'s id and assignment strategy (PagerDuty replaces the rule list on PUT)', () => {
    const policy = {key: 'app', name: 'App', description: '', team: null, repeat: 0, handoffNotifications: 'if_has_services', rules: [
      {delayMinutes: 10, targets: [{type: 'schedule', key: 'primary'}]},
      {delayMinutes: 20, targets: [{type: 'user', email: 'ken@example.com'}]},
    ]} as const
    const live = [{id: 'PR1', escalation_delay_in_minutes: 5, targets: [], escalation_rule_assignment_strategy: {type: 'least_busy'}}]
    const rules = escalationPolicyToPd(policy, context(), live).escalation_rules
    expect(rules[0]).toEqual({id: 'PR1', escalation_rule_assignment_strategy: {type: 'least_busy'}, escalation_delay_in_minutes: 10, targets: [{id: 'PS1', type: 'schedule_reference'}]})
    expect(rules[1]).toEqual({escalation_delay_in_minutes: 20, targets: [{id: 'PU2', type: 'user_reference'}]})
  })

  it('sends round_robin when the config says it, and assign_to_everyone only to replace a live round_robin', () => {
    const rule = {delayMinutes: 10, targets: [{type: 'schedule', key: 'primary'}]} as const
    const policy = (assignment?: 'round_robin') => ({key: 'app', name: 'App', description: '', team: null, repeat: 0, handoffNotifications: 'if_has_services', rules: [{...rule, ...(assignment ? {assignment} : {})}]}) as const
    const liveRoundRobin = [{id: 'PR1', escalation_delay_in_minutes: 10, targets: [], escalation_rule_assignment_strategy: 'round_robin'}]
    expect(escalationPolicyToPd(policy('round_robin'), context()).escalation_rules[0]?.escalation_rule_assignment_strategy).toEqual({type: 'round_robin'})
    // Unchanged: the live value is written back as it is.
    expect(escalationPolicyToPd(policy('round_robin'), context(), liveRoundRobin).escalation_rules[0]?.escalation_rule_assignment_strategy).toBe('round_robin')
    expect(escalationPolicyToPd(policy(), context(), liveRoundRobin).escalation_rules[0]?.escalation_rule_assignment_strategy).toEqual({type: 'assign_to_everyone'})
    expect(escalationPolicyToPd(policy(), context()).escalation_rules[0]).not.toHaveProperty('escalation_rule_assignment_strategy')
  })
})

describe('serviceToPd', () => {
  const base: Service = {
    key: 'api',
    name: 'API',
    description: 'd',
    escalationPolicy: 'app',
    acknowledgementTimeoutSeconds: null,
    autoResolveTimeoutSeconds: 14400,
    urgency: {
      kind: 'support_hours',
      supportHours: {timeZone: 'Asia/Tokyo', days: [1, 2, 3, 4, 5], start: '09:00', end: '18:00'},
      during: 'high',
      outside: 'low', scheduledActions: [],
    },
    alertGrouping: {type: 'intelligent', windowMinutes: 5},
    autoPauseSeconds: null,
  }

  it('sends disabled timeouts as 0, support hours with the support-hours rule, grouping windows in seconds', () => {
    expect(serviceToPd(base, context())).toMatchObject({
      escalation_policy: {id: 'PE1', type: 'escalation_policy_reference'},
      acknowledgement_timeout: 0,
      auto_resolve_timeout: 14400,
      incident_urgency_rule: {
        type: 'use_support_hours',
        during_support_hours: {type: 'constant', urgency: 'high'},
        outside_support_hours: {type: 'constant', urgency: 'low'},
      },
      support_hours: {type: 'fixed_time_per_day', time_zone: 'Asia/Tokyo', days_of_week: [1, 2, 3, 4, 5], start_time: '09:00:00', end_time: '18:00:00'},
      alert_grouping_parameters: {type: 'intelligent', config: {time_window: 300}},
    })
  })

  it('sends scheduled actions of the support-hours rule, and auto-pause only when on (or to turn it off)', () => {
    const withActions = {...base, urgency: {...base.urgency, scheduledActions: [{at: 'support_hours_start', to: 'high'}]}, autoPauseSeconds: 600} as Service
    const body = serviceToPd(withActions, context())
    expect(body.scheduled_actions).toEqual([{type: 'urgency_change', at: {type: 'named_time', name: 'support_hours_start'}, to_urgency: 'high'}])
    expect(body.auto_pause_notifications_parameters).toEqual({enabled: true, timeout: 600})
    expect(serviceToPd(base, context())).not.toHaveProperty('auto_pause_notifications_parameters')
    expect(serviceToPd(base, context(), withActions).auto_pause_notifications_parameters).toEqual({enabled: false})
    expect(serviceToPd({...base, urgency: {kind: 'constant', urgency: 'high'}}, context()).scheduled_actions).toEqual([])
  })

  it('leaves support hours out of a constant rule and disables grouping explicitly', () => {
    const body = serviceToPd({...base, urgency: {kind: 'constant', urgency: 'low'}, alertGrouping: null}, context())
    expect(body).not.toHaveProperty('support_hours')
    expect(body.incident_urgency_rule).toEqual({type: 'constant', urgency: 'low'})
    expect(body.alert_grouping_parameters).toEqual({type: null})
    expect(body).not.toHaveProperty('teams')
  })
})

describe('teamToPd and userToPd', () => {
  it('appends the marker and refuses team descriptions over 1024 characters with it', () => {
    expect(teamToPd({key: 'app', name: 'App', description: '', members: []}, context()).description).toBe(
      formatMarker({owner: 'app-owner', key: 'app'}),
    )
    expect(() => teamToPd({key: 'app', name: 'App', description: 'x'.repeat(1000), members: []}, context())).toThrow(/too long/)
  })

  it('keeps a user’s own description, leaves undeclared fields out', () => {
    const body = userToPd({email: 'aiko@example.com', name: 'Aiko', timeZone: null, role: 'user'}, context(), 'Tokyo office')
    expect(body).toEqual({
      type: 'user',
      name: 'Aiko',
      email: 'aiko@example.com',
      role: 'user',
      description: `Tokyo office\n${formatMarker({owner: 'app-owner', key: 'aiko@example.com'})}`,
    })
  })
})
