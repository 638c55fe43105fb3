import {describe, expect, it} from 'vitest'
import {EventExpander, type EngineEvent} from './event-shifts.js'
import {RecurrenceError} from './recurrence.js'

const H = 3_600_000
const iso = (t: number) => new Date(t).toISOString()
const at = (s: string) => Date.parse(s)

function event(over: Partial<EngineEvent>): EngineEvent {
  return {
    start: at('2026-01-05T09:00:00Z'),
    end: at('2026-01-05T17:00:00Z'),
    timeZone: 'UTC',
    recurrence: ['RRULE:FREQ=DAILY'],
    effectiveSince: at('2026-01-01T00:00:00Z'),
    effectiveUntil: null,
    strategy: {kind: 'rotating', shiftsPerMember: 1, members: ['a', 'b']},
    ...over,
  }
}

describe('EventExpander: DST on the wall clock (three zones, both switches)', () => {
  it('America/New_York: a weekly Monday 09:00–17:00 event stays 09:00–17:00 across March and November', () => {
    // 2026-03-08 spring forward, 2026-11-01 fall back.
    const e = new EventExpander(
      event({start: at('2026-03-02T14:00:00Z'), end: at('2026-03-02T22:00:00Z'), timeZone: 'America/New_York', recurrence: ['RRULE:FREQ=WEEKLY;BYDAY=MO']}),
    )
    const march = e.occurrences({start: at('2026-03-01T00:00:00Z'), end: at('2026-03-14T00:00:00Z')}).map((o) => [iso(o.start), iso(o.end)])
    expect(march).toEqual([
      ['2026-03-02T14:00:00.000Z', '2026-03-02T22:00:00.000Z'],
      ['2026-03-09T13:00:00.000Z', '2026-03-09T21:00:00.000Z'],
    ])
    const nov = e.occurrences({start: at('2026-10-26T00:00:00Z'), end: at('2026-11-03T00:00:00Z')}).map((o) => [iso(o.start), iso(o.end)])
    expect(nov).toEqual([
      ['2026-10-26T13:00:00.000Z', '2026-10-26T21:00:00.000Z'],
      ['2026-11-02T14:00:00.000Z', '2026-11-02T22:00:00.000Z'],
    ])
  })

  it('Europe/Berlin: a daily midnight-to-midnight event lasts 23 h on 29 March and 25 h on 25 October', () => {
    const e = new EventExpander(
      event({start: at('2026-03-01T23:00:00Z'), end: at('2026-03-02T23:00:00Z'), timeZone: 'Europe/Berlin', recurrence: ['RRULE:FREQ=DAILY']}),
    )
    const lengths = (from: string, to: string) => e.occurrences({start: at(from), end: at(to)}).map((o) => (o.end - o.start) / H)
    expect(lengths('2026-03-27T23:00:00Z', '2026-03-30T22:00:00Z')).toEqual([24, 23, 24])
    expect(lengths('2026-10-23T22:00:00Z', '2026-10-26T23:00:00Z')).toEqual([24, 25, 24])
    // The handoffs stay at local midnight: 23:00Z in winter, 22:00Z in summer.
    const starts = e.occurrences({start: at('2026-03-27T23:00:00Z'), end: at('2026-03-31T00:00:00Z')}).map((o) => iso(o.start))
    expect(starts).toEqual(['2026-03-27T23:00:00.000Z', '2026-03-28T23:00:00.000Z', '2026-03-29T22:00:00.000Z', '2026-03-30T22:00:00.000Z'])
  })

  it('Australia/Sydney: sub-day events across both switches (October spring forward, April fall back)', () => {
    // 2026-10-04 02:00 AEST → 03:00 AEDT; 2026-04-05 03:00 AEDT → 02:00 AEST.
    const crossing = new EventExpander(
      event({start: at('2026-01-01T14:30:00Z'), end: at('2026-01-01T16:30:00Z'), timeZone: 'Australia/Sydney'}), // 01:30–03:30 AEDT
    )
    const len = (x: EventExpander, day: string) => x.occurrences({start: at(`${day}T00:00:00+10:00`), end: at(`${day}T12:00:00+10:00`)}).map((o) => (o.end - o.start) / H)
    expect(len(crossing, '2026-10-04')).toEqual([1]) // 01:30 AEST – 03:30 AEDT: one hour shorter
    expect(len(crossing, '2026-04-05')).toEqual([3]) // 01:30 AEDT – 03:30 AEST: one hour longer
    // Wholly inside the skipped hour (02:15–02:45): starts an hour later, keeps its length.
    const inGap = new EventExpander(
      event({start: at('2026-01-01T15:15:00Z'), end: at('2026-01-01T15:45:00Z'), timeZone: 'Australia/Sydney'}),
    )
    const gap = inGap.occurrences({start: at('2026-10-04T00:00:00+10:00'), end: at('2026-10-04T12:00:00+10:00')})
    expect(gap.map((o) => [iso(o.start), iso(o.end)])).toEqual([['2026-10-03T16:15:00.000Z', '2026-10-03T16:45:00.000Z']])
    // In the repeated hour (02:15–02:45 on 5 April) the earlier instant (AEDT) is taken.
    const rep = inGap.occurrences({start: at('2026-04-05T00:00:00+11:00'), end: at('2026-04-05T12:00:00+10:00')})
    expect(rep.map((o) => iso(o.start))).toEqual(['2026-04-04T15:15:00.000Z'])
  })
})

