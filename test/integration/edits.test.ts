/**
 * An edit of every resource type and field kind, made to a copy of examples/starter as YAML: the
 * plan shows exactly the expected change (type, key, kind and field before/after in human terms),
 * apply makes it, and the next plan is empty. One account, edits applied in sequence.
 */
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import type {Document} from 'yaml'
import {blockers} from '../../src/app/apply-to-account.js'
import type {Change} from '../../src/plan/change.js'
import {checkRequestsAgainstSpec} from '../../src/sandbox/index.js'
import {Account, copyConfig, editYaml, example, loadDesired, namesByType} from './harness.js'

const ex = example('starter')
let account: Account
let dir: string
let file: string

beforeAll(async () => {
  account = await Account.start(ex.seed, ex.from)
  dir = copyConfig(ex.config)
  file = join(dir, 'oncall.yaml')
  const {report} = await account.apply(await loadDesired(dir))
  expect(report.failed).toBeNull()
})

afterAll(async () => {
  await account.stop()
})

/** A change as the test states it: kind, type, key and each changed field's path → [before, after]. */
function summary(c: Change): unknown {
  const fields = c.kind === 'update' || c.kind === 'adopt' ? Object.fromEntries(c.fields.map((f) => [f.path, [f.before, f.after]])) : undefined
  return {kind: c.kind, type: c.type, key: c.key, ...(fields ? {fields} : {})}
}

async function editPlanApply(edit: (doc: Document) => void, flags: {allowDestroy?: boolean} = {}) {
  editYaml(file, edit)
  const desired = await loadDesired(dir)
  const outcome = await account.plan(desired, flags)
  const changes = outcome.plan.changes.map(summary)
  const {report} = await account.apply(desired, flags)
  expect(report.failed).toBeNull()
  expect((await account.plan(desired, flags)).plan.changes).toEqual([])
  return {changes, outcome}
}

const S = ['schedules', 'platform-primary']
const L0 = [...S, 'layers', 0]
const EP = ['escalation_policies', 'platform']
const SVC = ['services', 'platform-api']

