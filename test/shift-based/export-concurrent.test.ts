import {spawnSync} from 'node:child_process'
import {mkdirSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {lintIcs} from '../../src/export/ical-lint.js'
import ICAL from 'ical.js'
import {IN_CI, PYTHON, pythonIcalendarAvailable, requireInCi} from '../export/external-checkers.js'
import {feedEvents} from '../export/feed-events.js'
import {runCli, tempDir} from '../export/run-cli.js'
import {CONCURRENT} from './fixture.js'

const WINDOW = ['--since', '2026-03-02', '--until', '2026-03-09']

function exportOf(config: string): string {
  const out = tempDir('oncall-export-v3-')
  const r = runCli(['export', config, '-o', out, ...WINDOW, '--config-only'], {ONCALL_NOW: '2026-03-04T12:00:00Z'})
  expect(r.stderr).toBe('')
  expect(r.status).toBe(0)
  return out
}

/** The fixture with Anna in the release window too, which now opens at 08:00 with her primary shift. */
function doubleBooked(): string {
  const dir = tempDir('oncall-v3-double-')
  const text = readFileSync(join(CONCURRENT, 'oncall.yaml'), 'utf8')
    .replace('members: [ben@example.com, carl@example.com]', 'members: [anna@example.com, ben@example.com]')
    .replace('start: 2026-03-05T14:00', 'start: 2026-03-05T08:00')
    .replace('end: 2026-03-05T16:00', 'end: 2026-03-05T10:00')
  mkdirSync(dir, {recursive: true})
  writeFileSync(join(dir, 'oncall.yaml'), text)
  return dir
}

const uids = (events: string[]) => events.map((e) => e.split(' ')[1])

describe('export of a shift-based schedule with concurrent rotations', () => {
  it('writes concurrent shifts as separate events with distinct, stable UIDs that calendar parsers accept', () => {
    const out = exportOf(CONCURRENT)
    const events = feedEvents(out)
    const schedule = events.filter((e) => e.startsWith('schedules/ops-shifts.ics'))
    // Thursday: Anna (primary) and Emil (secondary) all day, Ben and Carl in the release window.
    expect(schedule.filter((e) => e.includes(' 2026-03-05T')).map((e) => e.replace(/^\S+ \S+ /, '')).sort()).toEqual([
      '2026-03-05T07:00:00.000Z/2026-03-05T19:00:00.000Z On call: Ops - Shifts (Anna)',
      '2026-03-05T07:00:00.000Z/2026-03-05T19:00:00.000Z On call: Ops - Shifts (Emil)',
      '2026-03-05T13:00:00.000Z/2026-03-05T15:00:00.000Z On call: Ops - Shifts (Ben)',
      '2026-03-05T13:00:00.000Z/2026-03-05T15:00:00.000Z On call: Ops - Shifts (Carl)',
    ])
    // 7 primary + 7 secondary days + 2 release-window members.
    expect(schedule).toHaveLength(16)
    expect(new Set(uids(events)).size).toBe(events.length)
    // Person feeds: each person's own shifts, whatever the rotation.
    expect(events.filter((e) => e.startsWith('users/ben-')).map((e) => e.split(' ')[2])).toEqual(['2026-03-05T13:00:00.000Z/2026-03-05T15:00:00.000Z'])
    for (const sub of ['schedules', 'users']) {
      for (const name of readdirSync(join(out, sub))) expect(lintIcs(readFileSync(join(out, sub, name))), `${sub}/${name}`).toEqual([])
    }
    // Stable: a second export of the same config gives the same UIDs and bytes.
    const again = exportOf(CONCURRENT)
    expect(feedEvents(again)).toEqual(events)
    expect(readFileSync(join(again, 'schedules', 'ops-shifts.ics'), 'utf8')).toBe(readFileSync(join(out, 'schedules', 'ops-shifts.ics'), 'utf8'))
  })

  it('names the rotation and hands off within it (another rotation on call is not "nobody")', () => {
    const ics = readFileSync(join(exportOf(CONCURRENT), 'schedules', 'ops-shifts.ics'), 'utf8').replace(/\r\n /g, '')
    expect(ics).toContain('Ben is on call for Ops - Shifts (rotation: Releases).')
    expect(ics).toContain('Handoff: starts after a gap (nobody on call in rotation Primary)\\; ends in a gap (nobody on call in rotation Primary).')
    expect(ics).not.toContain('(layer:')
  })

  it('a person in two rotations that start together gets two events with distinct UIDs', () => {
    const events = feedEvents(exportOf(doubleBooked())).filter((e) => e.startsWith('users/anna-') && e.includes(' 2026-03-05T07:00'))
    expect(events.map((e) => e.split(' ')[2])).toEqual(['2026-03-05T07:00:00.000Z/2026-03-05T09:00:00.000Z', '2026-03-05T07:00:00.000Z/2026-03-05T19:00:00.000Z'])
    expect(new Set(uids(events)).size).toBe(2)
  })

  it('the page draws concurrent shifts in lanes of a taller week row, layer schedules keep one lane', () => {
    const page = readFileSync(join(exportOf(CONCURRENT), 'index.html'), 'utf8')
    // The week of 2 March has up to four people on call at once (Thursday's release window).
    expect(page).toMatch(/<div class="week[^"]*" style="height:104px">/)
    const blocks = [...page.matchAll(/<b class="shift" style="[^"]*;top:(\d+)px;bottom:auto;height:22px" title="(\w+): Thu Mar 5 /g)].map((m) => `${m[2]}@${m[1]}`)
    expect(blocks.sort()).toEqual(['Anna@2', 'Ben@54', 'Carl@80', 'Emil@28'])
  })

  it.skipIf(!pythonIcalendarAvailable() && !IN_CI)('python-icalendar (an independent parser) reads the concurrent events as ical.js does', () => {
    requireInCi(pythonIcalendarAvailable(), 'python3-icalendar', 'apt-get install -y python3-icalendar')
    const out = exportOf(doubleBooked())
    const files = ['schedules', 'users'].flatMap((sub) => readdirSync(join(out, sub)).map((name) => join(out, sub, name)))
    const r = spawnSync(PYTHON, [join(import.meta.dirname, '..', 'export', 'check_icalendar.py'), ...files], {encoding: 'utf8'})
    expect(r.stderr).toBe('')
    const result = JSON.parse(r.stdout) as Record<string, {events: string[][]; errors: string[]}>
    for (const file of files) {
      expect(result[file]?.errors, file).toEqual([])
      const cal = new ICAL.Component(ICAL.parse(readFileSync(file, 'utf8')))
      const iso = (t: ICAL.Time): string => t.toJSDate().toISOString().replace('.000Z', 'Z')
      const viaIcalJs = cal.getAllSubcomponents('vevent').map((c) => {
        const e = new ICAL.Event(c)
        return [e.uid, iso(e.startDate), iso(e.endDate), e.summary, 'TRANSPARENT']
      })
      expect(result[file]?.events, file).toEqual(viaIcalJs)
    }
  })
})
