/**
 * Shift-based (v3) schedules through plan and apply: the real client over loopback HTTP against
 * the sandbox, one injected clock. examples/shift-based applies and converges; every edit kind of
 * issue 16 converges (a second plan is empty); rollouts wait for the handoff; partial failures are
 * finished by the next plan; all v3 traffic is checked against the spec.
 */
import {join} from 'node:path'
import {afterEach, describe, expect, it} from 'vitest'
import type {Document} from 'yaml'
import {applyToAccount} from '../../src/app/apply-to-account.js'
import type {ApplyClient} from '../../src/providers/pagerduty/apply.js'
import {checkRequestsAgainstSpec, type LoggedRequest} from '../../src/sandbox/index.js'
import {Account, cliEnv, copyConfig, editYaml, loadDesired, NOW, REPO, runCli} from './harness.js'

const CONFIG = join(REPO, 'examples/shift-based')
const SEED = join(REPO, 'examples/seeds/shift-based.yaml')
const FROM = 'lena.vogel@example.com'

let account: Account | undefined
const allRequests: LoggedRequest[] = []

afterEach(async () => {
  if (account) {
    allRequests.push(...account.requests())
    await account.stop()
  }
  account = undefined
})

function v3(account: Account) {
  return account.state().v3_schedules ?? []
}

describe('examples/shift-based', {timeout: 180_000}, () => {
  it('applies, converges (also 30 days later), and the policy targets the v3 schedule', async () => {
    account = await Account.start(SEED, FROM)
    const desired = await loadDesired(CONFIG)
    const first = await account.plan(desired)
    expect(first.plan.changes.map((c) => `${c.kind} ${c.type} ${c.key}`)).toContain('create schedule support-shifts')
    const {report} = await account.apply(desired)
    expect(report.failed).toBeNull()

    const [schedule] = v3(account)
    expect(schedule?.name).toBe('Support - Shifts')
    expect(schedule?.rotations.map((r) => r.events.map((e) => e.name))).toEqual([['Weekdays · Business hours'], ['Weekends · Weekend days'], ['Evenings · Evening cover']])
    const policy = account.state().escalation_policies.find((p) => p.name === 'Support')
    expect(JSON.stringify(policy)).toContain(schedule?.id)
    expect(JSON.stringify(policy)).toContain('"kind":"schedule_v3"')

    const again = await account.plan(desired)
    expect(again.plan.changes).toEqual([])
    account.setNow(new Date(NOW.getTime() + 30 * 86_400_000))
    const later = await account.plan(await loadDesired(CONFIG, account.now))
    expect(later.plan.changes).toEqual([])
  })
})

/** Tuesday 2026-03-03 11:00 in Berlin: the weekday business-hours shift (09:00-17:00) is running. */
const IN_SHIFT = new Date('2026-03-03T10:00:00Z')
/** That shift's end, 17:00 Berlin: the next handoff of the weekday event. */
const HANDOFF = '2026-03-03T16:00:00Z'
const SCHEDULE = ['schedules', 'support-shifts']
const WEEKDAYS = [...SCHEDULE, 'rotations', 0, 'events', 0]

interface EditCase {
  readonly name: string
  /** An edit of the example before the first apply. */
  readonly base?: (doc: Document) => void
  readonly edit: (doc: Document) => void
  readonly allowDestroy?: boolean
  /** What the sandbox must hold after the apply. */
  readonly check?: (account: Account) => void
  /** Fields the first plan must name (`rotations[0].events[0].members`). */
  readonly fields?: readonly string[]
}

const set = (path: readonly (string | number)[], value: unknown) => (doc: Document) => doc.setIn(path, doc.createNode(value))

