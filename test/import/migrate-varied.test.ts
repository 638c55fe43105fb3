/**
 * `oncall migrate` on every layer schedule of a varied account (test/import/varied-account.ts:
 * restrictions in no order, several layers, an ended layer, a layer that ends later, layers that
 * start later, 2-day, 12-hour and 90-minute turns, seconds in anchors, Tokyo, Kolkata and London
 * across its March switch), imported into a config first as a team would: each schedule either
 * proves identical, or the report explains why with a note; never differences without a note.
 * (Today every one of them proves identical.)
 */
import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {migrateSchedule, renderMigrationText} from '../../src/app/migrate-schedule.js'
import {Account, cliEnv, loadDesired, NOW, runCli} from '../integration/harness.js'
import {VARIED_SEED} from './varied-account.js'

let account: Account
let dir: string

beforeAll(async () => {
  account = await Account.start(VARIED_SEED, 'aiko.tanaka@example.com')
  dir = join(mkdtempSync(join(tmpdir(), 'oncall-migrate-varied-')), 'config')
  const run = await runCli(['import', '--out', dir], cliEnv(account))
  expect(run.status, run.stderr).toBe(0)
}, 120_000)

afterAll(async () => {
  await account.stop()
  rmSync(dir, {recursive: true, force: true})
})

describe('migrate on a varied account', () => {
  it('proves every layer schedule identical or explains each difference with a note', async () => {
    const desired = await loadDesired(dir, NOW)
    const keys = [...desired.schedules.values()].filter((s) => s.rotations === undefined).map((s) => s.key).sort()
    expect(keys.length).toBe(5)
    const outcome: Record<string, string> = {}
    for (const key of keys) {
      const r = await migrateSchedule(dir, key, {now: NOW, weeks: 12})
      const text = renderMigrationText(r)
      if (r.differences.length > 0) expect(r.notes.length, `${key}: differences without a note\n${text}`).toBeGreaterThan(0)
      outcome[key] = r.differences.length === 0 ? 'identical' : `${r.differences.length} differences: ${r.notes.join(' | ')}`
    }
    // Layers above that start or end later, a layer ending later, 2-day/12-hour turns, seconds in anchors: all exact.
    expect(outcome).toEqual(Object.fromEntries(keys.map((k) => [k, 'identical'])))
  }, 120_000)
})
