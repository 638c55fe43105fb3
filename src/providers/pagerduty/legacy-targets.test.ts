import {describe, expect, it} from 'vitest'
import {aLiveResource, aLiveState, anEscalationPolicy} from '../../../test/builders.js'
import type {RawAccount} from './dto.js'
import {markLegacyTargets} from './legacy-targets.js'

const KEY = 'primary'
const raw = (types: string[]): RawAccount =>
  ({
    users: [],
    teams: [],
    teamMembers: new Map(),
    schedules: [],
    services: [],
    escalationPolicies: [{id: 'PPOL', name: 'P', escalation_rules: [{escalation_delay_in_minutes: 15, targets: types.map((type, i) => ({id: `S${i}`, type}))}]}],
  }) as unknown as RawAccount

describe('markLegacyTargets', () => {
  const both = anEscalationPolicy({rules: [{delayMinutes: 15, targets: [{type: 'schedule', key: KEY}, {type: 'schedule', key: KEY}]}]})
  const live = aLiveState({escalationPolicies: [aLiveResource(both, {id: 'PPOL'})]})

  it('marks the layer-based target of a key the config declares shift-based, by its wire type', () => {
    const out = markLegacyTargets(live, raw(['schedule_reference', 'schedule_v3_reference']), new Set([KEY]))
    expect(out.escalationPolicies[0]?.value.rules[0]?.targets).toEqual([{type: 'schedule', key: KEY, legacy: true}, {type: 'schedule', key: KEY}])
  })

  it('leaves keys that stay layer-based alone', () => {
    const out = markLegacyTargets(live, raw(['schedule_reference', 'schedule_reference']), new Set(['other']))
    expect(out.escalationPolicies[0]?.value).toBe(both)
  })
})