const EDITS: readonly EditCase[] = [
  {name: 'metadata: name, description and teams', edit: (doc) => {
    set([...SCHEDULE, 'name'], 'Support - Shift Rota')(doc)
    set([...SCHEDULE, 'description'], 'Renamed')(doc)
    set([...SCHEDULE, 'teams'], [])(doc)
  }, fields: ['name', 'description', 'teams'], check: (a) => expect(v3(a)[0]).toMatchObject({name: 'Support - Shift Rota', teams: []})},
  {
    name: 'member change of the running event: rolled out at the next handoff',
    edit: set([...WEEKDAYS, 'members'], ['lena.vogel@example.com', 'jonas.weber@example.com', 'sofia.rossi@example.com', 'maya.brooks@example.com']),
    // The rollout pair reads as the one config event it stands for (rollout-plan.ts).
    fields: ['rotations[0].events[0].members'],
    check: (a) => {
      const events = v3(a)[0]?.rotations[0]?.events ?? []
      expect(events).toHaveLength(2)
      expect(new Date(events[0]?.effective_until ?? 0).toISOString()).toBe(new Date(HANDOFF).toISOString())
      expect(new Date(events[1]?.effective_since ?? 0).toISOString()).toBe(new Date(HANDOFF).toISOString())
    },
  },
  {
    name: 'member change with rollout: immediate',
    edit: (doc) => {
      set([...WEEKDAYS, 'members'], ['jonas.weber@example.com', 'lena.vogel@example.com', 'sofia.rossi@example.com'])(doc)
      set([...WEEKDAYS, 'rollout'], 'immediate')(doc)
    },
    check: (a) => {
      const events = (v3(a)[0]?.rotations[0]?.events ?? []).filter((e) => e.effective_until === null || e.effective_until > IN_SHIFT.getTime())
      expect(events).toHaveLength(1)
      expect(events[0]?.effective_since).toBe(IN_SHIFT.getTime())
    },
  },
  {name: 'time change', edit: (doc) => {
    set([...WEEKDAYS, 'start'], '2026-01-05T08:00')(doc)
    set([...WEEKDAYS, 'end'], '2026-01-05T16:00')(doc)
  }, fields: ['rotations[0].events[0].start', 'rotations[0].events[0].end']},
  {name: 'recurrence change', edit: set([...SCHEDULE, 'rotations', 1, 'events', 0, 'repeat'], {every_weeks: 2, on: ['sat', 'sun']}), fields: ['rotations[1].events[0].repeat']},
  {name: 'shifts_per_member change', edit: set([...WEEKDAYS, 'shifts_per_member'], 1), fields: ['rotations[0].events[0].shifts_per_member']},
  {name: 'everyone at once', edit: (doc) => {
    doc.deleteIn([...SCHEDULE, 'rotations', 2, 'events', 0, 'shifts_per_member'])
    set([...SCHEDULE, 'rotations', 2, 'events', 0, 'everyone'], true)(doc)
  }, fields: ['rotations[2].events[0].everyone']},
  {name: 'add an event', edit: (doc) => {
    const events = doc.getIn([...SCHEDULE, 'rotations', 1, 'events']) as {add: (v: unknown) => void}
    events.add(doc.createNode({name: 'Friday evening', start: '2026-01-09T18:00', end: '2026-01-09T22:00', repeat: {every_weeks: 1, on: ['fri']}, members: ['sofia.rossi@example.com']}))
  }, fields: ['rotations[1].events[1].name'], check: (a) => expect(v3(a)[0]?.rotations[1]?.events.map((e) => e.name)).toEqual(['Weekends · Weekend days', 'Weekends · Friday evening'])},
  {name: 'remove an event (the rotation keeps another)', base: (doc) => {
    const events = doc.getIn([...SCHEDULE, 'rotations', 0, 'events']) as {add: (v: unknown) => void}
    events.add(doc.createNode({name: 'Early', start: '2026-01-05T07:00', end: '2026-01-05T09:00', repeat: 'weekdays', members: ['jonas.weber@example.com']}))
  }, edit: (doc) => doc.deleteIn([...WEEKDAYS.slice(0, -1), 1]), fields: ['rotations[0].events[1].name'], check: (a) => {
    const current = (v3(a)[0]?.rotations[0]?.events ?? []).filter((e) => e.effective_until === null || e.effective_until > a.nowMs)
    expect(current.map((e) => e.name)).toEqual(['Weekdays · Business hours'])
  }},
  {name: 'add a rotation', edit: (doc) => {
    const rotations = doc.getIn([...SCHEDULE, 'rotations']) as {add: (v: unknown) => void}
    rotations.add(doc.createNode({events: [{name: 'Nights', start: '2026-01-05T23:00', end: '2026-01-06T07:00', repeat: 'daily', members: ['omar.haddad@example.com', 'maya.brooks@example.com']}]}))
  }, fields: ['rotations[3].name'], check: (a) => expect(v3(a)[0]?.rotations.filter((r) => r.deleted_at === undefined).at(-1)?.events.map((e) => e.name)).toEqual(['Nights'])},
  {name: 'remove a rotation', edit: (doc) => doc.deleteIn([...SCHEDULE, 'rotations', 1]), fields: ['rotations[2].name'], check: (a) => expect(v3(a)[0]?.rotations.filter((r) => r.deleted_at === undefined)).toHaveLength(2)},
  {name: 'rename a rotation', edit: set([...SCHEDULE, 'rotations', 2, 'name'], 'New York evenings'), fields: ['rotations[2].name'], check: (a) => {
    const live = v3(a)[0]?.rotations.filter((r) => r.deleted_at === undefined) ?? []
    expect(live).toHaveLength(3)
    expect(live[2]?.events.filter((e) => e.effective_until === null).map((e) => e.name)).toEqual(['New York evenings · Evening cover'])
  }},
  {name: 'effective_until added', edit: set([...WEEKDAYS, 'effective_until'], '2026-06-30'), fields: ['rotations[0].events[0].effective_until']},
  {name: 'delete the schedule (the policy stops targeting it first)', allowDestroy: true, edit: (doc) => {
    doc.deleteIn(SCHEDULE)
    set(['escalation_policies', 'support', 'rules', 0, 'targets'], [{user: 'jonas.weber@example.com'}])(doc)
  }, check: (a) => expect(v3(a)).toEqual([])},
]