describe('EventExpander: rotation alignment and effective range', () => {
  const members = ['a', 'b', 'c']
  const base = event({strategy: {kind: 'rotating', shiftsPerMember: 2, members}})

  it('occurrence k goes to member floor(k / shifts_per_member) mod n, counted from start_time', () => {
    const shifts = new EventExpander(base).shifts({start: at('2026-01-05T00:00:00Z'), end: at('2026-01-12T00:00:00Z')})
    expect(shifts.map((s) => s.member)).toEqual(['a', 'a', 'b', 'b', 'c', 'c', 'a'])
  })

  it('a later effective_since clips but does not reshuffle the rotation', () => {
    const later = new EventExpander({...base, effectiveSince: at('2026-01-07T12:00:00Z')})
    const shifts = later.shifts({start: at('2026-01-05T00:00:00Z'), end: at('2026-01-10T00:00:00Z')})
    // 7 Jan 09:00–17:00 is cut at 12:00; 7 Jan is occurrence 2 → b.
    expect(shifts.map((s) => [s.member, iso(s.start), iso(s.end)])).toEqual([
      ['b', '2026-01-07T12:00:00.000Z', '2026-01-07T17:00:00.000Z'],
      ['b', '2026-01-08T09:00:00.000Z', '2026-01-08T17:00:00.000Z'],
      ['c', '2026-01-09T09:00:00.000Z', '2026-01-09T17:00:00.000Z'],
    ])
  })

  it('effective_until ends the event; EXDATE removes an occurrence without using up a turn', () => {
    const e = new EventExpander({
      ...base,
      strategy: {kind: 'rotating', shiftsPerMember: 1, members},
      recurrence: ['RRULE:FREQ=DAILY', 'EXDATE:20260106T090000Z'],
      effectiveUntil: at('2026-01-08T12:00:00Z'),
    })
    const shifts = e.shifts({start: at('2026-01-05T00:00:00Z'), end: at('2026-01-20T00:00:00Z')})
    expect(shifts.map((s) => [s.member, iso(s.start), iso(s.end)])).toEqual([
      ['a', '2026-01-05T09:00:00.000Z', '2026-01-05T17:00:00.000Z'],
      ['b', '2026-01-07T09:00:00.000Z', '2026-01-07T17:00:00.000Z'],
      ['c', '2026-01-08T09:00:00.000Z', '2026-01-08T12:00:00.000Z'],
    ])
  })

  it('every-member events put everyone on; empty members cover nothing', () => {
    const e = new EventExpander({...base, strategy: {kind: 'every', members: ['a', null, 'b']}, recurrence: ['RRULE:FREQ=WEEKLY;BYDAY=MO']})
    const shifts = e.shifts({start: at('2026-01-05T00:00:00Z'), end: at('2026-01-13T00:00:00Z')})
    expect(shifts.map((s) => `${s.member}@${iso(s.start).slice(0, 10)}`)).toEqual(['a@2026-01-05', 'b@2026-01-05', 'a@2026-01-12', 'b@2026-01-12'])
  })

  it('weekly every other week with INTERVAL and UNTIL (an instant, read on the wall clock)', () => {
    const e = new EventExpander({...base, recurrence: ['RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=MO;UNTIL=20260202T090000Z']})
    const starts = e.occurrences({start: at('2026-01-01T00:00:00Z'), end: at('2026-03-01T00:00:00Z')}).map((o) => iso(o.start).slice(0, 10))
    expect(starts).toEqual(['2026-01-05', '2026-01-19', '2026-02-02'])
  })

  it('refuses recurrences PagerDuty refuses', () => {
    expect(() => new EventExpander({...base, recurrence: []})).toThrow(RecurrenceError)
    expect(() => new EventExpander({...base, recurrence: ['RRULE:FREQ=DAILY', 'RRULE:FREQ=WEEKLY']})).toThrow(/exactly one RRULE/)
    expect(() => new EventExpander({...base, recurrence: ['RRULE:INTERVAL=2']})).toThrow(/FREQ/)
    expect(() => new EventExpander({...base, recurrence: ['RRULE:FREQ=WEEKLY;BYDAY=XX']})).toThrow(/day code/)
    expect(() => new EventExpander({...base, end: base.start})).toThrow(/after start_time/)
  })
})
