import {describe, expect, it} from 'vitest'
import type {PdEscalationPolicy, PdService, PdTeam, PdUser, Read} from '../dto.js'
import {notManagedFields} from './not-managed.js'

const service = (extra: Record<string, unknown>): Read<PdService> =>
  ({id: 'PV1', type: 'service', name: 'API', escalation_policy: {id: 'PE1', type: 'escalation_policy_reference'}, ...extra}) as Read<PdService>

describe('notManagedFields: preserved fields that differ from PagerDuty\'s default', () => {
  it('names nothing on defaults', () => {
    expect(notManagedFields({type: 'service', raw: service({status: 'active', alert_creation: 'create_alerts_and_incidents', response_play: null})})).toEqual([])
    expect(notManagedFields({type: 'team', raw: {id: 'PT1', type: 'team', name: 'T', default_role: 'manager'} as Read<PdTeam>})).toEqual([])
  })

  it('names each non-default preserved field with its value', () => {
    const raw = service({
      status: 'maintenance',
      alert_creation: 'create_incidents',
      response_play: {id: 'PRP1', type: 'response_play_reference'},
      auto_pause_notifications_parameters: {enabled: true, timeout: 450},
    })
    expect(notManagedFields({type: 'service', raw})).toEqual([
      'status (maintenance)',
      'alert_creation (create_incidents)',
      'response_play (PRP1)',
      'auto_pause_notifications (on, 450 s)',
    ])
    // An auto-pause timeout the language can say is managed, not preserved.
    expect(notManagedFields({type: 'service', raw: service({auto_pause_notifications_parameters: {enabled: true, timeout: 600}})})).toEqual([])
    const policy = {
      id: 'PE1',
      type: 'escalation_policy',
      name: 'P',
      escalation_rules: [
        {escalation_delay_in_minutes: 5, targets: [], escalation_rule_assignment_strategy: 'assign_to_everyone'},
        {escalation_delay_in_minutes: 5, targets: [], escalation_rule_assignment_strategy: {type: 'round_robin'}},
        {escalation_delay_in_minutes: 5, targets: [], escalation_rule_assignment_strategy: {type: 'least_busy'}},
      ],
    } as Read<PdEscalationPolicy>
    // assign_to_everyone and round_robin are managed (rules[].assignment).
    expect(notManagedFields({type: 'escalation_policy', raw: policy})).toEqual(['rules[2].assignment_strategy (least_busy)'])
    const user = {id: 'PU1', type: 'user', name: 'A', email: 'a@x.io', job_title: 'SRE'} as Read<PdUser>
    expect(notManagedFields({type: 'user', raw: user})).toEqual(['job_title ("SRE")'])
  })
})
