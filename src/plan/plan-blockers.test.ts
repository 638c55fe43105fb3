import {describe, expect, it} from 'vitest'
import {aDesiredState, aLiveResource, aLiveState, aSmallPlan, aTeam} from '../../test/builders.js'
import {makePlan} from './make-plan.js'
import {planBlockers} from './plan-blockers.js'

describe('planBlockers', () => {
  it('is null for an applicable plan', () => {
    expect(planBlockers(aSmallPlan().plan)).toBeNull()
  })

  it('lists unknown users by email and conflicts by owner', () => {
    const live = aLiveState({teams: [aLiveResource(aTeam({key: 'x'}), {owner: 'payments', id: 'PT7'})]})
    const desired = aDesiredState({teams: [aTeam({key: 'x'})], referencedUsers: ['b@x.io', 'a@x.io']})
    expect(planBlockers(makePlan(desired, live, {adopt: false}))).toEqual({
      summary: 'the plan cannot be applied: 2 referenced users do not exist in the account (a@x.io, b@x.io); 1 object is owned by another config',
      details: [
        'unknown user a@x.io: fix the email, or declare it under users: to create it',
        'unknown user b@x.io: fix the email, or declare it under users: to create it',
        'team x: "X" (PT7) is owned by config "payments"',
      ],
    })
  })
})
