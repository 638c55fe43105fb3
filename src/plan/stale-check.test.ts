import {describe, expect, it} from 'vitest'
import {aDesiredState, aLiveResource, aLiveState, aSmallPlan, aTeam} from '../../test/builders.js'
import {makePlan} from './make-plan.js'
import {findStaleReasons, liveFingerprintsFor} from './stale-check.js'

describe('stale plan detection', () => {
  it('notices a planned rollout time that has passed by the time apply runs', () => {
    const {plan, live} = aSmallPlan()
    const withRollout = {
      ...plan,
      rollouts: [{schedule: 'primary', timeZone: 'Asia/Tokyo', layer: 0, layerName: 'Weekly', at: '2026-03-09T01:00:00.000Z', atLocal: '2026-03-09T10:00', reason: 'next_handoff' as const}],
    }
    const fresh = {config: plan.fingerprints.config, live: liveFingerprintsFor(plan, live)}
    expect(findStaleReasons(withRollout, {...fresh, now: new Date('2026-03-09T00:59:00Z')})).toEqual([])
    expect(findStaleReasons(withRollout, {...fresh, now: new Date('2026-03-09T01:00:00Z')})).toEqual([
      'schedule primary: layer "Weekly" was to change at 2026-03-09T10:00 Asia/Tokyo, which has passed since the plan was made',
    ])
  })

  it('finds nothing when config and account are as planned', () => {
    const {plan, live} = aSmallPlan()
    expect(findStaleReasons(plan, {config: plan.fingerprints.config, live: liveFingerprintsFor(plan, live)})).toEqual([])
  })

  it('notices a changed config', () => {
    const {plan, live} = aSmallPlan()
    const other = makePlan(aDesiredState({teams: [aTeam({key: 'z'})]}), live, {adopt: false})
    expect(findStaleReasons(plan, {config: other.fingerprints.config, live: liveFingerprintsFor(plan, live)})).toEqual([
      'the configuration changed since the plan was made',
    ])
  })

  it('notices objects that changed, vanished or appeared since the plan', () => {
    const {plan, live} = aSmallPlan()
    // schedule primary (PS1) edited by hand, team old (PT1) deleted by hand, team app created by hand.
    const now = aLiveState({
      users: [...live.users.values()],
      schedules: live.schedules.map((s) => ({...s, fingerprint: 'edited'})),
      teams: [aLiveResource(aTeam({key: 'app-by-hand', name: 'app'}), {owner: null, id: 'PT9'})],
    })
    expect(findStaleReasons(plan, {config: plan.fingerprints.config, live: liveFingerprintsFor(plan, now)})).toEqual([
      'schedule primary changed in the account since the plan was made',
      'team old no longer exists in the account',
      'team app now exists in the account (created since the plan was made)',
    ])
  })

  it('follows objects by ID, so a rename in the account still counts as the same object', () => {
    const {plan, live} = aSmallPlan()
    const renamed = aLiveState({...live, users: [...live.users.values()], schedules: live.schedules.map((s) => ({...s, value: {...s.value, key: 'renamed'}}))})
    expect(liveFingerprintsFor(plan, renamed)).toEqual(liveFingerprintsFor(plan, live))
  })
})
