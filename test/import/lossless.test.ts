/**
 * Lossless on a real account (issue 10): the varied account (seconds, scheduled actions,
 * auto-pause, and fields the language does not manage) goes through
 * import → validate → adopt → plan empty → an unrelated edit → apply, and every field of every
 * object survives byte-identical in the account (the sandbox's stored records are compared, not
 * our reading of them). Then the imported config applied to an empty account reproduces every
 * managed field.
 */
import {mkdtempSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {applyToAccount} from '../../src/app/apply-to-account.js'
import {importAccount, type ImportOutcome, planAdoption, writeImportedFiles} from '../../src/app/import-account.js'
import {loadConfig} from '../../src/config/load-config.js'
import {renderText} from '../../src/plan/render/text.js'
import {parseDescription} from '../../src/providers/pagerduty/ownership.js'
import type {SandboxState} from '../../src/sandbox/index.js'
import {Account, REPO, editYaml, loadDesired} from '../integration/harness.js'
import {VARIED_SEED} from './varied-account.js'

const FROM = 'aiko.tanaka@example.com'
const OWNER = 'payments-org'
const COLLECTIONS = ['users', 'teams', 'schedules', 'escalation_policies', 'services'] as const

let account: Account
let imported: ImportOutcome
let dir: string

beforeAll(async () => {
  account = await Account.start(VARIED_SEED, FROM)
  // Fields only a PUT can set (services are created active; the seed format has no job title).
  await account.client().put('/services/PV5', {service: {type: 'service', status: 'maintenance'}})
  await account.client().put('/users/PU2', {user: {type: 'user', job_title: 'SRE', color: 'teal', description: 'Ken, on call since 2019'}})
  dir = mkdtempSync(join(tmpdir(), 'oncall-lossless-'))
  imported = await importAccount({
    client: account.client(),
    now: account.now,
    source: 'sandbox',
    owner: OWNER,
    filter: {teams: [], schedules: [], policies: [], services: []},
    singleFile: false,
    outDir: dir,
    schema: join(REPO, 'schemas', 'oncall.schema.json'),
  })
  await writeImportedFiles(dir, imported.files)
})

afterAll(async () => {
  await account.stop()
})

type Rec = {id: string; description: string | null}

/** Every stored record of the managed collections (teams with their members), by id. */
function records(state: SandboxState): Map<string, Record<string, unknown>> {
  const out = new Map<string, Record<string, unknown>>()
  for (const c of COLLECTIONS) for (const r of state[c] as unknown as Rec[]) out.set(r.id, structuredClone(r) as unknown as Record<string, unknown>)
  for (const m of state.members) out.set(`member:${m.team}:${m.user}`, {...m})
  return out
}

/** `record` with the description's text and marker split, so a test can say which part may change. */
function split(record: Record<string, unknown>): Record<string, unknown> {
  const {description, ...rest} = record
  const parsed = parseDescription(description as string | null)
  return {...rest, descriptionText: parsed.text}
}

describe.sequential('an imported real account stays lossless', () => {
  it('writes seconds, scheduled actions and auto-pause, and validates', async () => {
    const text = (path: string) => imported.files.find((f) => f.path === path)?.text ?? ''
    expect(text('_no-team/schedules.yaml')).toContain('handoff: "mon 10:00:30"\n        start: 2026-03-09T04:26:15\n')
    expect(text('_no-team/schedules.yaml')).toContain('rotation_start: 2026-03-04T08:17:54\n        start: 2026-03-10\n')
    expect(text('_no-team/services.yaml')).toContain('scheduled_actions:\n        - {at: support_hours_start, to: high}')
    expect(text('payments/services.yaml')).toContain('auto_pause_notifications: 10m')
    expect(text('search-platform/services.yaml')).toContain('- delay: 5m\n        assignment: round_robin\n')
    expect(text('search-platform/services.yaml')).toContain('auto_pause_notifications: recommended')
    const loaded = await loadConfig(dir, {now: account.now})
    expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
    expect(imported.warnings.some((w) => w.includes('"Weekend Batch", PV5): not managed by the config, kept as it is: status (maintenance), response_play (PRP1)'))).toBe(true)
  })

  it('adopting changes nothing but the marker', async () => {
    const before = records(account.state())
    const check = await planAdoption(account.client(), imported.desired, account.now)
    expect(check.problems).toEqual([])
    const report = await applyToAccount(account.client(), check.outcome, check.adopt, {now: account.now})
    expect(report.failed).toBeNull()
    const after = records(account.state())
    const adopted = new Set(check.adopt.map((c) => (c.kind === 'adopt' ? c.id : '')))
    expect(adopted.size).toBeGreaterThan(10)
    for (const [id, was] of before) {
      const now = after.get(id) as Record<string, unknown>
      if (!adopted.has(id)) {
        expect(now, id).toEqual(was)
        continue
      }
      expect(split(now), id).toEqual(split(was))
      expect(parseDescription(now.description as string).marker?.owner, id).toBe(OWNER)
    }
    const {plan} = await account.plan(imported.desired)
    expect(plan.changes).toEqual([])
  })

  it('an unrelated edit of every imported object leaves every other field byte-identical', async () => {
    // Users are not imported; a user the config manages gets a managed field changed (its time zone).
    editYaml(join(dir, 'org.yaml'), (doc) => {
      doc.set('users', doc.createNode([{email: 'ken.sato@example.com', name: 'Ken Sato', time_zone: 'Europe/London'}]))
    })
    for (const file of imported.files) {
      editYaml(join(dir, file.path), (doc) => {
        for (const section of ['teams', 'schedules', 'escalation_policies', 'services']) {
          const map = doc.get(section) as {items?: {key: {value: string}}[]} | undefined
          for (const item of map?.items ?? []) doc.setIn([section, item.key.value, 'description'], `edited ${item.key.value}`)
        }
      })
    }
    const desired = await loadDesired(dir, account.now)
    const before = records(account.state())
    const {outcome, report} = await account.apply(desired)
    expect(report.failed).toBeNull()
    const updated = outcome.plan.changes.filter((c) => c.kind === 'update')
    expect(updated.length).toBeGreaterThan(10)
    for (const c of updated) {
      expect(c.kind === 'update' && c.fields.map((f) => f.path), `${c.type} ${c.key}`).toEqual([c.type === 'user' ? 'time_zone' : 'description'])
    }
    // The plan names what the config does not control on the objects it changes.
    const text = renderText(outcome.plan, {color: false})
    expect(text).toContain('service weekend-batch (not managed here: status (maintenance), response_play (PRP1))')
    expect(text).toContain('team search-platform (not managed here: default_role (none))')
    expect(text).toContain('escalation_policy weekend-no-team (not managed here: rules[1].assignment_strategy (least_busy))')
    expect(text).toContain('user ken.sato@example.com (not managed here: job_title ("SRE"))')
    const after = records(account.state())
    const changed = new Set(updated.map((c) => (c.kind === 'update' ? c.id : '')))
    for (const [id, was] of before) {
      const now = after.get(id) as Record<string, unknown>
      if (!changed.has(id)) {
        expect(now, id).toEqual(was)
        continue
      }
      if (id === 'PU2') {
        // The user's own description text survives next to the marker; only time_zone changed.
        expect(split(now)).toEqual({...split(was), time_zone: 'Europe/London'})
        continue
      }
      const {description: _d, ...rest} = now
      const {description: _w, ...wasRest} = was
      // Escalation rules are replaced by PUT: their ids and strategies survive because apply sends them back.
      expect(rest, id).toEqual(wasRest)
      expect(parseDescription(now.description as string).text, id).toMatch(/^edited /)
    }
    const {plan} = await account.plan(desired)
    expect(plan.changes).toEqual([])
  })

  it('the imported config applied to an empty account reproduces every managed field', async () => {
    const fresh = await Account.start({users: VARIED_SEED.users}, FROM)
    try {
      const desired = await loadDesired(dir, fresh.now)
      const {report} = await fresh.apply(desired)
      expect(report.failed).toBeNull()
      const {plan} = await fresh.plan(desired)
      expect(plan.changes).toEqual([])
      const state = fresh.state()
      const service = (name: string) => state.services.find((s) => s.name === name)
      expect(service('Legacy Billing')?.scheduled_actions).toEqual([{type: 'urgency_change', at: {type: 'named_time', name: 'support_hours_start'}, to_urgency: 'high'}])
      expect(service('Payments Web')?.auto_pause_notifications_parameters).toEqual({enabled: true, timeout: 600})
      expect(service('Search API')?.auto_pause_notifications_parameters).toEqual({enabled: true, timeout: 0})
      const seconds = state.schedules.find((s) => s.name === 'Seconds')
      expect(seconds?.layers.map((l) => [new Date(l.start).toISOString(), new Date(l.rotation_virtual_start).toISOString()])).toEqual([
        ['2026-03-08T19:26:15.000Z', '2026-03-09T01:00:30.000Z'],
        ['2026-03-09T15:00:00.000Z', '2026-03-03T23:17:54.000Z'],
      ])
    } finally {
      await fresh.stop()
    }
  })
})
