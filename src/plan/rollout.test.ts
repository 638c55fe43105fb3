import {describe, expect, it} from 'vitest'
import type {Schedule, ScheduleLayer} from '../model/schedule.js'
import {computeShifts} from '../schedule/compute-shifts.js'
import {alignScheduleLayers, rolloutSchedule} from './rollout.js'
import {collapsed} from './rollout-plan.js'

const weekly: ScheduleLayer = {
  name: 'Weekly',
  users: ['a@x.io', 'b@x.io', 'c@x.io', 'd@x.io'],
  turnSeconds: 7 * 86_400,
  rotationStart: '2026-01-05T10:00', // a Monday
  start: '2026-01-05T10:00',
  end: null,
  restrictions: [],
}
const schedule = (...layers: ScheduleLayer[]): Schedule => ({
  key: 'primary',
  name: 'Primary',
  description: '',
  timeZone: 'Asia/Tokyo',
  teams: [],
  layers,
})
// Wednesday 2026-03-04 12:00 in Tokyo: turn 8 (since 2026-03-02 10:00) is a@x.io's (8 mod 4 = 0).
const now = new Date('2026-03-04T03:00:00Z')
const swapped: ScheduleLayer = {...weekly, users: ['b@x.io', 'a@x.io', 'c@x.io', 'd@x.io']}

