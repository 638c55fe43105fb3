import fc from 'fast-check'
import {DateTime} from 'luxon'
import {describe, expect, it} from 'vitest'
import {oracleToInstant, oracleToLocal} from './oracle.test-helper.js'
import {ZoneClock} from './zone-clock.js'

const ZONES = [
  'UTC',
  'Asia/Tokyo',
  'America/New_York',
  'Europe/London',
  'Australia/Lord_Howe', // 30-minute DST shift
  'Asia/Kathmandu', // +05:45
  'America/Santiago', // southern-hemisphere DST, changes at midnight
  'Pacific/Apia', // skipped a whole day in 2011
]
const FROM = Date.UTC(1995, 0, 1)
const TO = Date.UTC(2045, 0, 1)

describe('ZoneClock', () => {
  it('reads instants on the wall clock exactly as Intl does', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), fc.integer({min: FROM / 1000, max: TO / 1000}), (zone, seconds) => {
        const t = seconds * 1000
        expect(ZoneClock.of(zone).toLocal(t)).toBe(oracleToLocal(zone, t))
      }),
      {numRuns: 3000},
    )
  })

  it('converts local times to the earliest instant, moving skipped ones forward', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), fc.integer({min: FROM / 60_000, max: TO / 60_000}), (zone, minutes) => {
        const local = minutes * 60_000
        expect(ZoneClock.of(zone).toInstant(local)).toBe(oracleToInstant(zone, local))
      }),
      {numRuns: 3000},
    )
  })

  it('agrees with the oracle around every 2026 New York and London change, minute by minute', () => {
    for (const [zone, day] of [
      ['America/New_York', '2026-03-08'],
      ['America/New_York', '2026-11-01'],
      ['Europe/London', '2026-03-29'],
      ['Europe/London', '2026-10-25'],
      ['Australia/Lord_Howe', '2026-04-05'],
    ] as const) {
      const clock = ZoneClock.of(zone)
      const start = Date.parse(`${day}T00:00:00Z`)
      for (let local = start; local < start + 86_400_000; local += 60_000) {
        expect(clock.toInstant(local)).toBe(oracleToInstant(zone, local))
        expect(clock.toLocal(local)).toBe(oracleToLocal(zone, local))
      }
    }
  })

  it('applies the documented rules in New York', () => {
    const clock = ZoneClock.of('America/New_York')
    // 02:30 on 2026-03-08 does not exist: it moves forward by the gap to 03:30 EDT.
    expect(DateTime.fromMillis(clock.toInstant(Date.UTC(2026, 2, 8, 2, 30)), {zone: 'America/New_York'}).toISO()).toBe(
      '2026-03-08T03:30:00.000-04:00',
    )
    // 01:30 on 2026-11-01 happens twice: the earlier (EDT) instant.
    expect(DateTime.fromMillis(clock.toInstant(Date.UTC(2026, 10, 1, 1, 30)), {zone: 'America/New_York'}).toISO()).toBe(
      '2026-11-01T01:30:00.000-04:00',
    )
  })

  it('refuses instants a Date cannot hold instead of looping', () => {
    expect(() => ZoneClock.of('Europe/London').toLocal(9e15)).toThrow(RangeError)
  })

  it('refuses unknown zones', () => {
    expect(() => ZoneClock.of('Nowhere/Special')).toThrow(/unknown time zone: Nowhere\/Special/)
  })
})
