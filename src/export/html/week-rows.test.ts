import {describe, expect, it} from 'vitest'
import {weekRows} from './week-rows.js'

const H = 3_600_000

describe('weekRows', () => {
  it('marks the UTC date of now as a whole local day, the same all day long', () => {
    const monday = Date.parse('2026-01-04T15:00:00Z') // Mon 2026-01-05 00:00 in Tokyo
    const w = {start: monday, end: monday + 168 * H}
    const early = weekRows([], w, 'Asia/Tokyo', Date.parse('2026-01-06T00:00:01Z'))
    const late = weekRows([], w, 'Asia/Tokyo', Date.parse('2026-01-06T23:59:59Z'))
    expect(early[0]?.today).toEqual(late[0]?.today)
    expect(early[0]?.today?.[0]).toBeCloseTo((24 / 168) * 100, 2) // Tue Jan 6 00:00 Tokyo
  })

  it('cuts weeks at Monday 00:00 local, with 23 h days across a DST change', () => {
    // Europe/Berlin springs forward on Sun 2026-03-29: that week has 167 hours.
    const monday = Date.parse('2026-03-22T23:00:00Z') // Mon 2026-03-23 00:00 CET
    const rows = weekRows([], {start: monday, end: monday + 167 * H}, 'Europe/Berlin', 0)
    expect(rows).toHaveLength(1)
    expect(rows[0]?.end).toBe(Date.parse('2026-03-29T22:00:00Z')) // Mon 2026-03-30 00:00 CEST
    expect(rows[0]?.dayMarks[6]).toBeCloseTo((144 / 167) * 100, 2)
    expect(rows[0]?.outside).toEqual([])
  })

  it('clips shifts to the window and greys out what lies outside it', () => {
    const monday = Date.parse('2026-01-05T00:00:00Z')
    const shift = {user: 'a@x.io', start: monday - 24 * H, end: monday + 42 * H, layer: 0}
    const [row] = weekRows([shift], {start: monday + 24 * H, end: monday + 84 * H}, 'UTC', monday + 30 * H)
    expect(row?.segments.map((s) => [s.left, s.width])).toEqual([[(24 / 168) * 100, (18 / 168) * 100].map((x) => Math.round(x * 1000) / 1000)])
    expect(row?.outside.map(([l]) => Math.round(l))).toEqual([0, 50])
    // today = the UTC date of now (Tue 2026-01-06) as a whole local day
    expect(row?.today).toEqual([(24 / 168) * 100, (24 / 168) * 100].map((x) => Math.round(x * 1000) / 1000))
  })
})
