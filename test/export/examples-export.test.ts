import {readdirSync} from 'node:fs'
import {join} from 'node:path'
import ICAL from 'ical.js'
import {describe, expect, it} from 'vitest'
import {buildExport, shiftsFromConfig} from '../../src/app/export-calendars.js'
import {loadConfig} from '../../src/config/load-config.js'
import {exportWindow, paddedWindow} from '../../src/export/export-window.js'
import {lintIcs} from '../../src/export/ical-lint.js'
import {computeShifts} from '../../src/schedule/compute-shifts.js'
import {REPO} from './run-cli.js'

// Every shipped example config (not the sandbox seeds, not the CI pipelines) must export to lint-clean feeds that say
// exactly what the engine says.
const EXAMPLES = readdirSync(join(REPO, 'examples'), {withFileTypes: true})
  .filter((e) => e.isDirectory() && e.name !== 'seeds' && e.name !== 'ci')
  .map((e) => e.name)
  .sort()

describe.each(EXAMPLES)('export of examples/%s', (name) => {
  it('is lint-clean and matches the engine event for event', async () => {
    const now = Date.parse('2026-11-24T00:00:00Z')
    const {state, diagnostics} = await loadConfig(join(REPO, 'examples', name), {now: new Date(now)})
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([])
    if (!state) throw new Error('no state')
    const schedules = [...state.schedules.values()]
    const window = exportWindow({now})
    const files = await buildExport(
      {schedules, policies: state.escalationPolicies.values(), users: state.users, shiftsFor: shiftsFromConfig(schedules), window, now, busy: false},
      () => undefined,
    )
    for (const f of files.filter((x) => x.path.endsWith('.ics'))) expect(lintIcs(f.content), f.path).toEqual([])
    for (const s of schedules) {
      const expected = computeShifts(s, paddedWindow(window)).final.filter((x) => x.end > window.start && x.start < window.end)
      const ics = files.find((f) => f.path === `schedules/${s.key}.ics`)?.content ?? ''
      const got = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((c) => {
        const e = new ICAL.Event(c)
        return [e.startDate.toJSDate().getTime(), e.endDate.toJSDate().getTime()]
      })
      expect(got, s.key).toEqual(expected.map((x) => [x.start, x.end]))
    }
  })
})
