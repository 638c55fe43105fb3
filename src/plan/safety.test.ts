import {describe, expect, it} from 'vitest'
import {aDesiredState, aLiveResource, aLiveState, aSchedule, aService, aTeam, aUser, anEscalationPolicy} from '../../test/builders.js'
import {makePlan} from './make-plan.js'
import {assessSafety} from './safety.js'

const noFlags = {allowDestroy: false, force: false}

function teams(n: number, description = '') {
  return Array.from({length: n}, (_, i) => aTeam({key: `t${String(i).padStart(2, '0')}`, description}))
}

describe('assessSafety: deletes', () => {
  const live = aLiveState({teams: [aLiveResource(aTeam({key: 'old'}))]})
  const plan = makePlan(aDesiredState(), live, {adopt: false})

  it('requires --allow-destroy for any delete, naming what goes', () => {
    const v = assessSafety(plan, live, noFlags)
    expect(v).toEqual([
      {
        code: 'DESTROY_NOT_ALLOWED',
        message: 'the plan deletes 1 object (team old); re-run with --allow-destroy to allow deletes',
        requires: 'allow-destroy',
      },
    ])
  })

  it('is satisfied by allowDestroy', () => {
    expect(assessSafety(plan, live, {allowDestroy: true, force: false})).toEqual([])
  })

  it('has nothing to say about creates', () => {
    const p = makePlan(aDesiredState({teams: [aTeam()]}), aLiveState(), {adopt: false})
    expect(assessSafety(p, aLiveState(), noFlags)).toEqual([])
  })
})

describe('assessSafety: users to create need From', () => {
  const plan = makePlan(aDesiredState({users: [aUser({email: 'new@x.io'})]}), aLiveState(), {adopt: false})

  it('is a fix when apply will have no From address, naming the users and how to give one', () => {
    expect(assessSafety(plan, aLiveState(), {...noFlags, hasFrom: false})).toEqual([
      {
        code: 'USERS_NEED_FROM',
        message:
          'the plan creates 1 user (new@x.io), which PagerDuty allows only with the email of an existing admin user as From: pass --from EMAIL or set PAGERDUTY_FROM',
        requires: 'fix',
      },
    ])
  })

  it('says nothing with a From address, or when not asked', () => {
    expect(assessSafety(plan, aLiveState(), {...noFlags, hasFrom: true})).toEqual([])
    expect(assessSafety(plan, aLiveState(), noFlags)).toEqual([])
  })
})

describe('assessSafety: thresholds', () => {
  function planUpdating(managed: number, updated: number) {
    const live = aLiveState({teams: teams(managed).map((t) => aLiveResource(t))})
    const desired = aDesiredState({teams: [...teams(updated, 'changed'), ...teams(managed).slice(updated)]})
    return {plan: makePlan(desired, live, {adopt: false}), live}
  }

  it('needs --force to update more than 30% of 10 or more managed objects of a type', () => {
    const {plan, live} = planUpdating(10, 4)
    expect(assessSafety(plan, live, noFlags)).toEqual([
      {
        code: 'TOO_MANY_UPDATES',
        message: 'the plan updates 4 of 10 managed teams (40%, more than 30%); review it and re-run with --force',
        requires: 'force',
      },
    ])
    expect(assessSafety(plan, live, {allowDestroy: false, force: true})).toEqual([])
  })

  it('allows exactly 30%', () => {
    const {plan, live} = planUpdating(10, 3)
    expect(assessSafety(plan, live, noFlags)).toEqual([])
  })

  it('does not apply below 10 managed objects of a type', () => {
    const {plan, live} = planUpdating(9, 9)
    expect(assessSafety(plan, live, noFlags)).toEqual([])
  })

  it('counts deletes separately and honours custom limits', () => {
    const live = aLiveState({teams: teams(10).map((t) => aLiveResource(t))})
    const plan = makePlan(aDesiredState({teams: teams(10).slice(2)}), live, {adopt: false})
    expect(assessSafety(plan, live, {allowDestroy: true, force: false})).toEqual([])
    const strict = assessSafety(plan, live, {allowDestroy: true, force: false, maxDeleteFraction: 0.1})
    expect(strict.map((v) => v.code)).toEqual(['TOO_MANY_DELETES'])
    expect(strict[0]?.message).toContain('deletes 2 of 10 managed teams (20%, more than 10%)')
  })

  it('does not count adoptions, which touch objects that are not managed yet', () => {
    const live = aLiveState({
      teams: [...teams(10).map((t) => aLiveResource(t)), ...teams(5).map((t) => aLiveResource({...t, key: `u-${t.key}`, name: `U ${t.name}`}, {owner: null}))],
    })
    const adopted = teams(5).map((t) => ({...t, key: `u-${t.key}`, name: `U ${t.name}`, description: 'mine now'}))
    const plan = makePlan(aDesiredState({teams: [...teams(10), ...adopted]}), live, {adopt: true})
    expect(plan.changes.filter((c) => c.kind === 'adopt')).toHaveLength(5)
    expect(assessSafety(plan, live, noFlags)).toEqual([])
  })

  it('counts only objects of this owner as managed', () => {
    const others = teams(20).map((t) => aLiveResource({...t, key: `o-${t.key}`, name: `O ${t.name}`}, {owner: 'payments'}))
    const mine = teams(5).map((t) => aLiveResource(t))
    const live = aLiveState({teams: [...others, ...mine]})
    const plan = makePlan(aDesiredState({teams: teams(5, 'changed')}), live, {adopt: false})
    expect(assessSafety(plan, live, noFlags)).toEqual([])
  })
})

