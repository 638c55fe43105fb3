import {describe, expect, it} from 'vitest'
import {aDesiredState, aLayer, aLiveResource, aLiveState, anEscalationPolicy, aSchedule, aTeam, liveUsers} from '../../test/builders.js'
import {makePlan} from './make-plan.js'
import {findBlockedMemberRemovals} from './member-removals.js'
import {assessSafety} from './safety.js'

const members = (...emails: string[]) => emails.map((email) => ({email, role: 'responder' as const}))
const team = aTeam({key: 'app', members: members('aiko@example.com', 'ken@example.com')})
const schedule = aSchedule({key: 'primary', layers: [aLayer({users: ['aiko@example.com', 'ken@example.com']})]})
const policy = anEscalationPolicy({key: 'app', team: 'app', rules: [{delayMinutes: 15, targets: [{type: 'schedule', key: 'primary'}]}]})
const live = aLiveState({
  users: liveUsers('aiko@example.com', 'ken@example.com'),
  teams: [aLiveResource(team)],
  schedules: [aLiveResource(schedule)],
  escalationPolicies: [aLiveResource(policy)],
})

function planFor(desired: Parameters<typeof aDesiredState>[0]) {
  return makePlan(aDesiredState({owner: 'consumer-app', ...desired}), live, {adopt: false})
}

describe('findBlockedMemberRemovals', () => {
  it('flags removing a member whom a policy of the team still reaches through a schedule', () => {
    const plan = planFor({teams: [aTeam({key: 'app', members: members('aiko@example.com')})], schedules: [schedule], escalationPolicies: [policy]})
    const found = findBlockedMemberRemovals(plan, live)
    expect(found).toEqual([expect.stringMatching(/team app: PagerDuty refuses to remove ken@example.com .* policy app .* through schedule primary/)])
    expect(assessSafety(plan, live, {allowDestroy: false, force: false}).map((v) => [v.code, v.requires])).toContainEqual(['MEMBER_STILL_PAGED', 'fix'])
  })

  it('allows the removal when the same plan takes them out of the schedule', () => {
    const without = aSchedule({key: 'primary', layers: [aLayer({users: ['aiko@example.com']})]})
    const plan = planFor({teams: [aTeam({key: 'app', members: members('aiko@example.com')})], schedules: [without], escalationPolicies: [policy]})
    expect(plan.changes.map((c) => `${c.kind} ${c.type}`)).toEqual(['update team', 'update schedule'])
    expect(findBlockedMemberRemovals(plan, live)).toEqual([])
  })

  it('flags a direct user target, and ignores policies of other teams', () => {
    const direct = anEscalationPolicy({key: 'app', team: 'app', rules: [{delayMinutes: 5, targets: [{type: 'user', email: 'ken@example.com'}]}]})
    const other = anEscalationPolicy({key: 'app', team: 'other', rules: direct.rules})
    const without = aSchedule({key: 'primary', layers: [aLayer({users: ['aiko@example.com']})]})
    const shrink = {teams: [aTeam({key: 'app', members: members('aiko@example.com')})], schedules: [without]}
    expect(findBlockedMemberRemovals(planFor({...shrink, escalationPolicies: [direct]}), live)).toEqual([
      expect.stringMatching(/ken@example.com .* reaches them directly/),
    ])
    expect(findBlockedMemberRemovals(planFor({...shrink, escalationPolicies: [other]}), live)).toEqual([])
  })
})
