import ICAL from 'ical.js'
import {describe, expect, it} from 'vitest'
import type {Schedule} from '../model/index.js'
import type {Shift} from '../schedule/shift.js'
import {renderCalendar} from './calendar-feed.js'
import {lintIcs} from './ical-lint.js'
import {reviseEvents} from './revision.js'
import {shiftEventDrafts} from './shift-events.js'

const H = 3_600_000
const t0 = Date.UTC(2026, 0, 5, 1) // Mon 10:00 in Tokyo

const schedule: Schedule = {
  key: 'consumer-app-primary',
  name: 'Consumer App - Primary',
  description: '',
  timeZone: 'Asia/Tokyo',
  teams: [],
  layers: [
    {name: 'Weekly primary', users: [], turnSeconds: 604_800, rotationStart: '2026-01-05T10:00', start: '2026-01-05T10:00', end: null, restrictions: []},
  ],
}
const shifts: Shift[] = [
  {user: 'aiko.tanaka@example.com', start: t0, end: t0 + 168 * H, layer: 0},
  {user: 'ken.sato@example.com', start: t0 + 168 * H, end: t0 + 336 * H, layer: 0},
  {user: 'mei.suzuki@example.com', start: t0 + 340 * H, end: t0 + 400 * H, layer: 0},
]
const names: Record<string, string> = {
  'aiko.tanaka@example.com': 'Aiko Tanaka, 田中 愛子; \\ "quoted"',
  'ken.sato@example.com': 'Ken Sato',
}
const nameOf = (e: string): string => names[e] ?? e
const window = {start: t0 - 24 * H, end: t0 + 1000 * H}

function render(busy = false, policies = [{policyName: 'Consumer App', levels: [1], levelCount: 2}]): string {
  const drafts = shiftEventDrafts({schedule, shifts, policies}, 'schedule', window, nameOf)
  return renderCalendar({name: 'On call: Consumer App - Primary', description: 'x', busy, events: reviseEvents(drafts, busy, new Map())})
}

function events(ics: string): ICAL.Event[] {
  const cal = new ICAL.Component(ICAL.parse(ics))
  return cal.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c))
}

describe('renderCalendar over hand-made shifts', () => {
  it('passes the feed lint and round-trips every UTC instant through ical.js', () => {
    const ics = render()
    expect(lintIcs(ics)).toEqual([])
    const got = events(ics).map((e) => ({start: e.startDate.toJSDate().getTime(), end: e.endDate.toJSDate().getTime()}))
    expect(got).toEqual(shifts.map((s) => ({start: s.start, end: s.end})))
  })

  it('puts feed properties before the first component, ends with CRLF and writes no METHOD', () => {
    const ics = render()
    const head = ics.slice(0, ics.indexOf('BEGIN:VEVENT'))
    for (const p of ['X-WR-CALNAME:On call: Consumer App - Primary', 'REFRESH-INTERVAL;VALUE=DURATION:PT1H', 'X-PUBLISHED-TTL:PT1H', 'X-WR-CALDESC;VALUE=TEXT:x', 'NAME:On call: Consumer App - Primary']) {
      expect(head).toContain(p + '\r\n')
    }
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true)
    expect(ics).not.toMatch(/^METHOD/m)
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/)
  })

  it('keeps ; , and \\ of the calendar description (X-WR-CALDESC as escaped TEXT), and ical.js reads it back intact', () => {
    const description = 'Tier 1; 5m, lead \\ b\nc'
    const ics = renderCalendar({name: 'n', description, busy: false, events: []})
    expect(ics).toContain('X-WR-CALDESC;VALUE=TEXT:Tier 1\\; 5m\\, lead \\\\ b c\r\n')
    expect(lintIcs(ics)).toEqual([])
    const cal = new ICAL.Component(ICAL.parse(ics))
    expect(cal.getFirstPropertyValue('x-wr-caldesc')).toBe('Tier 1; 5m, lead \\ b c')
  })

  it('escapes and folds summaries without breaking UTF-8, and ical.js reads them back intact', () => {
    const ics = render()
    const [aiko] = events(ics)
    expect(aiko?.summary).toBe(`On call: Consumer App - Primary (${names['aiko.tanaka@example.com']})`)
    expect(ics).toContain('Aiko Tanaka\\, 田中 愛子\\; \\\\')
    expect(aiko?.description).toContain('From Mon 2026-01-05 10:00 +09:00 to Mon 2026-01-12 10:00 +09:00 (Asia/Tokyo), 1w.')
  })

  it('describes handoffs from neighbouring shifts and the escalation policies', () => {
    const [aiko, ken, mei] = events(render())
    expect(aiko?.description).toContain('Handoff: starts after a gap (nobody on call); hands off to Ken Sato.')
    expect(ken?.description).toContain('takes over from Aiko Tanaka') // gap before Mei: no handoff to her
    expect(ken?.description).toContain('; ends in a gap (nobody on call).')
    expect(mei?.summary).toBe('On call: Consumer App - Primary (mei.suzuki@example.com)')
    expect(mei?.description).toContain('Escalation policies paging this schedule: Consumer App (level 1 of 2).')
    expect(events(render(false, []))[0]?.description).toContain('No escalation policy pages this schedule.')
  })

  it('is transparent (free) by default and opaque with busy', () => {
    expect(render()).toContain('TRANSP:TRANSPARENT\r\n')
    expect(render(true)).toContain('TRANSP:OPAQUE\r\n')
  })

  it('is byte-identical when rendered twice, under any process time zone', () => {
    const a = render()
    const tz = process.env.TZ
    process.env.TZ = 'Pacific/Auckland'
    try {
      expect(render()).toBe(a)
    } finally {
      process.env.TZ = tz
    }
  })

  it('keeps only shifts overlapping the window, written whole', () => {
    const drafts = shiftEventDrafts({schedule, shifts, policies: []}, 'schedule', {start: t0 + 200 * H, end: t0 + 339 * H}, nameOf)
    expect(drafts.map((d) => [d.start, d.end])).toEqual([[t0 + 168 * H, t0 + 336 * H]])
  })
})

describe('control characters (RFC 5545 allows none in TEXT but HTAB)', () => {
  it('are stripped from event text and calendar names; the feed still parses and lints', () => {
    const hostile = (e: string): string => (e.startsWith('aiko') ? 'Aiko\u001b[2J\u0007 Tanaka\r\u0000\u0085' : nameOf(e))
    const drafts = shiftEventDrafts({schedule: {...schedule, name: 'Primary\u001b]0;pwned\u0007'}, shifts, policies: []}, 'schedule', window, hostile)
    const ics = renderCalendar({name: 'On call:\u0007 Primary\u001b[H', description: 'desc\u0000\u007f', busy: false, events: reviseEvents(drafts, false, new Map())})
    // Only CRLF line ends remain: no other C0 control, DEL or C1 anywhere in the file.
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/)
    expect(ics).toContain('X-WR-CALNAME:On call: Primary[H')
    expect(events(ics)[0]?.summary).toContain('Aiko[2J Tanaka')
    expect(lintIcs(ics)).toEqual([])
  })
})
