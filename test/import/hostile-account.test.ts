/**
 * `oncall import` of an account holding an object the language cannot hold as it is (a
 * hand-made schedule with a 150-character name; the language allows 100): that object is
 * skipped with a warning naming it and the field, everything else is imported.
 */
import {mkdtempSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterEach, describe, expect, it} from 'vitest'
import {loadConfig} from '../../src/config/load-config.js'
import {Account, cliEnv, example, runCli} from '../integration/harness.js'

let account: Account | undefined
afterEach(async () => {
  await account?.stop()
  account = undefined
})

describe('import of an account with an object the config cannot hold', () => {
  it('skips it with a warning naming the object and the field, and imports the rest', async () => {
    const ex = example('starter')
    account = await Account.start(ex.seed, ex.from)
    const client = account.client()
    const users = await client.listAll<{id: string}>('/users', 'users')
    const longName = `Night shift ${'x'.repeat(138)}`
    expect(longName).toHaveLength(150)
    const schedule = (name: string) => ({
      schedule: {
        type: 'schedule',
        name,
        time_zone: 'UTC',
        schedule_layers: [
          {name: 'Layer 1', start: '2026-01-05T00:00:00Z', rotation_virtual_start: '2026-01-05T00:00:00Z', rotation_turn_length_seconds: 86_400, users: [{user: {id: users[0]?.id, type: 'user_reference'}}]},
        ],
      },
    })
    const created = await client.post<{schedule: {id: string}}>('/schedules', schedule(longName))
    await client.post('/schedules', schedule('Day shift'))
    const out = join(mkdtempSync(join(tmpdir(), 'oncall-import-hostile-')), 'cfg')
    const run = await runCli(['import', '--out', out], cliEnv(account))
    expect(run.status, run.stderr).toBe(0)
    const warning = run.stderr.split('\n').find((l) => l.includes(created.schedule.id))
    expect(warning).toMatch(/^warning: schedule .* not imported: its name is not valid in the config \(must NOT have more than 100 characters\)$/)
    expect(run.stdout).toMatch(/Imported \d+ team\(s\), 1 schedule\(s\)/)
    const loaded = await loadConfig(out, {now: account.now})
    expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
    expect([...(loaded.state?.schedules.values() ?? [])].map((s) => s.name)).toEqual(['Day shift'])
  }, 120_000)
})
