import {describe, expect, it} from 'vitest'
import {aDesiredState, aLiveResource, aLiveState, aSmallPlan, aTeam} from '../../../test/builders.js'
import {makePlan} from '../make-plan.js'
import {planSchemaErrors} from '../plan-schema.js'
import {renderJson} from './json.js'

describe('renderJson', () => {
  it('produces JSON that the published schema accepts, with and without safety violations', () => {
    const {plan} = aSmallPlan()
    expect(planSchemaErrors(JSON.parse(renderJson(plan)))).toEqual([])
    const withVerdict = renderJson(plan, [{code: 'DESTROY_NOT_ALLOWED', message: 'm', requires: 'allow-destroy'}])
    expect(planSchemaErrors(JSON.parse(withVerdict))).toEqual([])
    expect(JSON.parse(withVerdict).violations).toEqual([{code: 'DESTROY_NOT_ALLOWED', message: 'm', requires: 'allow-destroy'}])
  })

  it('carries rollouts (when a rotation change takes effect) in the shape of the schema', () => {
    const {plan} = aSmallPlan()
    const rollout = {schedule: 'primary', timeZone: 'Asia/Tokyo', layer: 0, layerName: 'Weekly', at: '2026-03-09T01:00:00.000Z', atLocal: '2026-03-09T10:00', reason: 'next_handoff' as const}
    const doc = JSON.parse(renderJson({...plan, rollouts: [rollout]}))
    expect(doc.rollouts).toEqual([{schedule: 'primary', time_zone: 'Asia/Tokyo', layer: 0, layer_name: 'Weekly', at: '2026-03-09T01:00:00.000Z', at_local: '2026-03-09T10:00', reason: 'next_handoff'}])
    expect(planSchemaErrors(doc)).toEqual([])
    expect(JSON.parse(renderJson(plan))).not.toHaveProperty('rollouts')
  })

  it('puts the format version first and sorts nested keys', () => {
    const text = renderJson(aSmallPlan().plan)
    expect(text.startsWith('{\n  "format_version": 2,\n  "owner": "consumer-app",\n  "summary": {\n    "create": 1,\n    "delete": 1,\n    "update": 1\n  },')).toBe(true)
    expect(text.endsWith('}\n')).toBe(true)
  })

  it('writes every key in snake_case, like the config, while data keys (fingerprints, emails) stay as they are', () => {
    const {plan} = aSmallPlan()
    const text = renderJson({...plan, fingerprints: {...plan.fingerprints, live: {'schedule:id_platform': 'abc'}}})
    const keys = [...text.matchAll(/"([^"]+)":/g)].map((m) => m[1] as string)
    expect(keys.filter((k) => /[A-Z]/.test(k))).toEqual([])
    expect(keys).toContain('request_count')
    expect(keys).toContain('schedule:id_platform')
  })

  it('is byte-identical for equal plans built from differently ordered objects', () => {
    const team = aTeam({description: 'd'})
    const reordered = Object.fromEntries(Object.entries(team).reverse()) as typeof team
    const one = makePlan(aDesiredState({teams: [team]}), aLiveState({teams: [aLiveResource(aTeam(), {id: 'P1'})]}), {adopt: false})
    const two = makePlan(aDesiredState({teams: [reordered]}), aLiveState({teams: [aLiveResource(aTeam(), {id: 'P1'})]}), {adopt: false})
    expect(JSON.stringify(one)).not.toBe(JSON.stringify(two))
    expect(renderJson(two)).toBe(renderJson(one))
  })

  it('is rejected by the schema when a required field is missing', () => {
    const doc = JSON.parse(renderJson(aSmallPlan().plan)) as Record<string, unknown>
    delete doc.fingerprints
    expect(planSchemaErrors(doc)).toEqual(["/: must have required property 'fingerprints'"])
  })
})
