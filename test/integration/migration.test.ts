/**
 * Migrating layer schedules to shift-based ones against the sandbox, end to end (issue 16,
 * "`oncall migrate`"): examples/follow-the-sun applied as layer schedules (Tokyo 09:00–21:00 and
 * London 12:00–01:00, one policy targeting both); `migrate --write` on both; plan; apply; the
 * sandbox clock moved past the handoff; plan/apply again (with --allow-destroy); final plan empty.
 * At every boundary of the window (and a minute before each), before and after: who the account
 * has on call per schedule (the final schedules, layer-based and shift-based together) and who
 * the policy pages (/oncalls, so a person paged twice would show twice) are the same, and so is
 * what `who --live` shows (the legacy schedule until the handoff, the shift-based one from it).
 */
import {rmSync} from 'node:fs'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {liveShiftsSource} from '../../src/app/live-shifts.js'
import type {DesiredState} from '../../src/model/state.js'
import {parseDescription} from '../../src/providers/pagerduty/ownership.js'
import {Account, cliEnv, copyConfig, example, loadDesired, runCli} from './harness.js'

// Wednesday 2026-03-04 09:00 Tokyo, 00:00 London. Each schedule moves at its own handoff, its first
// shift boundary an hour or more ahead: London's 01:00 end of day, Tokyo's 21:00 (12:00Z).
const NOW = new Date('2026-03-04T00:00:00Z')
const HANDOFFS = {'payments-london': '2026-03-04T01:00:00.000Z', 'payments-tokyo': '2026-03-04T12:00:00.000Z'}
const H = Date.parse(HANDOFFS['payments-tokyo'])
/** Five weeks: across London's switch to summer time on 2026-03-29. */
const WINDOW = {start: NOW.getTime(), end: NOW.getTime() + 35 * 86_400_000}
const KEYS = ['payments-tokyo', 'payments-london']

interface Wire {
  readonly id: string
  readonly description?: string | null
}
type Entries = readonly {start: string; end: string; user?: {id: string} | null}[]

/** Who is on call per schedule key at instant t in the account: every schedule of the key, both kinds. */
async function onCallBySchedule(account: Account, t: number): Promise<Record<string, string[]>> {
  const client = account.client()
  const emails = new Map((await client.listAll<{id: string; email: string}>('/users', 'users')).map((u) => [u.id, u.email.toLowerCase()]))
  const out: Record<string, string[]> = {}
  const since = new Date(t).toISOString()
  const until = new Date(t + 1).toISOString()
  const add = (key: string, entries: Entries) => {
    for (const e of entries) if (e.user && Date.parse(e.start) <= t && Date.parse(e.end) > t) (out[key] ??= []).push(emails.get(e.user.id) ?? e.user.id)
  }
  for (const s of await client.listAll<Wire>('/schedules', 'schedules')) {
    const body = await client.get<{schedule: {final_schedule?: {rendered_schedule_entries?: Entries}}}>(`/schedules/${s.id}`, {since, until, time_zone: 'UTC'})
    add(keyOf(s), body.schedule.final_schedule?.rendered_schedule_entries ?? [])
  }
  for (const s of await client.listAll<Wire>('/v3/schedules', 'schedules')) {
    const body = await client.get<{schedule: Wire & {final_schedule?: {computed_shift_assignments?: readonly {start_time: string; end_time: string; member?: {user_id?: string | null} | null}[]}}}>(
      `/v3/schedules/${s.id}`,
      {'include[]': 'final_schedule', since, until},
    )
    const assignments = body.schedule.final_schedule?.computed_shift_assignments ?? []
    add(
      keyOf(body.schedule),
      assignments.map((a) => ({start: a.start_time, end: a.end_time, user: a.member?.user_id ? {id: a.member.user_id} : null})),
    )
  }
  for (const k of Object.keys(out)) out[k]?.sort()
  return out
}

/**
 * What `who --live` (and report/export --live) sees: the app layer's live source, per schedule key
 * of the config, over the whole window, then who is on call at each instant. During a migration
 * the config says shift-based while the account pages the legacy schedule until the handoff.
 */
async function whoLive(account: Account, desired: DesiredState, at: readonly number[]): Promise<Map<number, Record<string, string[]>>> {
  const read = await liveShiftsSource(account.client(), desired)
  const shifts = await Promise.all(KEYS.map(async (k) => [k, await read(desired.schedules.get(k)!, WINDOW)] as const))
  return new Map(
    at.map((t) => [t, Object.fromEntries(shifts.map(([k, list]) => [k, list.filter((x) => x.start <= t && x.end > t).map((x) => x.user).sort()]))]),
  )
}

function keyOf(s: Wire): string {
  return parseDescription(s.description).marker?.key ?? s.id
}

