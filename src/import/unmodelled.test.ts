import {describe, expect, it} from 'vitest'
import {aShiftEvent} from '../../test/builders.js'
import type {Schedule} from '../model/schedule.js'
import type {PdEscalationPolicy, PdService, Read} from '../providers/pagerduty/dto.js'
import type {PdEventMember, PdScheduleV3} from '../providers/pagerduty/v3/dto-v3.js'
import {policyUnmodelled, serviceUnmodelled, shiftBasedUnmodelled} from './unmodelled.js'

const SUPPORT_HOURS_RULE = {type: 'use_support_hours', during_support_hours: {type: 'constant', urgency: 'high'}, outside_support_hours: {type: 'constant', urgency: 'low'}}
const HOURS = {type: 'fixed_time_per_day', time_zone: 'Asia/Tokyo', days_of_week: [1, 2, 3, 4, 5], start_time: '09:00:00', end_time: '18:00:00'}
const RAISE = {type: 'urgency_change', at: {type: 'named_time', name: 'support_hours_start'}, to_urgency: 'high'}
const service = (extra: Record<string, unknown>): Read<PdService> =>
  ({id: 'PV1', type: 'service', name: 'API', escalation_policy: {id: 'PE1', type: 'escalation_policy_reference'}, ...extra}) as Read<PdService>

describe('what the language cannot say about a service', () => {
  it('scheduled actions with support hours are expressible', () => {
    expect(serviceUnmodelled(service({incident_urgency_rule: SUPPORT_HOURS_RULE, support_hours: HOURS, scheduled_actions: [RAISE]}))).toEqual([])
  })

  it('scheduled actions without a support-hours rule, of an unknown kind, or support hours with seconds are not', () => {
    expect(serviceUnmodelled(service({incident_urgency_rule: {type: 'constant', urgency: 'high'}, scheduled_actions: [RAISE]}))[0]).toMatch(/without a support-hours urgency rule/)
    const odd = {...RAISE, at: {type: 'named_time', name: 'lunch'}}
    expect(serviceUnmodelled(service({incident_urgency_rule: SUPPORT_HOURS_RULE, support_hours: HOURS, scheduled_actions: [odd]}))[0]).toMatch(/no form for/)
    const seconds = {...HOURS, start_time: '09:00:30'}
    expect(serviceUnmodelled(service({incident_urgency_rule: SUPPORT_HOURS_RULE, support_hours: seconds}))).toEqual(['support hours with seconds (09:00:30 to 18:00:00)'])
  })
})

describe('what the language cannot say about a policy', () => {
  it('an assignment strategy is no reason to leave a policy out (apply carries it; import warns)', () => {
    const policy = {
      id: 'PE1',
      type: 'escalation_policy',
      name: 'P',
      escalation_rules: [{escalation_delay_in_minutes: 5, targets: [{id: 'PU1', type: 'user_reference'}], escalation_rule_assignment_strategy: {type: 'round_robin'}}],
    } as Read<PdEscalationPolicy>
    expect(policyUnmodelled(policy)).toEqual([])
  })
})

describe('what the language cannot say about a shift-based schedule', () => {
  const schedule = (rotations: Schedule['rotations']): Schedule => ({key: 's', name: 'S', description: '', timeZone: 'UTC', teams: [], layers: [], rotations})
  const wire = (members: PdEventMember[]): PdScheduleV3 => ({
    name: 'S',
    time_zone: 'UTC',
    rotations: [
      {
        id: 'R1',
        events: [
          {
            name: 'E',
            start_time: {date_time: '2026-03-02T09:00:00Z', time_zone: 'UTC'},
            end_time: {date_time: '2026-03-02T17:00:00Z', time_zone: 'UTC'},
            effective_since: '2026-03-02T09:00:00Z',
            recurrence: ['RRULE:FREQ=DAILY'],
            assignment_strategy: {type: 'rotating_member_assignment_strategy', shifts_per_member: 1, members},
          },
        ],
      },
    ],
  })
  const NOW = Date.parse('2026-03-02T00:00:00Z')

  it('names empty_member slots, rotations without current events and two rotations with one name', () => {
    const ok = schedule([{name: 'Days', events: [aShiftEvent()]}])
    expect(shiftBasedUnmodelled(ok, wire([{type: 'user_member', user_id: 'PU1'}]), NOW)).toEqual([])
    expect(shiftBasedUnmodelled(ok, wire([{type: 'user_member', user_id: 'PU1'}, {type: 'empty_member'}]), NOW)).toEqual([
      'rotations[0].events[0].members (1 empty_member slot): the language has no form for a slot nobody covers',
    ])
    const twice = schedule([
      {name: 'Days', events: [aShiftEvent()]},
      {name: 'Days', events: [aShiftEvent({start: '2026-03-02T18:00', end: '2026-03-02T20:00'})]},
      {name: 'Rotation 3', events: []},
    ])
    expect(shiftBasedUnmodelled(twice, undefined, NOW)).toEqual([
      'rotation 3 ("Rotation 3") has no current events (every event has ended)',
      'two rotations are named "Days" (their events\' names start with "Days · "): rename the events of one in PagerDuty',
    ])
    expect(shiftBasedUnmodelled(schedule([]), undefined, NOW)).toEqual(['it has no rotations'])
  })
})
