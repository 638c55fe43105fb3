import {spawnSync} from 'node:child_process'
import {join} from 'node:path'
import ICAL from 'ical.js'
import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {exportCalendars, shiftsFromConfig} from '../../src/app/export-calendars.js'
import {exportWindow} from '../../src/export/export-window.js'
import {IN_CI, PYTHON, pythonIcalendarAvailable, requireInCi} from './external-checkers.js'
import {policies, schedules, users} from './fixture-state.js'
import {tempDir} from './run-cli.js'

const available = pythonIcalendarAvailable()

describe.skipIf(!available && !IN_CI)('cross-check with python-icalendar (independent parser)', () => {
  it('reads every exported feed without errors and sees the same UTC instants and summaries as ical.js', async () => {
    requireInCi(available, 'python3-icalendar', 'apt-get install -y python3-icalendar')
    const now = Date.parse('2026-03-20T12:00:00Z')
    const out = tempDir()
    const report = await exportCalendars({schedules, policies, users, shiftsFor: shiftsFromConfig(schedules), window: exportWindow({now}), now, busy: false, outDir: out, owner: 'test'})
    const files = report.files.filter((f) => f.path.endsWith('.ics')).map((f) => join(out, f.path))
    const r = spawnSync(PYTHON, [join(import.meta.dirname, 'check_icalendar.py'), ...files], {encoding: 'utf8'})
    expect(r.stderr).toBe('')
    const result = JSON.parse(r.stdout) as Record<string, {events: string[][]; errors: string[]}>
    for (const file of files) {
      const py = result[file]
      expect(py?.errors, file).toEqual([])
      const cal = new ICAL.Component(ICAL.parse(readFileSync(file, 'utf8')))
      const viaIcalJs = cal.getAllSubcomponents('vevent').map((c) => {
        const e = new ICAL.Event(c)
        const iso = (t: ICAL.Time): string => t.toJSDate().toISOString().replace('.000Z', 'Z')
        return [e.uid, iso(e.startDate), iso(e.endDate), e.summary, 'TRANSPARENT']
      })
      expect(viaIcalJs.length).toBeGreaterThan(0)
      expect(py?.events, file).toEqual(viaIcalJs)
    }
  })
})
