import fc from 'fast-check'
import {DateTime} from 'luxon'
import {describe, expect, it} from 'vitest'
import type {LocalDateTime, Weekday} from '../model/time.js'
import {firstHandoffAtOrAfter, midnightAfter, parseWeeklyTime, toLocalDateTime, weekdayNumber, withoutZeroSeconds} from './local-time.js'

describe('toLocalDateTime', () => {
  it('adds midnight to a date and keeps a date-time', () => {
    expect(toLocalDateTime('2026-01-05')).toBe('2026-01-05T00:00')
    expect(toLocalDateTime('2026-01-05T10:00')).toBe('2026-01-05T10:00')
  })
  it('rejects dates that do not exist', () => {
    expect(toLocalDateTime('2026-02-30')).toBeUndefined()
    expect(toLocalDateTime('2026-13-01')).toBeUndefined()
  })
})

describe('firstHandoffAtOrAfter', () => {
  it('is the start itself when it is the handoff', () => {
    // 2026-01-05 is a Monday
    expect(firstHandoffAtOrAfter('2026-01-05T10:00', '10:00', 1)).toBe('2026-01-05T10:00')
  })
  it('moves to the handoff time later the same day', () => {
    expect(firstHandoffAtOrAfter('2026-01-05T00:00', '10:00', 1)).toBe('2026-01-05T10:00')
  })
  it('moves a week on when the handoff has passed that day', () => {
    expect(firstHandoffAtOrAfter('2026-01-05T11:00', '10:00', 1)).toBe('2026-01-12T10:00')
  })
  it('finds the next weekday', () => {
    expect(firstHandoffAtOrAfter('2026-01-07T00:00', '09:30', 5)).toBe('2026-01-09T09:30') // Wed → Fri
    expect(firstHandoffAtOrAfter('2026-01-10T00:00', '10:00', 1)).toBe('2026-01-12T10:00') // Sat → Mon
  })
  it('handles daily handoffs', () => {
    expect(firstHandoffAtOrAfter('2026-01-05T08:00', '09:00')).toBe('2026-01-05T09:00')
    expect(firstHandoffAtOrAfter('2026-01-05T09:01', '09:00')).toBe('2026-01-06T09:00')
  })
  it('is wall-clock arithmetic across a DST change date (no zone involved)', () => {
    // Europe/London springs forward on 2026-03-29 at 01:00; the local answer stays 01:30.
    expect(firstHandoffAtOrAfter('2026-03-29T00:00', '01:30')).toBe('2026-03-29T01:30')
  })
})

describe('weekday parsing', () => {
  it('is case-insensitive', () => {
    expect(weekdayNumber('Mon')).toBe(1)
    expect(weekdayNumber('SUN')).toBe(7)
    expect(weekdayNumber('xyz')).toBeUndefined()
    expect(parseWeeklyTime('Fri 18:00')).toEqual({day: 5, time: '18:00'})
    expect(parseWeeklyTime('fri 24:00')).toBeUndefined()
  })
})

/**
 * The functions above were luxon calls (a zone-less calendar in UTC); they are plain Date.UTC
 * arithmetic now, for speed. luxon's answers are the oracle: same result for any input, including
 * the odd ones (year 0000, leap days, hour 24, lower-case `t`).
 */
