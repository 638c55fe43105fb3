import {describe, expect, it} from 'vitest'
import {aSmallPlan} from '../../test/builders.js'
import {planSchemaErrors} from '../plan/plan-schema.js'
import {renderApplyJson} from './apply-json.js'

describe('apply --json', () => {
  const {plan} = aSmallPlan()

  it('says why apply refused, with the plan and its safety verdict', () => {
    const violations = [{code: 'DESTROY_NOT_ALLOWED', message: 'the plan deletes 1 object', requires: 'allow-destroy' as const}]
    const doc = JSON.parse(renderApplyJson({plan, violations, outcome: 'refused', blockers: ['the plan deletes 1 object (needs --allow-destroy)'], requestCount: 12}))
    expect(doc).toMatchObject({outcome: 'refused', blockers: ['the plan deletes 1 object (needs --allow-destroy)'], applied: [], failed: null, not_attempted: [], request_count: 12})
    expect(doc.plan.violations).toEqual(violations)
    expect(planSchemaErrors(doc.plan)).toEqual([])
  })

  it('lists what was applied, the failure and what was not attempted', () => {
    const [first, second, third] = plan.changes
    if (!first || !second || !third) throw new Error('aSmallPlan has three changes')
    const report = {applied: [{change: first, id: 'P1', ms: 3}], failed: {change: second, message: 'HTTP 400', status: 400}, notAttempted: [third]}
    const doc = JSON.parse(renderApplyJson({plan, violations: [], outcome: 'failed', report, requestCount: 20}))
    expect(doc.applied).toEqual([{kind: first.kind, type: first.type, key: first.key, id: 'P1'}])
    expect(doc.failed).toEqual({kind: second.kind, type: second.type, key: second.key, message: 'HTTP 400', status: 400})
    expect(doc.not_attempted).toEqual([{kind: third.kind, type: third.type, key: third.key}])
  })
  it('says how many overrides were created and deleted, when the plan had override work', () => {
    const report = {applied: [], failed: null, notAttempted: [], overrides: {created: 3, deleted: 1, failed: null}}
    const doc = JSON.parse(renderApplyJson({plan, violations: [], outcome: 'applied', report, requestCount: 5}))
    expect(doc.overrides).toEqual({created: 3, deleted: 1, failed: null})
    const none = JSON.parse(renderApplyJson({plan, violations: [], outcome: 'applied', report: {applied: [], failed: null, notAttempted: []}, requestCount: 5}))
    expect('overrides' in none).toBe(false)
  })
})
