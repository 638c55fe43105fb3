import {describe, expect, it} from 'vitest'
import {aDesiredState, aLiveResource, aLiveState, aSchedule} from '../../test/builders.js'
import type {ScheduleLayer} from '../model/schedule.js'
import {makePlan} from './make-plan.js'
import {renderText} from './render/text.js'
import {rolloutState} from './rollout.js'
import {rolloutLine, withRollouts} from './rollout-plan.js'

const weekly: ScheduleLayer = {
  name: 'Weekly',
  users: ['a@x.io', 'b@x.io', 'c@x.io'],
  turnSeconds: 7 * 86_400,
  rotationStart: '2026-01-05T10:00',
  start: '2026-01-05T10:00',
  end: null,
  restrictions: [],
}
const now = new Date('2026-03-04T03:00:00Z') // Wednesday, Tokyo

function rolledPlan(layer: ScheduleLayer) {
  const live = aLiveState({schedules: [aLiveResource(aSchedule({key: 'primary', layers: [weekly]}))]})
  const {state, rollouts} = rolloutState(aDesiredState({schedules: [aSchedule({key: 'primary', layers: [layer]})]}), live, now)
  return withRollouts(makePlan(state, live, {adopt: false}), rollouts)
}

describe('withRollouts', () => {
  it('lists the config-level field change and says when it takes effect', () => {
    const plan = rolledPlan({...weekly, users: ['b@x.io', 'a@x.io', 'c@x.io']})
    const change = plan.changes[0]
    expect(change?.kind === 'update' ? change.fields.map((f) => [f.path, f.before, f.after]) : []).toEqual([
      ['layers[0].users', ['a@x.io', 'b@x.io', 'c@x.io'], ['b@x.io', 'a@x.io', 'c@x.io']],
    ])
    expect(plan.rollouts?.map(rolloutLine)).toEqual(['Weekly takes effect mon 2026-03-09 10:00 Asia/Tokyo, at the next handoff'])
    expect(renderText(plan, {color: false})).toContain(
      '~ schedule primary (Weekly takes effect mon 2026-03-09 10:00 Asia/Tokyo, at the next handoff)',
    )
  })

  it('names rollout.at as the reason, and leaves plans without rollouts alone', () => {
    const at = rolledPlan({...weekly, users: ['c@x.io', 'a@x.io', 'b@x.io'], rollout: {kind: 'at', at: '2026-03-20T18:00'}})
    expect(at.rollouts?.map(rolloutLine)).toEqual(['Weekly takes effect fri 2026-03-20 18:00 Asia/Tokyo, as its rollout.at says'])
    expect(rolledPlan(weekly).rollouts).toBeUndefined()
    expect(rolledPlan(weekly).changes).toEqual([])
  })
})
