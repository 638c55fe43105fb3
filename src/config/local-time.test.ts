import {describe, expect, it} from 'vitest'
import {firstHandoffAtOrAfter, parseWeeklyTime, toLocalDateTime, weekdayNumber} from './local-time.js'

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