describe('every edit kind converges', {timeout: 600_000}, () => {
  for (const c of EDITS) {
    it(c.name, async () => {
      account = await Account.start(SEED, FROM, {}, IN_SHIFT)
      const dir = copyConfig(CONFIG)
      if (c.base) editYaml(join(dir, 'oncall.yaml'), c.base)
      const base = await loadDesired(dir, account.now)
      expect((await account.apply(base)).report.failed).toBeNull()
      expect((await account.plan(base)).plan.changes).toEqual([])

      editYaml(join(dir, 'oncall.yaml'), c.edit)
      const edited = await loadDesired(dir, account.now)
      const planned = await account.plan(edited, {allowDestroy: c.allowDestroy ?? false})
      expect(planned.plan.changes.length).toBeGreaterThan(0)
      // Changes of who is on call within a day ask for --force (safety.ts judges v3 schedules too); nothing else may block.
      expect(planned.violations.filter((v) => v.code !== 'ONCALL_CHANGES_SOON')).toEqual([])
      const fields = planned.plan.changes.flatMap((ch) => (ch.kind === 'update' ? ch.fields.map((f) => f.path) : []))
      for (const f of c.fields ?? []) expect(fields).toContain(f)
      const {report} = await account.apply(edited, {allowDestroy: c.allowDestroy ?? false, force: true})
      expect(report.failed).toBeNull()
      c.check?.(account)

      expect((await account.plan(edited)).plan.changes).toEqual([])
      // After the handoff and a week on: still nothing to do.
      account.setNow(new Date(IN_SHIFT.getTime() + 8 * 86_400_000))
      expect((await account.plan(await loadDesired(dir, account.now))).plan.changes).toEqual([])
    })
  }
})