describe.sequential('edits to examples/starter converge', {timeout: 120_000}, () => {
  it('user: name, time zone and role', async () => {
    const {changes} = await editPlanApply((d) => {
      d.setIn(['users', 1, 'name'], 'Ken Satou')
      d.setIn(['users', 1, 'time_zone'], 'Europe/London')
      d.setIn(['users', 2, 'role'], 'user')
    })
    expect(changes).toEqual([{"kind": "update", "type": "user", "key": "ken.sato@example.com", "fields": {"name": ["Ken Sato", "Ken Satou"], "time_zone": ["Asia/Tokyo", "Europe/London"]}}, {"kind": "update", "type": "user", "key": "mei.suzuki@example.com", "fields": {"role": ["limited_user", "user"]}}])
  })
  it('team: member role change', async () => {
    const {changes} = await editPlanApply((d) => d.setIn(['teams', 'platform', 'members', 1, 'role'], 'manager'))
    expect(changes).toEqual([{"kind": "update", "type": "team", "key": "platform", "fields": {"members": [["aiko.tanaka@example.com (manager)", "ken.sato@example.com (responder)", "mei.suzuki@example.com (responder)"], ["aiko.tanaka@example.com (manager)", "ken.sato@example.com (manager)", "mei.suzuki@example.com (responder)"]]}}])
  })
  it('team: member removed', async () => {
    const {changes} = await editPlanApply((d) => {
      d.deleteIn(['teams', 'platform', 'members', 2])
      d.setIn([...L0, 'users'], d.createNode(['aiko.tanaka@example.com', 'ken.sato@example.com']))
    })
    expect(changes).toEqual([{"kind": "update", "type": "team", "key": "platform", "fields": {"members": [["aiko.tanaka@example.com (manager)", "ken.sato@example.com (manager)", "mei.suzuki@example.com (responder)"], ["aiko.tanaka@example.com (manager)", "ken.sato@example.com (manager)"]]}}, {"kind": "update", "type": "schedule", "key": "platform-primary", "fields": {"layers[0].users": [["aiko.tanaka@example.com", "ken.sato@example.com", "mei.suzuki@example.com"], ["aiko.tanaka@example.com", "ken.sato@example.com"]]}}])
  })
  it('team: new user created and added as a member', async () => {
    const {changes} = await editPlanApply((d) => {
      d.addIn(['users'], d.createNode({email: 'sora.abe@example.com', name: 'Sora Abe', time_zone: 'Asia/Tokyo', role: 'user'}))
      d.addIn(['teams', 'platform', 'members'], d.createNode({user: 'sora.abe@example.com', role: 'observer'}))
      d.setIn(['teams', 'platform', 'description'], 'Runs the shared API platform and its gateway')
    })
    expect(changes).toEqual([{"kind": "create", "type": "user", "key": "sora.abe@example.com"}, {"kind": "update", "type": "team", "key": "platform", "fields": {"description": ["Runs the shared API platform", "Runs the shared API platform and its gateway"], "members": [["aiko.tanaka@example.com (manager)", "ken.sato@example.com (manager)"], ["aiko.tanaka@example.com (manager)", "ken.sato@example.com (manager)", "sora.abe@example.com (observer)"]]}}])
  })
  it('schedule: layer users and handoff edited', async () => {
    const {changes} = await editPlanApply((d) => {
      d.setIn([...L0, 'users'], d.createNode(['ken.sato@example.com', 'aiko.tanaka@example.com', 'sora.abe@example.com']))
      d.setIn([...L0, 'handoff'], 'tue 09:00')
    })
    expect(changes).toEqual([{"kind": "update", "type": "schedule", "key": "platform-primary", "fields": {"layers[0].users": [["aiko.tanaka@example.com", "ken.sato@example.com"], ["ken.sato@example.com", "aiko.tanaka@example.com", "sora.abe@example.com"]], "layers[0].handoff": ["mon 10:00 Asia/Tokyo", "tue 09:00 Asia/Tokyo"], "layers[0].rotation_start": ["2026-01-05T10:00", "2026-01-06T09:00"]}}])
  })
  it('schedule: restriction added', async () => {
    const {changes} = await editPlanApply((d) => d.setIn([...L0, 'restrictions'], d.createNode([{daily: {from: '08:00', to: '20:00'}}])))
    expect(changes).toEqual([{"kind": "update", "type": "schedule", "key": "platform-primary", "fields": {"layers[0].restrictions": [[], ["daily 08:00 \u2192 20:00"]]}}])
  })
  it('schedule: restriction changed', async () => {
    const {changes} = await editPlanApply((d) => d.setIn([...L0, 'restrictions'], d.createNode([{weekly: {from: 'mon 08:00', to: 'fri 20:00'}}])))
    expect(changes).toEqual([{"kind": "update", "type": "schedule", "key": "platform-primary", "fields": {"layers[0].restrictions": [["daily 08:00 \u2192 20:00"], ["mon 08:00 \u2192 fri 20:00"]]}}])
  })
  it('schedule: layer added', async () => {
    const {changes} = await editPlanApply((d) =>
      d.addIn([...S, 'layers'], d.createNode({name: 'Nights', users: ['ken.sato@example.com', 'sora.abe@example.com'], turn: '12h', rotation_start: '2026-03-02T20:00'})),
    )
    expect(changes).toEqual([{"kind": "update", "type": "schedule", "key": "platform-primary", "fields": {"layers[1].name": [null, "Nights"], "layers[1].users": [null, ["ken.sato@example.com", "sora.abe@example.com"]], "layers[1].turn": [null, "12h"], "layers[1].rotation_start": [null, "2026-03-02T20:00"], "layers[1].start": [null, "2026-03-02T20:00"]}}])
  })
  it('schedule: layer removed (ended in PagerDuty, not deleted)', async () => {
    const before = account.state().schedules[0]?.layers.length
    const {changes} = await editPlanApply((d) => d.deleteIn([...S, 'layers', 1]))
    expect(changes).toEqual([{"kind": "update", "type": "schedule", "key": "platform-primary", "fields": {"layers[1].name": ["Nights", null], "layers[1].users": [["ken.sato@example.com", "sora.abe@example.com"], null], "layers[1].turn": ["12h", null], "layers[1].rotation_start": ["2026-03-02T20:00", null], "layers[1].start": ["2026-03-02T20:00", null]}}])
    expect(account.state().schedules[0]?.layers.length).toBe(before)
    const nights = account.state().schedules[0]?.layers.find((l) => l.name === 'Nights')
    expect(nights?.end).not.toBeNull()
    // Nights had not started yet (20:00 Tokyo); PagerDuty wants end > start, so it ends a minute after its start.
    expect(nights?.end).toBeLessThanOrEqual(Math.max(account.nowMs, (nights?.start ?? 0) + 60_000))
  })
  it('schedule: time zone changed', async () => {
    const {changes} = await editPlanApply((d) => d.setIn([...S, 'time_zone'], 'Europe/London'))
    expect(changes).toEqual([{"kind": "update", "type": "schedule", "key": "platform-primary", "fields": {"time_zone": ["Asia/Tokyo", "Europe/London"], "layers[0].handoff": ["tue 09:00 Asia/Tokyo", "tue 09:00 Europe/London"]}}])
  })
  it('escalation policy: rule delay, target and repeat', async () => {
    const {changes} = await editPlanApply((d) => {
      d.setIn([...EP, 'rules', 0, 'delay'], '10m')
      d.setIn([...EP, 'rules', 1, 'targets', 0], d.createNode({user: 'ken.sato@example.com'}))
      d.setIn([...EP, 'repeat'], 3)
    })
    expect(changes).toEqual([{"kind": "update", "type": "escalation_policy", "key": "platform", "fields": {"repeat": [1, 3], "rules[0].delay": ["15m", "10m"], "rules[1].targets": [["user:aiko.tanaka@example.com"], ["user:ken.sato@example.com"]]}}])
  })
  it('escalation policy: rule added and removed', async () => {
    const {changes} = await editPlanApply((d) => {
      d.addIn([...EP, 'rules'], d.createNode({delay: '45m', targets: [{user: 'aiko.tanaka@example.com'}]}))
    })
    expect(changes).toEqual([{"kind": "update", "type": "escalation_policy", "key": "platform", "fields": {"rules[2].delay": [null, "45m"], "rules[2].targets": [null, ["user:aiko.tanaka@example.com"]]}}])
    const {changes: removed} = await editPlanApply((d) => d.deleteIn([...EP, 'rules', 2]))
    expect(removed).toEqual([{"kind": "update", "type": "escalation_policy", "key": "platform", "fields": {"rules[2].delay": ["45m", null], "rules[2].targets": [["user:aiko.tanaka@example.com"], null]}}])
  })
  it('service: urgency', async () => {
    const {changes} = await editPlanApply((d) => d.setIn([...SVC, 'urgency'], 'low'))
    expect(changes).toEqual([{"kind": "update", "type": "service", "key": "platform-api", "fields": {"urgency": ["high", "low"]}}])
  })
  it('service: support hours', async () => {
    const {changes} = await editPlanApply((d) =>
      d.setIn([...SVC, 'urgency'], d.createNode({support_hours: {time_zone: 'Asia/Tokyo', days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '09:00', to: '18:00'}, during: 'high', outside: 'low'})),
    )
    expect(changes).toEqual([{"kind": "update", "type": "service", "key": "platform-api", "fields": {"urgency": ["low", "high during mon tue wed thu fri 09:00 \u2192 18:00 Asia/Tokyo, low outside"]}}])
  })
  it('service: alert grouping', async () => {
    const {changes} = await editPlanApply((d) => d.setIn([...SVC, 'alert_grouping'], d.createNode({type: 'content_based', aggregate: 'all', fields: ['source'], window: '5m'})))
    expect(changes).toEqual([{"kind": "update", "type": "service", "key": "platform-api", "fields": {"alert_grouping": ["time, timeout 10m", "content_based, all of [source], window 5m"]}}])
  })
  it('service: timeouts', async () => {
    const {changes} = await editPlanApply((d) => {
      d.setIn([...SVC, 'acknowledgement_timeout'], 'disabled')
      d.setIn([...SVC, 'auto_resolve_timeout'], '1h')
    })
    expect(changes).toEqual([{"kind": "update", "type": "service", "key": "platform-api", "fields": {"acknowledgement_timeout": ["30m", "disabled"], "auto_resolve_timeout": ["4h", "1h"]}}])
  })
  it('service removed from the config: plan shows a delete; refused without allow-destroy, applied with it', async () => {
    editYaml(file, (d) => d.deleteIn(['services']))
    const desired = await loadDesired(dir)
    const before = account.state()
    const refused = await account.plan(desired)
    expect(refused.plan.changes.map(summary)).toEqual([{kind: 'delete', type: 'service', key: 'platform-api'}])
    expect(refused.violations.map((v) => v.requires)).toEqual(['allow-destroy'])
    expect(blockers(refused.plan, refused.violations)).toHaveLength(1)
    expect(account.state()).toEqual(before)

    const allowed = await account.plan(desired, {allowDestroy: true})
    expect(blockers(allowed.plan, allowed.violations)).toEqual([])
    const {report} = await account.apply(desired, {allowDestroy: true})
    expect(report.failed).toBeNull()
    expect(account.state().services).toEqual([])
    expect((await account.plan(desired)).plan.changes).toEqual([])
  })

  it('the clock moves on: 30 days later the plan is still empty', async () => {
    account.setNow(new Date(account.nowMs + 30 * 86_400_000))
    const desired = await loadDesired(dir, account.now)
    expect((await account.plan(desired)).plan.changes).toEqual([])
    expect(Object.values(namesByType(account.state())).every((byName) => Object.values(byName).every((n) => n === 1))).toBe(true)
  })

  it('every request sent was a PagerDuty spec operation with a valid body and the required headers', () => {
    const log = account.requests()
    expect(log.length).toBeGreaterThan(100)
    expect(new Set(log.map((r) => r.method))).toEqual(new Set(['GET', 'POST', 'PUT', 'DELETE']))
    expect(checkRequestsAgainstSpec(log)).toEqual([])
  })
})