describe('rolloutSchedule', () => {
  it('ends the running layer at the next handoff and starts the changed one there', () => {
    const out = rolloutSchedule(schedule(swapped), schedule(weekly), now)
    expect(out.schedule.layers).toEqual([
      {...weekly, end: '2026-03-09T10:00'},
      {...swapped, start: '2026-03-09T10:00'},
    ])
    expect(out.notes).toEqual([
      {layer: 0, layerName: 'Weekly', at: '2026-03-09T01:00:00.000Z', atLocal: '2026-03-09T10:00', reason: 'next_handoff'},
    ])
  })

  it('keeps the person on call now until the handoff, then runs the new rotation as written', () => {
    const after = rolloutSchedule(schedule(swapped), schedule(weekly), now).schedule
    const shifts = computeShifts(after, {start: now.getTime(), end: Date.parse('2026-03-23T01:00:00Z')}).final
    // Without the rollout, turn 8 of the swapped list would be b@x.io's: the current shift would change hands.
    expect(shifts.map((s) => [s.user, new Date(s.start).toISOString(), new Date(s.end).toISOString()])).toEqual([
      ['a@x.io', '2026-03-04T03:00:00.000Z', '2026-03-16T01:00:00.000Z'], // a's turn, then turn 9 of the new list
      ['c@x.io', '2026-03-16T01:00:00.000Z', '2026-03-23T01:00:00.000Z'],
    ])
  })

  it('immediate edits the layer in place', () => {
    const out = rolloutSchedule(schedule({...swapped, rollout: {kind: 'immediate'}}), schedule(weekly), now)
    expect(out.schedule.layers).toEqual([swapped])
    expect(out.notes).toEqual([])
  })

  it('at: a given local time; in the past it is immediate', () => {
    const at = rolloutSchedule(schedule({...swapped, rollout: {kind: 'at', at: '2026-03-16T10:00'}}), schedule(weekly), now)
    expect(at.schedule.layers.map((l) => [l.start, l.end])).toEqual([
      ['2026-01-05T10:00', '2026-03-16T10:00'],
      ['2026-03-16T10:00', null],
    ])
    expect(at.notes[0]?.reason).toBe('at')
    const past = rolloutSchedule(schedule({...swapped, rollout: {kind: 'at', at: '2026-03-01T10:00'}}), schedule(weekly), now)
    expect(past.schedule.layers).toEqual([swapped])
  })

  it('name-only changes and unchanged layers are written as is (without the rollout field)', () => {
    const out = rolloutSchedule(schedule({...weekly, name: 'Renamed', rollout: {kind: 'next_handoff'}}), schedule(weekly), now)
    expect(out.schedule.layers).toEqual([{...weekly, name: 'Renamed'}])
  })

  it('the same restrictions in another order are no rotation change (a mask has no order)', () => {
    const day = {kind: 'daily', start: '09:00', durationMinutes: 540} as const
    const weekend = {kind: 'weekly', startDay: 6, start: '00:00', durationMinutes: 2880} as const
    const out = rolloutSchedule(schedule({...weekly, restrictions: [weekend, day]}), schedule({...weekly, restrictions: [day, weekend]}), now)
    expect(out.notes).toEqual([])
    expect(out.schedule.layers).toHaveLength(1)
  })

  it('removing someone from the rotation applies at once (offboarding)', () => {
    const out = rolloutSchedule(schedule({...weekly, users: ['b@x.io', 'c@x.io', 'd@x.io']}), schedule(weekly), now)
    expect(out.schedule.layers).toHaveLength(1)
    expect(out.notes).toEqual([])
  })

  it('a layer that has not started yet is edited in place', () => {
    const future = {...weekly, start: '2026-04-01T10:00'}
    const out = rolloutSchedule(schedule({...swapped, start: '2026-04-01T10:00'}), schedule(future), now)
    expect(out.schedule.layers).toHaveLength(1)
  })

  it('recognises an applied pair as the config layer (converged)', () => {
    const applied = rolloutSchedule(schedule(swapped), schedule(weekly), now).schedule
    const again = rolloutSchedule(schedule(swapped), applied, new Date('2026-03-06T00:00:00Z'))
    expect(again.schedule.layers).toEqual(applied.layers)
  })

  it('after the handoff the new layer alone matches the config layer', () => {
    const liveAfter = schedule({...swapped, start: '2026-03-09T10:00'})
    const out = rolloutSchedule(schedule(swapped), liveAfter, new Date('2026-03-10T00:00:00Z'))
    expect(out.schedule.layers).toEqual([swapped])
  })

  it('a pending pair whose change is reverted in the config becomes the running layer again', () => {
    const applied = rolloutSchedule(schedule(swapped), schedule(weekly), now).schedule
    const out = rolloutSchedule(schedule(weekly), applied, now)
    expect(out.schedule.layers).toEqual([weekly])
    expect(alignScheduleLayers(applied, out.schedule)).toEqual({pairs: [[0, 0]], newDesired: [], extraLive: [1]})
  })

  it('a pending pair changed again rolls out the newest change from the same running layer', () => {
    const applied = rolloutSchedule(schedule(swapped), schedule(weekly), now).schedule
    const third = {...weekly, users: ['d@x.io', 'c@x.io', 'b@x.io', 'a@x.io']}
    const out = rolloutSchedule(schedule(third), applied, now)
    expect(out.schedule.layers).toEqual([{...weekly, end: '2026-03-09T10:00'}, {...third, start: '2026-03-09T10:00'}])
  })

  it('a pending pair whose rollout time changes is moved (at) or applied now (immediate)', () => {
    const applied = rolloutSchedule(schedule(swapped), schedule(weekly), now).schedule
    const later = rolloutSchedule(schedule({...swapped, rollout: {kind: 'at', at: '2026-03-16T10:00'}}), applied, now)
    expect(later.schedule.layers.map((l) => [l.users[0], l.start, l.end])).toEqual([
      ['a@x.io', '2026-01-05T10:00', '2026-03-16T10:00'],
      ['b@x.io', '2026-03-16T10:00', null],
    ])
    const atOnce = rolloutSchedule(schedule({...swapped, rollout: {kind: 'immediate'}}), applied, now)
    expect(atOnce.schedule.layers).toEqual([swapped])
    const same = rolloutSchedule(schedule({...swapped, rollout: {kind: 'at', at: '2026-03-09T10:00'}}), applied, now)
    expect(same.schedule.layers).toEqual(applied.layers)
  })

  it('aligns a new pair with the single live layer and keeps the layers above in place', () => {
    const top: ScheduleLayer = {...weekly, name: 'Override', users: ['z@x.io']}
    const out = rolloutSchedule(schedule(swapped, top), schedule(weekly, top), now).schedule
    expect(out.layers.map((l) => l.name)).toEqual(['Weekly', 'Weekly', 'Override'])
    expect(alignScheduleLayers(schedule(weekly, top), out)).toEqual({pairs: [[0, 0], [1, 2]], newDesired: [1], extraLive: []})
  })
})

describe('collapsed (plan fields)', () => {
  it('reads a rollout pair as the new layer over the running layer span', () => {
    const pair = rolloutSchedule(schedule(swapped), schedule(weekly), now).schedule
    expect(collapsed(pair).layers).toEqual([{...swapped, start: weekly.start}])
    expect(collapsed(schedule(weekly))).toEqual(schedule(weekly))
  })
})