describe('rollout', {timeout: 120_000}, () => {
  it('says when a change of a running event takes effect, and a pending rollout is the config event until then', async () => {
    account = await Account.start(SEED, FROM, {}, IN_SHIFT)
    const dir = copyConfig(CONFIG)
    await account.apply(await loadDesired(dir, account.now))
    editYaml(join(dir, 'oncall.yaml'), set([...WEEKDAYS, 'members'], ['sofia.rossi@example.com', 'lena.vogel@example.com', 'jonas.weber@example.com']))
    const edited = await loadDesired(dir, account.now)
    const planned = await account.plan(edited)
    expect(planned.plan.rollouts).toEqual([
      expect.objectContaining({schedule: 'support-shifts', layerName: 'Weekdays · Business hours', at: new Date(HANDOFF).toISOString(), atLocal: '2026-03-03T17:00', reason: 'next_handoff'}),
    ])
    expect((await account.apply(edited, {force: true})).report.failed).toBeNull()
    // One hour before the handoff: the pending pair is the config's event.
    account.setNow(new Date(Date.parse(HANDOFF) - 3_600_000))
    expect((await account.plan(await loadDesired(dir, account.now))).plan.changes).toEqual([])
  })
})

describe('partial failure', {timeout: 120_000}, () => {
  it('a create that stops after the first rotation is finished by the next plan', async () => {
    account = await Account.start(SEED, FROM, {}, IN_SHIFT)
    const desired = await loadDesired(CONFIG, account.now)
    const client = account.client()
    const outcome = await account.plan(desired, {}, client)
    let eventPosts = 0
    const failing: ApplyClient = {
      get: (path, params) => client.get(path, params),
      listAll: (path, key, params) => client.listAll(path, key, params),
      put: (path, body) => client.put(path, body),
      delete: (path) => client.delete(path),
      post: (path, body, options) => {
        if (path.endsWith('/events') && ++eventPosts === 2) return Promise.reject(new Error('connection reset (injected)'))
        return client.post(path, body, options)
      },
    }
    const report = await applyToAccount(failing, outcome, outcome.plan.changes, {now: account.now})
    expect(report.failed?.message).toContain('injected')
    expect(v3(account)[0]?.rotations.map((r) => r.events.length)).toEqual([1, 0])

    const next = await account.plan(desired)
    expect(next.plan.changes.find((c) => c.type === 'schedule')?.kind).toBe('update')
    expect((await account.apply(desired)).report.failed).toBeNull()
    expect((await account.plan(desired)).plan.changes).toEqual([])
    expect(v3(account)).toHaveLength(1)
  })
})

describe('a key that is layer-based live and shift-based in the config: a migration at a handoff (plan/migration-plan.ts)', {timeout: 120_000}, () => {
  it('creates the v3 schedule from the handoff, ends the legacy layers then, points the policy at both; after it drops and (with --allow-destroy) deletes the legacy one; converges', async () => {
    account = await Account.start(SEED, FROM, {}, IN_SHIFT)
    const dir = copyConfig(CONFIG)
    const file = join(dir, 'oncall.yaml')
    editYaml(file, (doc) => {
      doc.deleteIn([...SCHEDULE, 'rotations'])
      set([...SCHEDULE, 'layers'], [{name: 'Weekly', users: ['lena.vogel@example.com', 'jonas.weber@example.com'], turn: 'weekly', handoff: 'mon 09:00', start: '2026-01-05'}])(doc)
    })
    expect((await account.apply(await loadDesired(dir, account.now))).report.failed).toBeNull()
    expect(account.state().schedules.map((s) => s.name)).toEqual(['Support - Shifts'])

    const shiftBased = await loadDesired(CONFIG, account.now)
    const planned = await account.plan(shiftBased)
    expect(planned.plan.changes.map((c) => `${c.kind} ${c.type} ${c.key}`)).toEqual([
      'create schedule support-shifts',
      'update schedule support-shifts',
      'update escalation_policy support',
    ])
    expect(planned.plan.warnings.map((w) => w.code)).not.toContain('SCHEDULE_KIND_CHANGED')
    expect(planned.plan.migrations?.map((m) => m.phase)).toEqual(['start'])
    expect(planned.violations).toEqual([])
    expect((await account.apply(shiftBased)).report.failed).toBeNull()
    expect((await account.plan(shiftBased)).plan.changes).toEqual([])

    const handoff = Date.parse(planned.plan.migrations?.[0]?.handoff ?? '')
    account.setNow(new Date(handoff + 3_600_000))
    const after = await loadDesired(CONFIG, account.now)
    expect((await account.apply(after)).outcome.plan.changes.map((c) => `${c.kind} ${c.type} ${c.key}`)).toEqual(['update escalation_policy support'])
    expect((await account.plan(after)).plan.changes).toEqual([])
    const {report} = await account.apply(after, {allowDestroy: true})
    expect(report.failed).toBeNull()
    expect(account.state().schedules).toEqual([])
    expect(v3(account).map((s) => s.name)).toEqual(['Support - Shifts'])
    expect((await account.plan(after, {allowDestroy: true})).plan.changes).toEqual([])
  })
})

