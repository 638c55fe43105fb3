import {DateTime} from 'luxon'
import {describe, expect, it} from 'vitest'
import {formatLocalDay, formatLocalShort, formatLocalWithOffset} from './local-time-format.js'

describe('local time formatting', () => {
  it('formats in the zone, across DST, like luxon does', () => {
    const zones = ['Asia/Tokyo', 'Europe/Berlin', 'America/St_Johns', 'Asia/Kolkata', 'UTC']
    const start = Date.parse('2026-01-01T00:00:00Z')
    for (const zone of zones) {
      for (let ms = start; ms < start + 366 * 86_400_000; ms += 7 * 3_600_000 + 13 * 60_000) {
        const dt = DateTime.fromMillis(ms, {zone}).setLocale('en-US')
        expect(formatLocalWithOffset(ms, zone)).toBe(dt.toFormat('ccc yyyy-LL-dd HH:mm ZZ'))
        expect(formatLocalShort(ms, zone)).toBe(dt.toFormat('ccc LLL d HH:mm'))
        expect(formatLocalDay(ms, zone)).toBe(dt.toFormat('LLL d'))
      }
    }
  })

  it('shows negative and half-hour offsets', () => {
    expect(formatLocalWithOffset(Date.parse('2026-07-01T12:00:00Z'), 'America/St_Johns')).toBe('Wed 2026-07-01 09:30 -02:30')
  })
})
