import {describe, expect, it} from 'vitest'
import {aDesiredState, aLiveResource, aLiveState, aSchedule} from '../../test/builders.js'
import type {ScheduleLayer} from '../model/schedule.js'
import {makePlan} from './make-plan.js'
import {rolloutSchedule} from './rollout.js'
import {assessSafety} from './safety.js'

const weekly: ScheduleLayer = {
  name: 'Weekly',
  users: ['a@x.io', 'b@x.io'],
  turnSeconds: 7 * 86_400,
  rotationStart: '2026-01-05T10:00',
  start: '2026-01-05T10:00',
  end: null,
  restrictions: [],
}
const swapped = {...weekly, users: ['b@x.io', 'a@x.io']}
const now = new Date('2026-03-04T03:00:00Z') // Wed 12:00 Tokyo, a@x.io's turn (8 mod 2 = 0)
const flags = {allowDestroy: false, force: false, now}

function planFor(after: ScheduleLayer[]) {
  const before = aSchedule({key: 'primary', timeZone: 'Asia/Tokyo', layers: [weekly]})
  const live = aLiveState({schedules: [aLiveResource(before)]})
  const desired = aDesiredState({schedules: [aSchedule({...before, layers: after})]})
  return {plan: makePlan(desired, live, {adopt: false}), live}
}

describe('ONCALL_CHANGES_SOON', () => {
  it('needs --force when the change hands the shift in progress to someone else', () => {
    const {plan, live} = planFor([swapped])
    const v = assessSafety(plan, live, flags)
    expect(v.map((x) => [x.code, x.requires])).toEqual([['ONCALL_CHANGES_SOON', 'force']])
    expect(v[0]?.message).toContain('b@x.io gains time from wed 2026-03-04 12:00')
    expect(v[0]?.message).toContain('a@x.io loses time from wed 2026-03-04 12:00')
    expect(assessSafety(plan, live, {...flags, force: true})).toEqual([])
  })

  it('says nothing when the change waits for a handoff more than 24 hours away', () => {
    const live = aSchedule({key: 'primary', timeZone: 'Asia/Tokyo', layers: [weekly]})
    const rolled = rolloutSchedule({...live, layers: [swapped]}, live, now).schedule
    const {plan, live: state} = planFor([...rolled.layers])
    expect(plan.changes).toHaveLength(1)
    expect(assessSafety(plan, state, flags)).toEqual([])
  })

  it('is judged only when the caller gives the plan instant', () => {
    const {plan, live} = planFor([swapped])
    expect(assessSafety(plan, live, {allowDestroy: false, force: false})).toEqual([])
  })

  it('suggests the first handoff after 24 hours when next_handoff itself falls within the day', () => {
    // Mon 2026-03-09 08:00 Tokyo: the next handoff (10:00 today) is 2 hours away, so next_handoff does not help.
    const monday = new Date('2026-03-08T23:00:00Z')
    const live = aSchedule({key: 'primary', timeZone: 'Asia/Tokyo', layers: [weekly]})
    const rolled = rolloutSchedule({...live, layers: [swapped]}, live, monday).schedule
    const {plan, live: state} = planFor([...rolled.layers])
    const v = assessSafety(plan, state, {...flags, now: monday})
    expect(v.map((x) => x.code)).toEqual(['ONCALL_CHANGES_SOON'])
    expect(v[0]?.message).not.toContain('rollout: next_handoff')
    expect(v[0]?.message).toContain('`rollout: {at: 2026-03-16T10:00}`')
  })

  it('does not suggest waiting when someone leaves the rotation (that applies at once)', () => {
    const {plan, live} = planFor([{...weekly, users: ['b@x.io']}])
    const v = assessSafety(plan, live, flags)
    expect(v.map((x) => x.code)).toEqual(['ONCALL_CHANGES_SOON'])
    expect(v[0]?.message).not.toContain('rollout')
  })
})