describe('scoped read', {timeout: 120_000}, () => {
  it('reads the shift-based schedules of the config by team and plans the same as a full read', async () => {
    account = await Account.start(SEED, FROM, {}, IN_SHIFT)
    const desired = await loadDesired(CONFIG, account.now)
    await account.apply(desired)
    const scoped = await account.plan(desired, {refresh: 'scoped'})
    expect(scoped.plan.changes).toEqual([])
    expect(account.requests().filter((r) => r.path.startsWith('/v3/schedules')).length).toBeGreaterThan(0)
    // A layer-only config does not list v3 schedules in a scoped read (it fetches by ID only what a policy it read targets).
    const before = account.requests().length
    const layerOnly = await loadDesired(join(REPO, 'examples/starter'), account.now)
    await account.plan(layerOnly, {refresh: 'scoped'})
    expect(account.requests().slice(before).filter((r) => r.path === '/v3/schedules')).toEqual([])
  })
})

describe('what the config does not manage', {timeout: 120_000}, () => {
  it('deleting a v3 schedule names its overrides and custom shifts; updates keep them', async () => {
    account = await Account.start(SEED, FROM, {}, IN_SHIFT)
    const dir = copyConfig(CONFIG)
    const desired = await loadDesired(dir, account.now)
    await account.apply(desired)
    const s = v3(account)[0]
    if (!s) throw new Error('no v3 schedule')
    const user = (email: string) => account?.state().users.find((u) => u.email === email)?.id
    const client = account.client()
    await client.post(`/v3/schedules/${s.id}/overrides`, {
      overrides: [{type: 'override_shift', rotation_id: s.rotations[0]?.id, start_time: '2026-03-10T08:00:00Z', end_time: '2026-03-10T16:00:00Z', overridden_member: {type: 'user_member', user_id: user('lena.vogel@example.com')}, overriding_member: {type: 'user_member', user_id: user('jonas.weber@example.com')}}],
    })
    await client.post(`/v3/schedules/${s.id}/custom_shifts`, {
      custom_shifts: [{type: 'custom_shift', start_time: '2026-03-14T08:00:00Z', end_time: '2026-03-14T12:00:00Z', assignments: [{type: 'shift_assignment', member: {type: 'user_member', user_id: user('omar.haddad@example.com')}}]}],
    })
    // An update (a member change) leaves them alone.
    editYaml(join(dir, 'oncall.yaml'), set([...SCHEDULE, 'rotations', 1, 'events', 0, 'members'], ['jonas.weber@example.com', 'sofia.rossi@example.com', 'lena.vogel@example.com']))
    expect((await account.apply(await loadDesired(dir, account.now), {force: true})).report.failed).toBeNull()
    expect(v3(account)[0]?.overrides).toHaveLength(1)
    expect(v3(account)[0]?.custom_shifts).toHaveLength(1)

    editYaml(join(dir, 'oncall.yaml'), (doc) => {
      doc.deleteIn(SCHEDULE)
      set(['escalation_policies', 'support', 'rules', 0, 'targets'], [{user: 'jonas.weber@example.com'}])(doc)
    })
    const planned = await account.plan(await loadDesired(dir, account.now), {allowDestroy: true})
    expect(planned.plan.warnings.find((w) => w.code === 'V3_EXTRAS_DELETED')?.message).toBe(
      'schedule support-shifts: deleting it also deletes 1 override and 1 custom shift from now on, which the config does not manage',
    )
  })
})

