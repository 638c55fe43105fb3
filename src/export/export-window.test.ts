import {describe, expect, it} from 'vitest'
import {exportWindow, paddedWindow, parseInstant, resolveNow, WINDOW_GRID_MS, WINDOW_PADDING_MS, WindowError} from './export-window.js'

const now = Date.parse('2026-03-20T12:34:56Z')
const day = (s: string): number => Date.parse(`${s}T00:00:00Z`)

describe('exportWindow', () => {
  it('defaults to 14 days back and 180 ahead, snapped to UTC midnight', () => {
    expect(exportWindow({now})).toEqual({start: day('2026-03-06'), end: day('2026-09-16')})
    expect(exportWindow({now: now + 3_600_000})).toEqual(exportWindow({now}))
  })

  it('accepts dates and date-times with an offset', () => {
    expect(exportWindow({now, since: '2026-01-01', until: '2026-01-02T09:00+09:00'})).toEqual({start: day('2026-01-01'), end: day('2026-01-02')})
  })

  it('refuses windows over two years, inverted windows and zone-less times', () => {
    expect(() => exportWindow({now, since: '2026-01-01', until: '2028-01-03'})).toThrow(/at most 2 years \(731 days\)/)
    expect(() => exportWindow({now, since: '2026-01-01', until: '2028-01-01'})).not.toThrow()
    expect(() => exportWindow({now, since: '2026-02-01', until: '2026-01-01'})).toThrow(WindowError)
    expect(() => parseInstant('2026-01-01T10:00', '--since')).toThrow(/with Z or an offset/)
  })

  it('takes now from the flag, then ONCALL_NOW, then the clock', () => {
    expect(resolveNow('2026-01-01', '2027-01-01', () => 5)).toBe(day('2026-01-01'))
    expect(resolveNow(undefined, '2027-01-01', () => 5)).toBe(day('2027-01-01'))
    expect(resolveNow(undefined, '', () => 5)).toBe(5)
    expect(() => resolveNow(undefined, 'soon', () => 5)).toThrow(/ONCALL_NOW "soon"/)
  })

  it('pads by at least 35 days, snapped to a 28-day grid that stays put while the window slides', () => {
    const w = exportWindow({now})
    const p = paddedWindow(w)
    expect(w.start - p.start).toBeGreaterThanOrEqual(WINDOW_PADDING_MS)
    expect(p.end - w.end).toBeGreaterThanOrEqual(WINDOW_PADDING_MS)
    expect(p.start % WINDOW_GRID_MS).toBe(0)
    const days = Array.from({length: 56}, (_, i) => paddedWindow(exportWindow({now: now + i * 86_400_000})).start)
    expect(new Set(days).size).toBeLessThanOrEqual(3) // changes at most every 28 days
  })
})
