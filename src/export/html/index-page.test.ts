import {describe, expect, it} from 'vitest'
import type {Schedule} from '../../model/index.js'
import {renderIndexPage, type IndexPageInput} from './index-page.js'

const schedule: Schedule = {
  key: 'ops',
  name: 'Ops <b>&</b> "friends"',
  description: '',
  timeZone: 'UTC',
  teams: [],
  layers: [{name: 'L', users: ['a@x.io', 'b@x.io'], turnSeconds: 86_400, rotationStart: '2026-01-05T00:00', start: '2026-01-05T00:00', end: null, restrictions: []}],
}
const t0 = Date.parse('2026-01-05T00:00:00Z')
const input = (baseUrl?: string): IndexPageInput => ({
  schedules: [{schedule, shifts: [{user: 'a@x.io', start: t0, end: t0 + 86_400_000, layer: 0}], policies: [], feedPath: 'schedules/ops.ics'}],
  people: [{email: 'a@x.io', feedPath: 'users/a-at-x.io.ics'}],
  window: {start: t0, end: t0 + 7 * 86_400_000},
  now: t0 + 3_600_000,
  baseUrl,
  nameOf: (e) => (e === 'a@x.io' ? 'Ann <script>' : e),
})

describe('renderIndexPage', () => {
  it('escapes every config string', () => {
    const html = renderIndexPage(input())
    expect(html).toContain('Ops &lt;b&gt;&amp;&lt;/b&gt; &quot;friends&quot;')
    expect(html).toContain('Ann &lt;script&gt;')
    expect(html).not.toContain('<script>')
  })

  it('links relative feeds and explains why webcal needs --base-url', () => {
    const html = renderIndexPage(input())
    expect(html).toContain('<a href="schedules/ops.ics">schedules/ops.ics</a>')
    expect(html).toContain('needs --base-url')
    expect(html).not.toContain('webcal://')
  })

  it('links https and webcal feeds under a base URL', () => {
    const html = renderIndexPage(input('https://oncall.example.com/cal/'))
    expect(html).toContain('href="https://oncall.example.com/cal/users/a-at-x.io.ics"')
    expect(html).toContain('href="webcal://oncall.example.com/cal/users/a-at-x.io.ics"')
  })

  it('draws one coloured block per shift, a legend with hours and the export day', () => {
    const html = renderIndexPage(input())
    expect(html.match(/class="shift"/g)).toHaveLength(1)
    expect(html).toContain('Ann &lt;script&gt; <span class="muted">24 h</span>')
    expect(html).toContain('b@x.io <span class="muted">0 h</span>')
    expect(html).toContain('<i class="today" style="left:0%;width:14.286%"')
    expect(renderIndexPage(input())).toBe(html)
  })
})
