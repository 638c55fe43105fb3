import {describe, expect, it} from 'vitest'
import {aDesiredState, aLiveState, anEscalationPolicy} from '../../../test/builders.js'
import {makePlan} from '../../plan/make-plan.js'
import {renderText} from '../../plan/render/text.js'
import {formatApplyEvent} from './apply-events.js'

describe('formatApplyEvent', () => {
  it('names the object exactly as the plan does (one spelling of escalation_policy)', () => {
    const plan = makePlan(aDesiredState({escalationPolicies: [anEscalationPolicy({key: 'sre'})]}), aLiveState(), {adopt: false})
    const change = plan.changes.find((c) => c.type === 'escalation_policy')
    if (!change) throw new Error('expected a policy create')
    const planLine = renderText(plan, {color: false}).split('\n').find((l) => l.startsWith('+ escalation'))
    expect(planLine).toBe('+ escalation_policy sre')
    expect(formatApplyEvent({kind: 'done', change, index: 0, total: 1, id: 'P1', ms: 5})).toBe(`${planLine} ... done (5ms)`)
  })
})
