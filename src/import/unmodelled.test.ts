import {describe, expect, it} from 'vitest'
import type {PdEscalationPolicy, PdService, Read} from '../providers/pagerduty/dto.js'
import {policyUnmodelled, serviceUnmodelled} from './unmodelled.js'

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