/** Whom the policy pages at instant t, level by level, duplicates kept (paged twice shows twice). */
async function policyPages(account: Account, t: number): Promise<string[]> {
  const client = account.client()
  const oncalls = await client.listAll<{escalation_level: number; user: {id: string}}>('/oncalls', 'oncalls', {since: new Date(t).toISOString()})
  const emails = new Map((await client.listAll<{id: string; email: string}>('/users', 'users')).map((u) => [u.id, u.email.toLowerCase()]))
  return oncalls.map((o) => `${o.escalation_level} ${emails.get(o.user.id) ?? o.user.id}`).sort()
}

describe.sequential('migrate → plan → apply → handoff → plan/apply: nobody\'s on-call changes', () => {
  const fts = example('follow-the-sun')
  let account: Account
  let dir: string
  const instants: number[] = []
  const before = new Map<number, {schedules: Record<string, string[]>; pages: string[]}>()
  let whoLiveBefore: Map<number, Record<string, string[]>>
  const plan = async (desired: DesiredState, allowDestroy = false) => (await account.plan(desired, {allowDestroy})).plan

  beforeAll(async () => {
    account = await Account.start(fts.seed, fts.from, {}, NOW)
    await account.apply(await loadDesired(fts.config, NOW))
    dir = copyConfig(fts.config)
    // Every boundary of both schedules' final schedules in the window, and a minute before each.
    const desired = await loadDesired(dir, NOW)
    const client = account.client()
    const bounds = new Set<number>([WINDOW.start])
    for (const s of await client.listAll<Wire>('/schedules', 'schedules')) {
      const body = await client.get<{schedule: {final_schedule?: {rendered_schedule_entries?: Entries}}}>(`/schedules/${s.id}`, {
        since: new Date(WINDOW.start).toISOString(),
        until: new Date(WINDOW.end).toISOString(),
      })
      for (const e of body.schedule.final_schedule?.rendered_schedule_entries ?? []) {
        for (const t of [Date.parse(e.start), Date.parse(e.end)]) if (t > WINDOW.start && t < WINDOW.end) bounds.add(t)
      }
    }
    instants.push(...[...bounds].flatMap((b) => [b - 60_000, b]).filter((t) => t >= WINDOW.start).sort((a, b) => a - b))
    expect(desired.schedules.size).toBe(2)
    for (const t of instants) {
      account.setNow(new Date(t))
      before.set(t, {schedules: await onCallBySchedule(account, t), pages: await policyPages(account, t)})
    }
    account.setNow(NOW)
    whoLiveBefore = await whoLive(account, desired, instants)
  }, 600_000)
  afterAll(async () => {
    await account.stop()
    rmSync(dir, {recursive: true, force: true})
  })

  it('the recorded window is dense: both schedules hand off daily and London crosses its DST switch', () => {
    expect(instants.length).toBeGreaterThan(150)
    expect(instants.some((t) => t > Date.parse('2026-03-29T01:00:00Z'))).toBe(true)
    // Someone is paged at level 1 most of the day; both Tokyo and London people appear.
    const pages = [...before.values()].flatMap((b) => b.pages)
    expect(pages).toContain('1 aiko.tanaka@example.com')
    expect(pages).toContain('1 oliver.smith@example.com')
  })

  it('migrate --write proves both schedules identical and writes them', async () => {
    for (const key of KEYS) {
      const r = await runCli(['migrate', key, dir, '--write', '--now', NOW.toISOString()], {})
      expect(r.stderr, key).toBe('')
      expect(r.stdout, key).toContain('proof: identical for')
    }
    const desired = await loadDesired(dir, NOW)
    expect(KEYS.map((k) => desired.schedules.get(k)?.rotations !== undefined)).toEqual([true, true])
  })

  it('plan says when the handoff is and what happens; apply carries it out; nothing left to do before the handoff', async () => {
    const shown = await runCli(['plan', dir], cliEnv(account))
    expect(shown.status, shown.stderr).toBe(0)
    expect(shown.stdout).toContain('Migrations (layer-based → shift-based')
    expect(shown.stdout).toContain('schedule payments-tokyo moves from layer-based')
    expect(shown.stdout).toContain('to shift-based at the handoff 2026-03-04 21:00 Asia/Tokyo')
    expect(shown.stdout).toContain('to shift-based at the handoff 2026-03-04 01:00 Europe/London')
    expect(shown.stdout).toContain('policy payments targets both schedules')
    expect(shown.stdout).toContain('(the layer-based schedule')
    // The preview of each key is the whole move: nobody's shifts change.
    expect(shown.stdout.match(/No change in who is on call\./g)?.length).toBe(2)
    // A saved plan, applied as reviewed (its stale check sees the legacy schedules it updates).
    const planFile = join(dir, '..', `migration-plan-${process.pid}.json`)
    const saved = await runCli(['plan', dir, '--out', planFile], cliEnv(account))
    expect(saved.status, saved.stderr).toBe(0)
    const applied = await runCli(['apply', planFile, '--config', dir, '--auto-approve'], cliEnv(account))
    rmSync(planFile, {force: true})
    expect(applied.status, applied.stdout + applied.stderr).toBe(0)
    // The policy pages both kinds of each schedule until the handoffs.
    const [policy] = await account.client().listAll<{escalation_rules: {targets: {type: string}[]}[]}>('/escalation_policies', 'escalation_policies')
    expect(policy?.escalation_rules[0]?.targets.map((t) => t.type).sort()).toEqual(['schedule_reference', 'schedule_reference', 'schedule_v3_reference', 'schedule_v3_reference'])
    const desired = await loadDesired(dir, NOW)
    const again = await plan(desired)
    expect(again.changes).toEqual([])
    expect(again.migrations?.map((m) => [m.key, m.phase, m.handoff])).toEqual(Object.entries(HANDOFFS).map(([k, h]) => [k, 'transition', h]))
  }, 120_000)

  it('after the apply, at every boundary of the window: the same people on call and paged (nobody twice, nobody missed)', async () => {
    for (const t of instants) {
      account.setNow(new Date(t))
      const was = before.get(t)
      expect({schedules: await onCallBySchedule(account, t), pages: await policyPages(account, t)}, new Date(t).toISOString()).toEqual(was)
    }
  }, 600_000)

  it('who --live after the apply, before and after the handoff: the same people as before the migration', async () => {
    account.setNow(NOW)
    const migrated = await loadDesired(dir, NOW)
    expect(await whoLive(account, migrated, instants)).toEqual(whoLiveBefore)
    // The CLI, between the apply and Tokyo's handoff (legacy schedule) and after it (shift-based one).
    // A minute before Tokyo's handoff, and the first instant after it with someone on call there.
    const atTimes = [H - 60_000, instants.find((t) => t > H && (whoLiveBefore.get(t)?.['payments-tokyo'] ?? []).length > 0)!]
    expect(instants).toContain(H - 60_000)
    for (const at of atTimes) {
      const r = await runCli(['who', dir, 'payments-tokyo', '--live', '--json', '--at', new Date(at).toISOString()], cliEnv(account))
      expect(r.status, r.stderr).toBe(0)
      const json = JSON.parse(r.stdout) as {schedule: {on_call: {user: string} | null; also_on_call: {user: string}[]}}
      const users = [json.schedule.on_call, ...json.schedule.also_on_call].flatMap((x) => (x ? [x.user] : [])).sort()
      expect(users, new Date(at).toISOString()).toEqual(whoLiveBefore.get(at)?.['payments-tokyo'])
      expect(users.length, new Date(at).toISOString()).toBe(1)
    }
  }, 300_000)

  it('after the handoff: the policy drops the legacy schedules; --allow-destroy deletes them; the last plan is empty', async () => {
    const later = new Date(H + 2 * 3600_000)
    account.setNow(later)
    const desired = await loadDesired(dir, later)
    const finish = await plan(desired)
    expect(finish.changes.map((c) => `${c.kind} ${c.type} ${c.key}`)).toEqual(['update escalation_policy payments'])
    expect(finish.warnings.map((w) => w.code)).toEqual(['MIGRATED_LEGACY_SCHEDULE_KEPT', 'MIGRATED_LEGACY_SCHEDULE_KEPT'])
    const applied = await runCli(['apply', dir, '--auto-approve'], cliEnv(account))
    expect(applied.status, applied.stdout + applied.stderr).toBe(0)
    expect((await plan(desired)).changes).toEqual([])
    const destroy = await runCli(['apply', dir, '--auto-approve', '--allow-destroy'], cliEnv(account))
    expect(destroy.status, destroy.stdout + destroy.stderr).toBe(0)
    expect(destroy.stdout).toMatch(/which this plan deletes/)
    expect(account.state().schedules).toEqual([])
    const [moved] = await account.client().listAll<{escalation_rules: {targets: {type: string}[]}[]}>('/escalation_policies', 'escalation_policies')
    expect(moved?.escalation_rules[0]?.targets.map((t) => t.type)).toEqual(['schedule_v3_reference', 'schedule_v3_reference'])
    const last = await plan(desired, true)
    expect(last.changes).toEqual([])
    expect(last).not.toHaveProperty('migrations')
    for (const t of instants.filter((x) => x >= later.getTime())) {
      account.setNow(new Date(t))
      expect({schedules: await onCallBySchedule(account, t), pages: await policyPages(account, t)}, new Date(t).toISOString()).toEqual(before.get(t))
    }
    // who --live with the legacy schedules gone: the shift-based ones alone, the same people.
    const rest = instants.filter((x) => x >= later.getTime())
    account.setNow(later)
    expect(await whoLive(account, desired, rest)).toEqual(new Map(rest.map((t) => [t, whoLiveBefore.get(t)])))
  }, 600_000)
})
