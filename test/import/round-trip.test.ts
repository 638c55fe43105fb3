/**
 * `oncall import` against a varied account made the way people make one (PagerDuty wire objects
 * seeded into the sandbox, not our apply): the written config validates, a plan of it shows only
 * "exists, unmanaged" (no creates), adopting marks exactly the imported objects with no field
 * changes, and afterwards the plan is empty for every resource type. What the language cannot
 * describe is warned about and left untouched.
 */
import {mkdtempSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {applyToAccount} from '../../src/app/apply-to-account.js'
import {importAccount, type ImportOutcome, planAdoption, writeImportedFiles} from '../../src/app/import-account.js'
import {loadConfig} from '../../src/config/load-config.js'
import {parseDescription} from '../../src/providers/pagerduty/ownership.js'
import {Account, REPO} from '../integration/harness.js'
import {NOT_IMPORTABLE, NOT_MANAGED, VARIED_SEED} from './varied-account.js'

const TYPES = ['team', 'schedule', 'escalation_policy', 'service'] as const
const FROM = 'aiko.tanaka@example.com'
const NO_FILTER = {teams: [], schedules: [], policies: [], services: []}

let account: Account
let imported: ImportOutcome
let dir: string

async function runImport(owner = 'payments-org'): Promise<ImportOutcome> {
  return importAccount({
    client: account.client(),
    now: account.now,
    source: 'sandbox',
    owner,
    filter: NO_FILTER,
    singleFile: false,
    outDir: dir,
    schema: join(REPO, 'schemas', 'oncall.schema.json'),
  })
}

beforeAll(async () => {
  account = await Account.start(VARIED_SEED, FROM)
  dir = mkdtempSync(join(tmpdir(), 'oncall-import-'))
  imported = await runImport()
  await writeImportedFiles(dir, imported.files)
})

afterAll(async () => {
  await account.stop()
})

describe.sequential('import round trip on a varied account', () => {
  it('writes files that loadConfig reads with zero errors', async () => {
    const loaded = await loadConfig(dir, {now: account.now})
    expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
    expect(loaded.state?.owner).toBe('payments-org')
    expect(imported.files.map((f) => f.path)).toEqual([
      'org.yaml',
      'ops-tools/team.yaml',
      'payments/team.yaml',
      'payments/services.yaml',
      'search-platform/team.yaml',
      'search-platform/services.yaml',
      '_no-team/schedules.yaml',
      '_no-team/services.yaml',
    ])
  })

  it('leaves out exactly what the language cannot describe, with a reason', () => {
    const skipped = Object.fromEntries(imported.selection.skipped.map((s) => [s.id, s.reasons.join('; ')]))
    expect(Object.keys(skipped).sort()).toEqual(Object.keys(NOT_IMPORTABLE).sort())
    for (const [id, words] of Object.entries(NOT_IMPORTABLE)) expect(skipped[id]).toContain(words)
    expect(imported.warnings).toHaveLength(Object.keys(NOT_IMPORTABLE).length + Object.keys(NOT_MANAGED).length)
    const org = imported.files.find((f) => f.path === 'org.yaml')?.text ?? ''
    expect(org).toContain('# Not imported')
    expect(org).toContain('"Rules Grouping" (PV7)')
  })

  it('imports what it cannot manage and names every such field with its object', () => {
    for (const [id, words] of Object.entries(NOT_MANAGED)) {
      const line = imported.warnings.find((w) => w.includes(`, ${id}): not managed by the config, kept as it is: `))
      expect(line, id).toBeDefined()
      expect(line).toContain(words)
    }
  })

  it('writes layers in written order without ended ones, handoffs and durations in human form', () => {
    const payments = imported.files.find((f) => f.path === 'payments/team.yaml')?.text ?? ''
    expect(payments).toMatch(/time_zone: Asia\/(Calcutta|Kolkata)\n/)
    expect(payments).not.toContain('Old layer')
    expect(payments.indexOf('name: Weekly')).toBeLessThan(payments.indexOf('name: Nights 12h'))
    expect(payments).toContain('handoff: "mon 10:00"\n        start: 2026-03-09\n')
    expect(payments).toContain('turn: 12h\n        rotation_start: 2026-01-05T08:17\n')
    // Restrictions keep the account's order (see model-to-written.ts).
    expect(payments).toContain('- weekly: {from: "fri 18:00", to: "sat 09:00"}\n          - daily: {from: "22:00", to: "06:00"}\n          - weekly: {from: "mon 09:30", to: "mon 10:30"}')
    expect(payments).toContain('- {user: aiko.tanaka@example.com, role: manager}')
    expect(payments).toContain('- {user: sam.lee@example.com, role: observer}')
    const services = imported.files.find((f) => f.path === 'payments/services.yaml')?.text ?? ''
    expect(services).toContain('acknowledgement_timeout: disabled\n    auto_resolve_timeout: disabled\n    urgency: severity_based\n    alert_grouping: {type: time, timeout: 10m}')
    expect(services).toContain('support_hours: {time_zone: Asia/Calcutta, days: [mon, tue, wed, thu, fri], from: "09:00", to: "17:30"}')
    expect(services).toContain('delay: 1h30m')
    expect(services).toContain('repeat: 2\n    handoff_notifications: always')
    const search = imported.files.find((f) => f.path === 'search-platform/services.yaml')?.text ?? ''
    expect(search).toContain('alert_grouping: {type: content_based, aggregate: any, fields: [source, component], window: 10m}')
    expect(search).toContain('alert_grouping: {type: time}')
    expect(imported.files[0]?.text.split('\n')[0]).toMatch(/^# yaml-language-server: \$schema=(\.\.\/)+.*schemas\/oncall\.schema\.json$/)
  })

  it('before adoption, the plan creates nothing and lists every imported object as unmanaged', async () => {
    const {plan} = await account.plan(imported.desired)
    expect(plan.changes).toEqual([])
    expect(plan.errors ?? []).toEqual([])
    for (const type of TYPES) {
      const want = importedKeys(type)
      expect(want.length).toBeGreaterThan(0)
      expect(plan.unmanaged.filter((u) => u.type === type).map((u) => u.key).sort(), type).toEqual(want)
    }
  })

  it('adopting yields only marker changes, and after it every resource type plans no changes', async () => {
    const client = account.client()
    const check = await planAdoption(client, imported.desired, account.now)
    expect(check.problems).toEqual([])
    expect(check.adopt.length).toBe(check.outcome.plan.changes.length)
    const report = await applyToAccount(client, check.outcome, check.adopt, {now: account.now})
    expect(report.failed).toBeNull()
    const after = await account.plan(imported.desired)
    expect(after.plan.unmanaged).toEqual([])
    for (const type of TYPES) {
      expect(after.plan.changes.filter((c) => c.type === type), type).toEqual([])
      const owned = ownedIds(type)
      expect(owned.length, type).toBe(importedKeys(type).length)
    }
  })

  it('never touched what it did not import', () => {
    const state = account.state()
    const rules = state.services.find((s) => s.id === 'PV7')
    expect(rules?.alert_grouping_parameters).toEqual({type: 'rules', config: {}})
    for (const id of Object.keys(NOT_IMPORTABLE)) {
      const all = [...state.schedules, ...state.escalation_policies, ...state.services] as {id: string; description: string | null}[]
      expect(parseDescription(all.find((o) => o.id === id)?.description).marker, id).toBeNull()
    }
  })

  it('refuses an owner that is not a valid key, before reading the account', async () => {
    account.sandbox.admin.clearRequests()
    await expect(runImport('My Team')).rejects.toThrow('--owner "My Team" is not a valid owner')
    expect(account.requests()).toEqual([])
  })

  it('importing the adopted account again gives the same files (marker keys, same owner)', async () => {
    const again = await runImport()
    expect(again.files).toEqual(imported.files)
  })
})

function importedKeys(type: (typeof TYPES)[number]): string[] {
  const s = imported.selection
  const list = type === 'team' ? s.teams : type === 'schedule' ? s.schedules : type === 'escalation_policy' ? s.escalationPolicies : s.services
  return list.map((o) => o.key).sort()
}

function ownedIds(type: (typeof TYPES)[number]): string[] {
  const state = account.state()
  const list = (type === 'team' ? state.teams : type === 'schedule' ? state.schedules : type === 'escalation_policy' ? state.escalation_policies : state.services) as {
    id: string
    description: string | null
  }[]
  return list.filter((o) => parseDescription(o.description).marker?.owner === 'payments-org').map((o) => o.id)
}
