import {describe, expect, it} from 'vitest'
import {
  aDesiredState,
  aLayer,
  aLiveResource,
  aLiveState,
  aSchedule,
  aService,
  aSmallPlan,
  aTeam,
  aUser,
  anEscalationPolicy,
} from '../../test/builders.js'
import {makePlan} from './make-plan.js'
import {PlanFileError, parsePlan, serializePlan} from './plan-file.js'
import type {Plan} from './plan.js'

/** A plan with every change kind and every resource type, including the richer model variants. */
function richPlan(): Plan {
  const service = aService({
    urgency: {kind: 'support_hours', supportHours: {timeZone: 'Asia/Tokyo', days: [1, 2, 3, 4, 5], start: '09:00', end: '18:00'}, during: 'high', outside: 'low', scheduledActions: []},
    alertGrouping: {type: 'content_based', aggregate: 'all', fields: ['source'], windowMinutes: 5},
    autoResolveTimeoutSeconds: null,
  })
  const schedule = aSchedule({
    teams: ['consumer-app'],
    layers: [
      aLayer({end: '2026-12-31T18:00', restrictions: [{kind: 'weekly', startDay: 1, start: '09:00', durationMinutes: 600}]}),
      aLayer({name: 'Nights', turnSeconds: 43_200, restrictions: [{kind: 'daily', start: '20:00', durationMinutes: 720}]}),
    ],
  })
  const live = aLiveState({
    users: [aLiveResource(aUser({email: 'ken@example.com', name: 'Ken'}), {owner: null, id: 'PU1'})],
    teams: [aLiveResource(aTeam({key: 'old', name: 'Old'}), {id: 'PT1'}), aLiveResource(aTeam({key: 'x', name: 'Taken'}), {owner: 'payments', id: 'PT2'})],
    schedules: [aLiveResource(aSchedule({layers: []}), {id: 'PS1'})],
    escalationPolicies: [aLiveResource(anEscalationPolicy({key: 'consumer_app', name: 'Consumer App'}), {owner: null, id: 'PE1'})],
    services: [aLiveResource(aService({key: 'api2', name: 'API 2'}), {owner: null, id: 'PV2'})],
    requestCount: 9,
  })
  const desired = aDesiredState({
    users: [aUser({email: 'ken@example.com', name: 'Ken Sato', timeZone: 'Asia/Tokyo', role: 'user'})],
    teams: [aTeam({members: [{email: 'ken@example.com', role: 'manager'}]}), aTeam({key: 'taken', name: 'Taken'})],
    schedules: [schedule],
    escalationPolicies: [
      anEscalationPolicy({team: 'consumer-app', repeat: 2, rules: [{delayMinutes: 15, targets: [{type: 'schedule', key: 'consumer-app-primary'}, {type: 'user', email: 'ken@example.com'}]}]}),
    ],
    services: [service, aService({key: 'api2', name: 'API 2', alertGrouping: {type: 'time', timeoutMinutes: 0}})],
    referencedUsers: ['aiko@example.com'],
  })
  return makePlan(desired, live, {adopt: true})
}

describe('plan files', () => {
  it('round-trips a plan with every change kind and resource type', () => {
    const plan = richPlan()
    expect(new Set(plan.changes.map((c) => c.kind))).toEqual(new Set(['create', 'update', 'adopt', 'delete']))
    expect(new Set(plan.changes.map((c) => c.type))).toEqual(new Set(['user', 'team', 'schedule', 'escalation_policy', 'service']))
    const text = serializePlan(plan)
    const back = parsePlan(text)
    expect(back).toEqual(JSON.parse(JSON.stringify(plan)))
    expect(text).toContain('"time_zone": "Asia/Tokyo"')
    expect(text).not.toMatch(/"[a-z]+[A-Z][A-Za-z]*":/)
    expect(serializePlan(back)).toBe(text)
  })

  it('holds no secret-looking fields', () => {
    const text = serializePlan(richPlan())
    expect(text).not.toMatch(/token|authorization|password|secret/i)
  })

  it('refuses unknown format versions with a clear message', () => {
    const doc = JSON.parse(serializePlan(aSmallPlan().plan)) as Record<string, unknown>
    expect(() => parsePlan(JSON.stringify({...doc, format_version: 3}))).toThrow(
      'the plan file has format version 3, but this oncall reads version 2: make the plan again with this version',
    )
    // Version 1 (camelCase keys) is refused by its version, not by a confusing list of schema errors.
    const {format_version: _v, ...rest} = doc
    expect(() => parsePlan(JSON.stringify({...rest, formatVersion: 1}))).toThrow(/format version 1, but this oncall reads version 2/)
    expect(() => parsePlan(JSON.stringify({owner: 'x'}))).toThrow(/format version null/)
  })

  it('refuses text that is not JSON, and JSON that breaks the schema, listing the problems', () => {
    expect(() => parsePlan('not json')).toThrow(PlanFileError)
    expect(() => parsePlan('not json')).toThrow(/not valid JSON/)
    const doc = JSON.parse(serializePlan(aSmallPlan().plan)) as {changes: {kind: string}[]}
    doc.changes[0] = {...doc.changes[0], kind: 'explode'} as {kind: string}
    try {
      parsePlan(JSON.stringify(doc))
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(PlanFileError)
      expect((error as PlanFileError).message).toBe('the plan file does not match the plan format')
      expect((error as PlanFileError).details.some((d) => d.startsWith('/changes/0'))).toBe(true)
    }
  })

  it('rejects a resource value that does not fit its type', () => {
    const doc = JSON.parse(serializePlan(aSmallPlan().plan)) as {changes: {after?: Record<string, unknown>}[]}
    const after = doc.changes[0]?.after as Record<string, unknown>
    after.members = 'nobody'
    expect(() => parsePlan(JSON.stringify(doc))).toThrow(PlanFileError)
  })
})
