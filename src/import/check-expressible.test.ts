import {describe, expect, it} from 'vitest'
import {aShiftEvent} from '../../test/builders.js'
import type {Schedule} from '../model/schedule.js'
import {expressibilityProblems} from './check-expressible.js'
import {writtenSchedule} from './model-to-written.js'

describe('expressibilityProblems of a shift-based schedule', () => {
  const schedule = (events: Schedule['rotations']): Schedule => ({key: 'support', name: 'Support', description: '', timeZone: 'Europe/Berlin', teams: [], layers: [], rotations: events})

  it('accepts what validate accepts and reads back the same', () => {
    const ok = schedule([{name: 'Days', events: [aShiftEvent()]}])
    expect(expressibilityProblems('schedule', ok, writtenSchedule(ok))).toEqual([])
  })

  it("names what validate's shift-based rules refuse (events of a rotation whose shifts overlap)", () => {
    const overlapping = schedule([{name: 'Days', events: [aShiftEvent(), aShiftEvent({name: 'Event 2', start: '2026-03-02T16:00', end: '2026-03-02T18:00'})]}])
    expect(expressibilityProblems('schedule', overlapping, writtenSchedule(overlapping))).toEqual([
      expect.stringMatching(/^its rotations\[0\]\.events\[1\]\.start is refused by validate \(shifts of this event overlap those of `Event 1`/),
    ])
  })
})