describe('--adopt', {timeout: 120_000}, () => {
  it('takes over an unmarked v3 schedule of the same name: the marker is written, its events are kept, then nothing to do', async () => {
    account = await Account.start(SEED, FROM, {}, IN_SHIFT)
    const desired = await loadDesired(CONFIG, account.now)
    // Everything but the schedule is created by the config; the schedule exists, made by hand, identical.
    await account.apply(desired)
    const made = v3(account)[0]
    if (!made) throw new Error('no v3 schedule')
    const client = account.client()
    await client.put(`/v3/schedules/${made.id}`, {schedule: {description: 'Business hours and weekend days in Berlin, evenings from New York'}})
    const eventIds = made.rotations.flatMap((r) => r.events.map((e) => e.id))

    const unmanaged = await account.plan(desired)
    expect(unmanaged.plan.unmanaged.map((u) => `${u.type} ${u.key}`)).toEqual(['schedule support-shifts'])
    const adopted = await account.plan(desired, {adopt: true})
    expect(adopted.plan.changes.map((c) => `${c.kind} ${c.type} ${c.key}`)).toEqual(['adopt schedule support-shifts'])
    expect((await account.apply(desired, {adopt: true})).report.failed).toBeNull()
    expect(v3(account)[0]?.description).toContain('Managed by oncall (owner: shift-based, key: support-shifts)')
    expect(v3(account)[0]?.rotations.flatMap((r) => r.events.map((e) => e.id))).toEqual(eventIds)
    expect((await account.plan(desired)).plan.changes).toEqual([])
  })
})

describe('the CLI', {timeout: 180_000}, () => {
  it('plan --out, apply of the saved plan (it validates against plan.schema.json), then no changes; a rollout says when', async () => {
    account = await Account.start(SEED, FROM, {}, IN_SHIFT)
    const dir = copyConfig(CONFIG)
    const env = cliEnv(account)
    const planFile = join(dir, 'plan.json')
    expect((await runCli(['plan', dir, '--out', planFile], env)).status).toBe(0)
    const applied = await runCli(['apply', planFile, '--config', dir, '--auto-approve'], env)
    expect(applied.stderr).toBe('')
    expect(applied.stdout).toContain('+ schedule support-shifts ... done')
    expect((await runCli(['plan', dir, '--detailed-exitcode'], env)).stdout).toMatch(/no changes/i)

    editYaml(join(dir, 'oncall.yaml'), set([...WEEKDAYS, 'members'], ['jonas.weber@example.com', 'lena.vogel@example.com', 'sofia.rossi@example.com']))
    const plan = await runCli(['plan', dir], env)
    expect(plan.stdout).toContain('~ schedule support-shifts (Weekdays · Business hours takes effect tue 2026-03-03 17:00 Europe/Berlin, at the next handoff)')
    expect(plan.stdout).toContain(
      '~ rotations[0].events[0].members: [lena.vogel@example.com, jonas.weber@example.com, sofia.rossi@example.com] → [jonas.weber@example.com, lena.vogel@example.com, sofia.rossi@example.com]',
    )
    const markdown = (await runCli(['plan', dir, '--format', 'markdown'], env)).stdout
    expect(markdown).toContain('rotations[0].events[0].members')
    expect(markdown).toContain('Weekdays · Business hours')
    const json = JSON.parse((await runCli(['plan', dir, '--format', 'json'], env)).stdout)
    expect(json.rollouts[0]).toMatchObject({schedule: 'support-shifts', layer_name: 'Weekdays · Business hours', reason: 'next_handoff'})
  })
})

describe('spec contract', {timeout: 60_000}, () => {
  it('every request was a PagerDuty spec operation with a valid body', () => {
    expect(allRequests.some((r) => r.path.startsWith('/v3/'))).toBe(true)
    expect(checkRequestsAgainstSpec(allRequests)).toEqual([])
  })
})
