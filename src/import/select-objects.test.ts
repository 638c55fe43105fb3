import {describe, expect, it} from 'vitest'
import type {PdEscalationPolicy, PdSchedule, PdService, RawAccount, Read} from '../providers/pagerduty/dto.js'
import {liveStateFromRaw} from '../providers/pagerduty/read-live-state.js'
import {selectObjects, type ImportFilter} from './select-objects.js'

const NOW = new Date('2026-03-02T03:00:00Z')
const NO_FILTER: ImportFilter = {teams: [], schedules: [], policies: [], services: []}

function schedule(id: string, name: string, description: string | null = null): Read<PdSchedule> {
  return {
    id,
    type: 'schedule',
    name,
    description,
    time_zone: 'UTC',
    schedule_layers: [
      {id: `${id}L`, name: 'L', start: '2026-01-05T00:00:00Z', rotation_virtual_start: '2026-01-05T00:00:00Z', rotation_turn_length_seconds: 604_800, users: [{user: {id: 'U1', type: 'user_reference'}}]},
    ],
  }
}

function policy(id: string, name: string, targets: {id: string; type: string}[]): Read<PdEscalationPolicy> {
  return {id, type: 'escalation_policy', name, escalation_rules: [{escalation_delay_in_minutes: 5, targets}]}
}

function service(id: string, name: string, policyId: string, extra: Partial<PdService> = {}): Read<PdService> {
  return {id, type: 'service', name, escalation_policy: {id: policyId, type: 'escalation_policy_reference'}, ...extra}
}

function account(parts: Partial<RawAccount>): RawAccount {
  return {
    users: [{id: 'U1', type: 'user', name: 'A', email: 'a@example.com'}],
    teams: [],
    teamMembers: new Map(),
    schedules: [],
    escalationPolicies: [],
    services: [],
    ...parts,
  }
}

function select(raw: RawAccount, owner = 'me', filter = NO_FILTER) {
  return selectObjects(liveStateFromRaw(raw, {now: NOW}), raw, owner, filter, NOW)
}

describe('selectObjects', () => {
  it('leaves out a policy with a target type the language has no form for, and the services that use it', () => {
    const raw = account({
      schedules: [schedule('S1', 'Primary')],
      // (schedule_v3_reference targets are modelled since issue 16; a team target is not.)
      escalationPolicies: [policy('P1', 'Team', [{id: 'X9', type: 'team_reference'}]), policy('P2', 'Fine', [{id: 'S1', type: 'schedule_reference'}])],
      services: [service('V1', 'Uses team', 'P1'), service('V2', 'Uses fine', 'P2')],
    })
    const s = select(raw)
    expect(s.escalationPolicies.map((p) => p.key)).toEqual(['fine'])
    expect(s.services.map((v) => v.key)).toEqual(['uses-fine'])
    expect(s.skipped.map((x) => [x.id, x.reasons.join('; ')])).toEqual([
      ['P1', expect.stringContaining('targets a team_reference (X9)')],
      ['V1', 'it uses escalation policy team, which is not imported'],
    ])
  })

  it("leaves out objects marked by another owner, and keeps our own marker's key", () => {
    const raw = account({
      schedules: [
        schedule('S1', 'Theirs', 'Managed by oncall (owner: other, key: theirs). Edit in git, not here.'),
        schedule('S2', 'Ours', 'Text\nManaged by oncall (owner: me, key: our-key). Edit in git, not here.'),
      ],
    })
    const s = select(raw)
    expect(s.schedules.map((x) => [x.key, x.description])).toEqual([['our-key', 'Text']])
    expect(s.skipped[0]?.reasons).toEqual(['it is managed by the oncall config of owner "other"'])
  })

  it('leaves out the second of two schedules with one name (the language needs unique names)', () => {
    const s = select(account({schedules: [schedule('S2', 'Same'), schedule('S1', 'Same')]}))
    expect(s.schedules.map((x) => x.key)).toEqual(['same'])
    expect(s.skipped.map((x) => x.id)).toEqual(['S2'])
  })

  it('with --service, takes the policy and schedules it uses, and nothing else', () => {
    const raw = account({
      schedules: [schedule('S1', 'Primary'), schedule('S2', 'Other')],
      escalationPolicies: [policy('P1', 'Pol', [{id: 'S1', type: 'schedule_reference'}]), policy('P2', 'Pol 2', [{id: 'S2', type: 'schedule_reference'}])],
      services: [service('V1', 'Api', 'P1'), service('V2', 'Web', 'P2', {scheduled_actions: [{type: 'urgency_change', at: {type: 'named_time', name: 'support_hours_start'}, to_urgency: 'high'}]})],
    })
    const s = select(raw, 'me', {...NO_FILTER, services: ['api']})
    expect([s.schedules.map((x) => x.key), s.escalationPolicies.map((x) => x.key), s.services.map((x) => x.key)]).toEqual([['primary'], ['pol'], ['api']])
    expect(s.skipped).toEqual([])
    expect(s.pulledIn).toEqual(['escalation policy pol (used by service api)', 'schedule primary (used by escalation policy pol)'])
    expect(select(raw, 'me', {...NO_FILTER, services: ['nope']}).unmatched).toEqual(['service nope'])
  })
})
