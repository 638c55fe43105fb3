import {describe, expect, it} from 'vitest'
import {LOAD_COLOURS, loadSection} from './load-chart.js'

const H = 3_600_000

describe('loadSection', () => {
  it('stacks days, nights, weekends and holidays per person on one scale for all teams, escaped', () => {
    const html = loadSection(
      [
        {team: 'a', name: 'Team <A>', people: [{user: 'x@e.com', breakdown: {dayMs: 100 * H, nightMs: 50 * H, weekendMs: 30 * H, holidayMs: 20 * H}}]},
        {team: 'b', name: 'B', people: [{user: 'y@e.com', breakdown: {dayMs: 100 * H, nightMs: 0, weekendMs: 0, holidayMs: 0}}]},
      ],
      (e) => (e === 'x@e.com' ? 'X "<x>"' : e),
    )
    expect(html).toContain('<h3>Team &lt;A&gt;</h3>')
    expect(html).toContain('X &quot;&lt;x&gt;&quot;: 50 h nights')
    // 200 h is the widest bar (640 px): 100 h is 320 px, in both teams.
    expect(html).toContain(`<rect class="load-days" x="220" y="4" width="320" height="18" fill="${LOAD_COLOURS.dayMs}">`)
    expect(html).toContain(`<rect class="load-nights" x="540" y="4" width="160" height="18"`)
    expect(html).toContain(`<rect class="load-holidays" x="796" y="4" width="64" height="18"`)
    expect(html.match(/<rect /g)?.length).toBe(5) // no empty segments
    expect(html).toContain('>200 h</text>')
  })

  it('is empty without teams', () => {
    expect(loadSection([], (e) => e)).toBe('')
  })
})
