import {describe, expect, it} from 'vitest'
import {normalize} from '../config/normalize.js'
import type {WrittenRepeat, WrittenRotation, WrittenSchedule} from '../config/written.js'
import type {ShiftRotation} from '../model/schedule.js'
import {writtenSchedule} from './model-to-written.js'
import {writtenRepeat, writtenRotations} from './rotations-to-written.js'

function modelOf(rotations: WrittenRotation[], zone = 'Europe/Berlin'): ShiftRotation[] {
  const state = normalize({
    version: 1,
    owner: 'o',
    users: [],
    teams: new Map(),
    schedules: new Map([['s', {time_zone: zone, rotations} satisfies WrittenSchedule]]),
    escalation_policies: new Map(),
    services: new Map(),
  })
  return state.schedules.get('s')?.rotations as ShiftRotation[]
}

const event = (repeat: WrittenRepeat) => ({start: '2026-01-05T09:00', end: '2026-01-05T17:00', repeat, members: ['a@example.com', 'b@example.com']})

const EVERY_REPEAT: WrittenRepeat[] = [
  'daily',
  'weekly',
  'weekdays',
  {every_days: 3},
  {every_weeks: 2},
  {every_weeks: 1, on: ['sat', 'sun']},
  {every_weeks: 3, on: ['mon', 'thu']},
  {rrule: 'FREQ=MONTHLY;BYMONTHDAY=1'},
  {rrule: 'FREQ=WEEKLY;BYDAY=MO\nEXDATE;TZID=Europe/Berlin:20260202T090000'},
]

describe('writtenRotations', () => {
  it('written → model → written is the identity for every repeat form and every optional field', () => {
    const written: WrittenRotation[] = [
      {events: EVERY_REPEAT.map((repeat, i) => ({...event(repeat), start: `2026-01-${String(5 + i).padStart(2, '0')}T09:00`, end: `2026-01-${String(5 + i).padStart(2, '0')}T17:00`}))},
      {
        name: 'Nights',
        events: [
          {name: 'Night', time_zone: 'America/New_York', start: '2026-01-05T22:00', end: '2026-01-06T06:00', repeat: 'daily', members: ['c@example.com', 'a@example.com'], shifts_per_member: 7},
          {name: 'All hands', start: '2026-01-10', end: '2026-01-11', repeat: {every_weeks: 1, on: ['sat']}, members: ['a@example.com', 'b@example.com'], everyone: true, effective_from: '2026-03-01', effective_until: '2026-06-30T12:00'},
        ],
      },
    ]
    const model = modelOf(written)
    const back = writtenRotations(model, 'Europe/Berlin')
    // Dates are written as date-times (start/end), which read back the same.
    expect(back[1]?.events[1]).toMatchObject({start: '2026-01-10T00:00', end: '2026-01-11T00:00', effective_from: '2026-03-01', effective_until: '2026-06-30T12:00'})
    const normalizedWritten = structuredClone(written)
    const allHands = normalizedWritten[1]?.events[1]
    if (allHands) Object.assign(allHands, {start: '2026-01-10T00:00', end: '2026-01-11T00:00'})
    expect(back).toEqual(normalizedWritten)
    expect(modelOf(back)).toEqual(model)
  })

  it('model → written → model is the identity (names, zones, strategies, ranges)', () => {
    const model: ShiftRotation[] = [
      {
        name: 'Rotation 1',
        events: [
          {
            name: 'Event 1',
            timeZone: 'Europe/Berlin',
            start: '2026-03-28T22:00',
            end: '2026-03-29T06:00',
            recurrence: ['RRULE:FREQ=DAILY'],
            members: ['a@example.com'],
            assignment: {kind: 'rotating', shiftsPerMember: 1},
            effectiveFrom: null,
            effectiveUntil: null,
          },
        ],
      },
      {
        name: 'Support',
        events: [
          {
            name: 'Late',
            timeZone: 'Asia/Tokyo',
            start: '2026-01-05T18:30',
            end: '2026-01-05T23:00',
            recurrence: ['RRULE:FREQ=WEEKLY;INTERVAL=1;BYDAY=MO'],
            members: ['b@example.com', 'a@example.com'],
            assignment: {kind: 'every'},
            effectiveFrom: '2026-02-01T12:00',
            effectiveUntil: '2026-09-01T00:00',
          },
        ],
      },
    ]
    const written = writtenRotations(model, 'Europe/Berlin')
    expect(written[0]).toEqual({events: [{start: '2026-03-28T22:00', end: '2026-03-29T06:00', repeat: 'daily', members: ['a@example.com']}]})
    // INTERVAL=1 is not what `weekly`/`every_weeks` writes: kept as it is so it reads back as the same text.
    expect(written[1]?.events[0]?.repeat).toEqual({rrule: 'FREQ=WEEKLY;INTERVAL=1;BYDAY=MO'})
    expect(written[1]?.events[0]).toMatchObject({time_zone: 'Asia/Tokyo', everyone: true, effective_from: '2026-02-01T12:00', effective_until: '2026-09-01'})
    expect(modelOf(written)).toEqual(model)
  })

  it('leaves out an effective_from at or before start: it cuts no occurrence', () => {
    const model = modelOf([{events: [{...event('daily'), effective_from: '2026-01-01'}]}])
    expect(model[0]?.events[0]?.effectiveFrom).toBe('2026-01-01T00:00')
    expect(writtenRotations(model, 'Europe/Berlin')[0]?.events[0]?.effective_from).toBeUndefined()
  })
})

describe('writtenRepeat', () => {
  it('picks the shortest form whose RRULE is exactly the recurrence', () => {
    expect(writtenRepeat(['RRULE:FREQ=DAILY'])).toBe('daily')
    expect(writtenRepeat(['RRULE:FREQ=DAILY;INTERVAL=2'])).toEqual({every_days: 2})
    expect(writtenRepeat(['RRULE:FREQ=WEEKLY'])).toBe('weekly')
    expect(writtenRepeat(['RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR'])).toBe('weekdays')
    expect(writtenRepeat(['RRULE:FREQ=WEEKLY;BYDAY=SA,SU'])).toEqual({every_weeks: 1, on: ['sat', 'sun']})
    expect(writtenRepeat(['RRULE:FREQ=WEEKLY;INTERVAL=2'])).toEqual({every_weeks: 2})
    expect(writtenRepeat(['RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=FR'])).toEqual({every_weeks: 2, on: ['fri']})
  })

  it('passes anything else through as rrule (other parts, another order, EXDATE lines)', () => {
    expect(writtenRepeat(['RRULE:FREQ=WEEKLY;BYDAY=FR;INTERVAL=2'])).toEqual({rrule: 'FREQ=WEEKLY;BYDAY=FR;INTERVAL=2'})
    expect(writtenRepeat(['RRULE:FREQ=DAILY;COUNT=10'])).toEqual({rrule: 'FREQ=DAILY;COUNT=10'})
    expect(writtenRepeat(['RRULE:FREQ=DAILY', 'EXDATE:20260105T090000Z'])).toEqual({rrule: 'FREQ=DAILY\nEXDATE:20260105T090000Z'})
  })
})

describe('writtenSchedule', () => {
  it('writes rotations (and no layers) for a shift-based schedule', () => {
    const rotations = modelOf([{events: [event('weekdays')]}])
    const written = writtenSchedule({key: 's', name: 'S', description: '', timeZone: 'Europe/Berlin', teams: [], layers: [], rotations})
    expect(written.layers).toBeUndefined()
    expect(written.rotations).toEqual([{events: [{...event('weekdays')}]}])
  })
})