describe('assessSafety: referential pre-flight', () => {
  it('refuses to delete a schedule a kept policy still uses, whoever owns the policy', () => {
    const live = aLiveState({
      schedules: [aLiveResource(aSchedule({key: 'primary'}), {id: 'PS1'})],
      escalationPolicies: [aLiveResource(anEscalationPolicy({key: 'hand-made', name: 'Hand Made', rules: [{delayMinutes: 5, targets: [{type: 'schedule', key: 'primary'}]}]}), {owner: null, id: 'PE1'})],
    })
    const plan = makePlan(aDesiredState(), live, {adopt: false})
    const v = assessSafety(plan, live, {allowDestroy: true, force: true})
    expect(v).toEqual([
      {
        code: 'STILL_REFERENCED',
        message:
          'schedule primary would be deleted but escalation policy "Hand Made" (PE1), owned by nobody (unmanaged) still uses it: ' +
          'remove the reference in PagerDuty first, or keep schedule primary in this config',
        requires: 'fix',
      },
    ])
  })

  it('accepts deleting a schedule when the policy that used it is changed away or deleted in the same plan', () => {
    const usesPrimary = anEscalationPolicy({rules: [{delayMinutes: 5, targets: [{type: 'schedule', key: 'primary'}]}]})
    const live = aLiveState({
      schedules: [aLiveResource(aSchedule({key: 'primary'})), aLiveResource(aSchedule({key: 'secondary'}))],
      escalationPolicies: [aLiveResource(usesPrimary), aLiveResource({...usesPrimary, key: 'other', name: 'Other'})],
    })
    const desired = aDesiredState({
      schedules: [aSchedule({key: 'secondary'})],
      escalationPolicies: [anEscalationPolicy({rules: [{delayMinutes: 5, targets: [{type: 'schedule', key: 'secondary'}]}]})],
    })
    const plan = makePlan(desired, live, {adopt: false})
    expect(plan.changes.map((c) => `${c.kind} ${c.type}:${c.key}`)).toEqual([
      'update escalation_policy:consumer-app',
      'delete escalation_policy:other',
      'delete schedule:primary',
    ])
    expect(assessSafety(plan, live, {allowDestroy: true, force: true})).toEqual([])
  })

  it('refuses to delete a policy a kept service uses, and a team a kept schedule uses', () => {
    const live = aLiveState({
      teams: [aLiveResource(aTeam({key: 'ops'}), {id: 'PT1'})],
      schedules: [aLiveResource(aSchedule({key: 'theirs', name: 'Theirs', teams: ['ops']}), {owner: 'payments', id: 'PS9'})],
      escalationPolicies: [aLiveResource(anEscalationPolicy({key: 'ep'}), {id: 'PE1'})],
      services: [aLiveResource(aService({key: 'svc', name: 'Svc', escalationPolicy: 'ep'}), {owner: 'payments', id: 'PV9'})],
    })
    const plan = makePlan(aDesiredState(), live, {adopt: false})
    const messages = assessSafety(plan, live, {allowDestroy: true, force: true}).map((v) => v.message)
    expect(messages).toEqual([
      'team ops would be deleted but schedule "Theirs" (PS9), owned by config "payments" still uses it: remove the reference in config "payments" first, or keep team ops in this config',
      'escalation policy ep would be deleted but service "Svc" (PV9), owned by config "payments" still uses it: remove the reference in config "payments" first, or keep escalation policy ep in this config',
    ])
  })

  it('ignores a live reference whose key several live objects share (it may mean another owner\'s object)', () => {
    const live = aLiveState({
      schedules: [aLiveResource(aSchedule({key: 'primary'})), aLiveResource(aSchedule({key: 'primary', name: 'Payments Primary'}), {owner: 'payments'})],
      escalationPolicies: [
        aLiveResource(anEscalationPolicy({key: 'pay', name: 'Pay', rules: [{delayMinutes: 5, targets: [{type: 'schedule', key: 'primary'}]}]}), {owner: 'payments'}),
      ],
    })
    const plan = makePlan(aDesiredState(), live, {adopt: false})
    expect(assessSafety(plan, live, {allowDestroy: true, force: true})).toEqual([])
  })
})
