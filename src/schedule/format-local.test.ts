import {describe, expect, it} from 'vitest'
import {formatInZone, formatSpanInZone, isoInZone} from './format-local.js'

describe('formatting instants in a zone', () => {
  const t = Date.parse('2026-03-07T09:00:00Z')

  it('shows weekday, date and time on the local clock', () => {
    expect(formatInZone(t, 'Asia/Tokyo')).toBe('sat 2026-03-07 18:00')
    expect(formatInZone(t, 'America/New_York')).toBe('sat 2026-03-07 04:00')
    expect(formatSpanInZone(t, Date.parse('2026-03-09T00:00:00Z'), 'Asia/Tokyo')).toBe(
      'sat 2026-03-07 18:00 – mon 2026-03-09 09:00 Asia/Tokyo',
    )
  })

  it('writes ISO 8601 with the offset in force at that instant', () => {
    expect(isoInZone(t, 'Asia/Tokyo')).toBe('2026-03-07T18:00:00+09:00')
    expect(isoInZone(Date.parse('2026-07-01T12:00:00Z'), 'America/New_York')).toBe('2026-07-01T08:00:00-04:00')
    expect(isoInZone(t, 'Asia/Kathmandu')).toBe('2026-03-07T14:45:00+05:45')
    expect(isoInZone(t, 'UTC')).toBe('2026-03-07T09:00:00+00:00')
  })
})
