/**
 * Overrides made in the PagerDuty UI survive an import (issue 13): `oncall import` writes the
 * account's current and future overrides into overrides.yaml, the plan of the imported config is
 * empty, and the config's `who` and `export` agree with `--live` (the account's final schedules)
 * at every shift boundary of the next 4 weeks, shift by shift.
 */
import {mkdtempSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {overridesOverSchedules} from '../../src/app/config-overrides.js'
import {shiftsFromConfig} from '../../src/app/export-calendars.js'
import {importAccount, type ImportOutcome, writeImportedFiles} from '../../src/app/import-account.js'
import {liveShiftsSource} from '../../src/app/live-shifts.js'
import {shiftsFromEngine, whoIsOnCall} from '../../src/app/who-is-on-call.js'
import type {DesiredState} from '../../src/model/state.js'
import {planHasWork} from '../../src/plan/plan.js'
import type {Shift} from '../../src/schedule/shift.js'
import {Account, example, loadDesired, REPO} from '../integration/harness.js'

const DAY = 86_400_000
const NO_FILTER = {teams: [], schedules: [], policies: [], services: []}

describe('import of overrides made in the UI', () => {
  const retail = example('retail-org')
  let account: Account
  let imported: ImportOutcome
  let desired: DesiredState
  const dir = mkdtempSync(join(tmpdir(), 'oncall-import-overrides-'))

  beforeAll(async () => {
    account = await Account.start(retail.seed, retail.from)
    await account.apply(await loadDesired(retail.config))
    const state = account.state()
    const id = (name: string) => state.schedules.find((s) => s.name === name)?.id as string
    const user = (email: string) => ({id: state.users.find((u) => u.email === email)?.id as string, type: 'user_reference'})
    const ui = (schedule: string, overrides: object[]) => account.client().post(`/schedules/${id(schedule)}/overrides`, {overrides})
    // Now is mon 2026-03-02 03:00Z (12:00 Tokyo). One in progress, one next week, one over a handoff, one in the past.
    await ui('Consumer App - Primary', [
      {start: '2026-03-02T00:00:00Z', end: '2026-03-02T09:00:00Z', user: user('sota.ito@example.com')},
      {start: '2026-03-10T00:00:00+09:00', end: '2026-03-11T00:00:00+09:00', user: user('rin.yamamoto@example.com')},
      {start: '2026-02-20T00:00:00Z', end: '2026-02-21T00:00:00Z', user: user('rin.yamamoto@example.com')},
    ])
    await ui('E-Commerce - Primary', [{start: '2026-03-15T20:00:00+09:00', end: '2026-03-16T14:00:00+09:00', user: user('kaito.yamaguchi@example.com')}])
    imported = await importAccount({
      client: account.client(),
      now: account.now,
      source: 'sandbox',
      owner: 'retail-it',
      filter: NO_FILTER,
      singleFile: false,
      outDir: dir,
      schema: join(REPO, 'schemas', 'oncall.schema.json'),
    })
    await writeImportedFiles(dir, imported.files)
    desired = await loadDesired(dir, account.now)
  })
  afterAll(() => account.stop())

  it('writes the current and future overrides (not the past one) to overrides.yaml', () => {
    const file = imported.files.find((f) => f.path === 'overrides.yaml')?.text ?? ''
    expect(file).toContain('- {schedule: consumer-app-primary, user: sota.ito@example.com, start: 2026-03-02T09:00, end: 2026-03-02T18:00}')
    expect(file).toContain('- {schedule: consumer-app-primary, user: rin.yamamoto@example.com, start: 2026-03-10T00:00, end: 2026-03-11T00:00}')
    expect(file).toContain('- {schedule: ecommerce-primary, user: kaito.yamaguchi@example.com, start: 2026-03-15T20:00, end: 2026-03-16T14:00}')
    expect(file).not.toContain('2026-02-20')
    // The three made in the UI, plus the example's own (December), applied from its config.
    expect(desired.overrides?.length).toBeGreaterThan(3)
  })

  it('the plan of the imported config is empty', async () => {
    const {plan} = await account.plan(desired)
    expect(plan.changes).toEqual([])
    expect(planHasWork(plan)).toBe(false)
    expect(plan.warnings.filter((w) => w.code.startsWith('override'))).toEqual([])
  })

  it('who (config) equals who --live at every shift boundary of the next 4 weeks', async () => {
    const live = await liveShiftsSource(account.client(), desired)
    const config = overridesOverSchedules(desired, shiftsFromEngine)
    const start = account.nowMs
    let compared = 0
    for (const schedule of desired.schedules.values()) {
      const boundaries = (await live(schedule, {start, end: start + 28 * DAY})).map((s) => s.start).filter((t) => t >= start)
      for (const t of [start, ...boundaries]) {
        const at = {kind: 'instant', ms: t} as const
        const a = await whoIsOnCall({...desired, shiftsFor: config}, `schedule:${schedule.key}`, at)
        const b = await whoIsOnCall({...desired, shiftsFor: live}, `schedule:${schedule.key}`, at)
        const pick = (r: typeof a) => (r.kind === 'schedule' ? [r.schedule.onCall?.user ?? null, r.schedule.onCall?.since ?? null, r.schedule.onCall?.until ?? null, r.schedule.next?.user ?? null] : [])
        expect(pick(a), `${schedule.key} at ${new Date(t).toISOString()}`).toEqual(pick(b))
        compared++
      }
    }
    expect(compared).toBeGreaterThan(40)
  })

  it('export equals export --live, shift by shift', async () => {
    const live = await liveShiftsSource(account.client(), desired)
    const schedules = [...desired.schedules.values()]
    const config = overridesOverSchedules(desired, shiftsFromConfig(schedules))
    const window = {start: account.nowMs, end: account.nowMs + 28 * DAY}
    const clip = (shifts: readonly Shift[]) =>
      shifts
        .map((s) => ({user: s.user, start: Math.max(s.start, window.start), end: Math.min(s.end, window.end)}))
        .filter((s) => s.end > s.start)
    for (const schedule of schedules) {
      expect(clip(await config(schedule.key, window)), schedule.key).toEqual(clip(await live(schedule, window)))
    }
  })
})
