import {describe, expect, it} from 'vitest'
import {aShiftEvent} from '../../../test/builders.js'
import type {Override} from '../../model/override.js'
import type {Schedule} from '../../model/schedule.js'
import {computeShifts} from '../compute-shifts.js'
import {finalWithOverrides} from '../final-with-overrides.js'
import {timeOffCovers} from '../time-off-covers.js'
import {overrideRotation, rotationOverrides} from './rotation-overrides.js'


// Days 09:00-17:00 Berlin: a (Mar 2), b (Mar 3), a (Mar 4), ...; Nights 17:00-09:00: c, d, c, ...
const schedule: Schedule = {
  key: 'support',
  name: 'Support',
  description: '',
  timeZone: 'Europe/Berlin',
  teams: [],
  layers: [],
  rotations: [
    {name: 'Days', events: [aShiftEvent({})]},
    {name: 'Nights', events: [aShiftEvent({name: 'Night', start: '2026-03-02T17:00', end: '2026-03-03T09:00', members: ['c@x.com', 'd@x.com']})]},
  ],
}

const at = (iso: string) => Date.parse(iso)
const declared = (o: Partial<Override>): Override => ({schedule: 'support', user: 'e@x.com', start: 0, end: 0, note: null, origin: {kind: 'declared', index: 0}, ...o})
const window = {start: at('2026-03-02T00:00:00Z'), end: at('2026-03-06T00:00:00Z')}

describe('overrideRotation', () => {
  it('is the one rotation with someone on call in the span, or the one named', () => {
    // 10:00-12:00 Berlin on Mar 3 (09:00-11:00Z): only Days has someone (b).
    expect(overrideRotation(schedule, declared({start: at('2026-03-03T09:00:00Z'), end: at('2026-03-03T11:00:00Z')}))).toEqual({kind: 'rotation', index: 0})
    // 16:00-18:00 Berlin spans Days (a/b) and Nights.
    const both = declared({start: at('2026-03-03T15:00:00Z'), end: at('2026-03-03T17:00:00Z')})
    expect(overrideRotation(schedule, both)).toEqual({kind: 'ambiguous', names: ['Days', 'Nights']})
    expect(overrideRotation(schedule, {...both, rotation: 'Nights'})).toEqual({kind: 'rotation', index: 1})
    expect(overrideRotation(schedule, {...both, rotation: 'Night'})).toEqual({kind: 'unknown', name: 'Night'})
  })

  it('finds no rotation where nobody is on call', () => {
    const weekdaysOnly: Schedule = {...schedule, rotations: [{name: 'Days', events: [aShiftEvent({recurrence: ['RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR']})]}]}
    // Saturday Mar 7, 10:00-12:00 Berlin.
    expect(overrideRotation(weekdaysOnly, declared({start: at('2026-03-07T09:00:00Z'), end: at('2026-03-07T11:00:00Z')}))).toEqual({kind: 'none'})
  })
})

describe('rotationOverrides and finalWithOverrides on a shift-based schedule', () => {
  it('a declared override takes every member the rotation has on call in the span, and only that rotation', () => {
    // Mar 3 12:00 Berlin to Mar 4 12:00 Berlin, in Days: b (Mar 3) and a (Mar 4) are replaced; Nights keeps c/d.
    const o = declared({start: at('2026-03-03T11:00:00Z'), end: at('2026-03-04T11:00:00Z'), rotation: 'Days'})
    const pieces = rotationOverrides(schedule, [o])
    expect(pieces.map((p) => [p.rotationName, p.overridden, p.user])).toEqual([
      ['Days', 'a@x.com', 'e@x.com'],
      ['Days', 'b@x.com', 'e@x.com'],
    ])
    const final = finalWithOverrides(schedule, window, [o])
    const onAt = (iso: string) => final.filter((s) => s.start <= at(iso) && at(iso) < s.end).map((s) => s.user).sort()
    expect(onAt('2026-03-03T10:00:00Z')).toEqual(['b@x.com']) // 11:00 Berlin, before the override
    expect(onAt('2026-03-03T12:00:00Z')).toEqual(['e@x.com']) // 13:00 Berlin
    expect(onAt('2026-03-03T20:00:00Z')).toEqual(['d@x.com']) // the night is not touched
    expect(onAt('2026-03-04T09:00:00Z')).toEqual(['e@x.com']) // 10:00 Berlin, Mar 4 (a's day)
    expect(onAt('2026-03-04T12:00:00Z')).toEqual(['a@x.com']) // after the override
    const taken = final.find((s) => s.user === 'e@x.com')
    expect(taken).toMatchObject({layer: 0, override: {kind: 'override', replaces: 'b@x.com'}})
    // Nothing else changes: the total on-call time of the rotations is the same.
    const total = (list: readonly {start: number; end: number}[]) => list.reduce((n, s) => n + s.end - s.start, 0)
    expect(total(final)).toBe(total(computeShifts(schedule, window).final))
  })

  it('overriding someone with themselves gives no v3 override', () => {
    const o = declared({user: 'b@x.com', start: at('2026-03-03T09:00:00Z'), end: at('2026-03-03T11:00:00Z')})
    expect(rotationOverrides(schedule, [o])).toEqual([])
  })

  it('time off on a shift-based schedule is covered by the next member of the same rotation, as a v3 override of the person off', () => {
    const {covers, problems} = timeOffCovers([schedule], [{user: 'c@x.com', from: '2026-03-02T00:00', to: '2026-03-03T00:00', timeZone: null, cover: null, note: null}])
    expect(problems).toEqual([])
    // c's night Mar 1 17:00 → Mar 2 09:00 is not in the span's shifts before 00:00; the night of Mar 2 (from 17:00) is.
    expect(covers.map((c) => [c.user, c.rotation, c.origin.kind === 'time_off' ? c.origin.replaces : null])).toEqual([
      ['d@x.com', 'Nights', 'c@x.com'],
    ])
    const pieces = rotationOverrides(schedule, covers)
    expect(pieces).toMatchObject([{rotationName: 'Nights', overridden: 'c@x.com', user: 'd@x.com'}])
    const final = finalWithOverrides(schedule, window, covers)
    const night = final.filter((s) => s.start <= at('2026-03-02T20:00:00Z') && at('2026-03-02T20:00:00Z') < s.end)
    expect(night).toMatchObject([{user: 'd@x.com', override: {kind: 'time_off', replaces: 'c@x.com'}}])
  })
})