describe('the same answers as luxon', () => {
  const CALENDAR = {zone: 'utc'} as const
  const luxonToLocalDateTime = (text: string) => {
    const withTime = text.includes('T') ? text : `${text}T00:00`
    const withSeconds = withTime.length === 16 ? `${withTime}:00` : withTime
    const parsed = DateTime.fromFormat(withSeconds, "yyyy-MM-dd'T'HH:mm:ss", CALENDAR)
    return parsed.isValid ? withoutZeroSeconds(withSeconds) : undefined
  }
  const luxonFirstHandoff = (start: string, time: string, day?: Weekday) => {
    const from = DateTime.fromISO(start, CALENDAR)
    const [hour, minute, second] = time.split(':').map(Number)
    let candidate = from.set({hour, minute, second: second ?? 0, millisecond: 0})
    if (day !== undefined) candidate = candidate.plus({days: (day - candidate.weekday + 7) % 7})
    if (candidate < from) candidate = candidate.plus({days: day === undefined ? 1 : 7})
    return withoutZeroSeconds(candidate.toFormat("yyyy-MM-dd'T'HH:mm:ss"))
  }
  const luxonMidnightAfter = (date: string) => {
    const parsed = DateTime.fromFormat(date, 'yyyy-MM-dd', CALENDAR)
    return parsed.isValid ? parsed.plus({days: 1}).toFormat("yyyy-MM-dd'T'HH:mm") : undefined
  }

  const pad = (n: number, width = 2) => String(n).padStart(width, '0')
  const year = fc.oneof(fc.integer({min: 0, max: 9999}), fc.constantFrom(0, 4, 99, 100, 1900, 2000, 2024, 2026, 2100, 9999))
  const date = fc.tuple(year, fc.integer({min: 0, max: 13}), fc.integer({min: 0, max: 32})).map(([y, m, d]) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`)
  const clock = fc.tuple(fc.integer({min: 0, max: 25}), fc.integer({min: 0, max: 60}), fc.integer({min: 0, max: 60})).map(([h, m, s]) => [pad(h), pad(m), pad(s)])
  const dateTime = fc.tuple(date, clock, fc.constantFrom('T', 't'), fc.boolean()).map(([d, [h, m, s], t, seconds]) => `${d}${t}${h}:${m}${seconds ? `:${s}` : ''}`)
  const garbage = fc.stringMatching(/^[0-9T:-]{0,20}$/)
  const validTime = fc.tuple(fc.integer({min: 0, max: 23}), fc.integer({min: 0, max: 59}), fc.integer({min: 0, max: 59}), fc.boolean()).map(([h, m, s, seconds]) => `${pad(h)}:${pad(m)}${seconds ? `:${pad(s)}` : ''}`)

  it('toLocalDateTime', () => {
    fc.assert(
      fc.property(fc.oneof(date, dateTime, garbage), (text) => {
        expect(toLocalDateTime(text)).toBe(luxonToLocalDateTime(text))
      }),
      {numRuns: 5000, seed: 14},
    )
    expect(toLocalDateTime('2024-02-29')).toBe('2024-02-29T00:00')
    expect(toLocalDateTime('2100-02-29')).toBeUndefined()
    expect(toLocalDateTime('0000-02-29')).toBe('0000-02-29T00:00')
  })

  it('firstHandoffAtOrAfter, from any start toLocalDateTime accepts', () => {
    // Not year 0000: luxon computes the weekday of 0000-02-29 as 1900-03-01's (its 0-99 year shim).
    const start = fc
      .oneof(date, dateTime)
      .map(toLocalDateTime)
      .filter((s): s is LocalDateTime => s !== undefined && !s.startsWith('0000-'))
    const weekday = fc.option(fc.integer({min: 1, max: 7}).map((d) => d as Weekday), {nil: undefined})
    fc.assert(
      fc.property(start, validTime, weekday, (from, time, day) => {
        expect(firstHandoffAtOrAfter(from, time, day)).toBe(luxonFirstHandoff(from, time, day))
      }),
      {numRuns: 5000, seed: 14},
    )
    // Proleptic Gregorian: 0000-01-01 was a Saturday, so 0000-02-29 a Tuesday (luxon says Wednesday).
    expect(firstHandoffAtOrAfter('0000-02-29T00:00', '00:00', 1)).toBe('0000-03-06T00:00')
    expect(firstHandoffAtOrAfter('2026-01-05T24:00', '10:00', 1)).toBe('2026-01-12T10:00')
  })

  it('midnightAfter', () => {
    fc.assert(
      fc.property(fc.oneof(date, garbage), (text) => {
        expect(midnightAfter(text)).toBe(luxonMidnightAfter(text))
      }),
      {numRuns: 3000, seed: 14},
    )
    expect(midnightAfter('2026-12-31')).toBe('2027-01-01T00:00')
  })
})
