import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {instantToIso, isoToLocal, localToIso, timeOfDayFromPd, timeOfDayToPd} from './wall-clock.js'

describe('wall-clock conversions', () => {
  it('reads any offset as the wall clock of the schedule zone', () => {
    expect(isoToLocal('2026-01-04T15:00:00Z', 'Asia/Tokyo')).toBe('2026-01-05T00:00')
    expect(isoToLocal('2026-01-04T20:30:00+05:30', 'Asia/Tokyo')).toBe('2026-01-05T00:00')
    expect(isoToLocal('2026-01-05T00:00:59+09:00', 'Asia/Tokyo')).toBe('2026-01-05T00:00:59') // seconds kept (PagerDuty keeps them)
  })

  it('writes the zone offset valid at that instant (DST)', () => {
    expect(localToIso('2026-01-15T09:00', 'America/New_York')).toBe('2026-01-15T09:00:00-05:00')
    expect(localToIso('2026-07-15T09:00', 'America/New_York')).toBe('2026-07-15T09:00:00-04:00')
    expect(localToIso('2026-01-05T10:00', 'Asia/Kolkata')).toBe('2026-01-05T10:00:00+05:30')
    expect(localToIso('2026-01-05T10:00', 'Etc/UTC')).toBe('2026-01-05T10:00:00+00:00')
  })

  it('follows the language rules in DST gaps (forward) and overlaps (earlier instant)', () => {
    expect(localToIso('2026-03-08T02:30', 'America/New_York')).toBe('2026-03-08T03:30:00-04:00')
    expect(localToIso('2026-11-01T01:30', 'America/New_York')).toBe('2026-11-01T01:30:00-04:00')
  })

  it('falls back to the timestamp offset for a zone the runtime does not know', () => {
    expect(isoToLocal('2026-01-05T10:00:00+09:00', 'Not/AZone')).toBe('2026-01-05T10:00')
  })

  it('rejects timestamps without offset', () => {
    expect(() => isoToLocal('2026-01-05T10:00:00', 'Asia/Tokyo')).toThrow(/offset/)
  })

  it('converts restriction times of day', () => {
    expect(timeOfDayFromPd('09:30:00')).toBe('09:30')
    expect(timeOfDayFromPd('9:05:00')).toBe('09:05')
    expect(timeOfDayToPd('23:59')).toBe('23:59:00')
  })

  it('local → ISO → local is stable for every zone and minute (property)', () => {
    const zones = ['Asia/Tokyo', 'America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'Asia/Kolkata', 'Etc/UTC']
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({min: Date.UTC(2020, 0, 1), max: Date.UTC(2035, 0, 1)}),
        (zone, ms) => {
          const local = new Date(ms).toISOString().slice(0, 16)
          const iso = localToIso(local, zone)
          // Outside DST gaps the local time survives; inside one it moves forward once and then stays.
          expect(localToIso(isoToLocal(iso, zone), zone)).toBe(iso)
          expect(instantToIso(Date.parse(iso), zone)).toBe(iso)
        },
      ),
      {numRuns: 500},
    )
  })
})
