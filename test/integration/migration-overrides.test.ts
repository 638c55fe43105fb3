/**
 * A migration that carries the config's override over (issue 16, task 16e), against the sandbox:
 * examples/retail-org applied as it is (id-platform-primary layer-based, with December's override
 * of Naoki for Misaki on the account's legacy schedule); `migrate --write` splits the override
 * per rotation; the plan creates the shift-based schedule and both v3 overrides without warning
 * that the legacy override is not moved; after the handoff the policies drop the legacy schedule.
 * Around the override (every boundary of the legacy final schedule and of its layers from Monday to
 * Thursday, and a minute before each) the policy pages the same people as before the migration.
 */
import {rmSync} from 'node:fs'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import type {Schedule} from '../../src/model/schedule.js'
import {computeShifts} from '../../src/schedule/compute-shifts.js'
import {Account, cliEnv, copyConfig, example, loadDesired, runCli} from './harness.js'

// Monday 2026-11-30 10:00 Tokyo; the handoff is the legacy schedule's next boundary an hour or
// more ahead: Tuesday 09:30 (business hours begin).
const NOW = new Date('2026-11-30T01:00:00Z')
const AROUND = {start: Date.parse('2026-12-07T00:00:00Z'), end: Date.parse('2026-12-10T00:00:00Z')}

type Entries = readonly {start: string; end: string; user?: {id: string} | null}[]

describe.sequential('migrate with a config override → plan → apply → handoff: the same people paged around the override', () => {
  const retail = example('retail-org')
  let account: Account
  let dir: string
  const instants: number[] = []
  const before = new Map<number, string[]>()

  /** Whom policy id-platform pages at instant t at level 1 (each person once: one notification per person and level). */
  async function pages(t: number): Promise<string[]> {
    const client = account.client()
    const emails = new Map((await client.listAll<{id: string; email: string}>('/users', 'users')).map((u) => [u.id, u.email.toLowerCase()]))
    const policies = await client.listAll<{id: string; name: string}>('/escalation_policies', 'escalation_policies')
    const id = policies.find((p) => p.name === 'ID Platform')?.id
    const oncalls = await client.listAll<{escalation_level: number; user: {id: string}; escalation_policy: {id: string}}>('/oncalls', 'oncalls', {since: new Date(t).toISOString()})
    return [...new Set(oncalls.filter((o) => o.escalation_policy.id === id && o.escalation_level === 1).map((o) => emails.get(o.user.id) ?? o.user.id))].sort()
  }

  beforeAll(async () => {
    account = await Account.start(retail.seed, retail.from, {}, NOW)
    await account.apply(await loadDesired(retail.config, NOW))
    dir = copyConfig(retail.config)
    const client = account.client()
    const [legacy] = (await client.listAll<{id: string; name: string}>('/schedules', 'schedules')).filter((s) => s.name === 'ID Platform - Primary')
    const body = await client.get<{schedule: {final_schedule?: {rendered_schedule_entries?: Entries}}}>(`/schedules/${legacy?.id ?? ''}`, {
      since: new Date(AROUND.start).toISOString(),
      until: new Date(AROUND.end).toISOString(),
    })
    const bounds = new Set<number>()
    // The account's final schedule (the override as one entry) and the rotation's own handoffs under the override.
    const layers = computeShifts((await loadDesired(retail.config, NOW)).schedules.get('id-platform-primary') as Schedule, AROUND).final
    for (const e of [...(body.schedule.final_schedule?.rendered_schedule_entries ?? []), ...layers.map((x) => ({start: new Date(x.start).toISOString(), end: new Date(x.end).toISOString()}))]) {
      for (const t of [Date.parse(e.start), Date.parse(e.end)]) if (t > AROUND.start && t < AROUND.end) bounds.add(t)
    }
    instants.push(...[...bounds].flatMap((b) => [b - 60_000, b]).sort((a, b) => a - b))
    for (const t of instants) before.set(t, await pages(t))
  }, 600_000)
  afterAll(async () => {
    await account.stop()
    rmSync(dir, {recursive: true, force: true})
  })

  it('before: Naoki is paged for the whole override, over the platform lead and the weekly rotation alike', () => {
    const override = {start: Date.parse('2026-12-08T01:00:00Z'), end: Date.parse('2026-12-09T01:00:00Z')}
    const inside = instants.filter((t) => t >= override.start && t < override.end)
    expect(inside.length).toBeGreaterThanOrEqual(4)
    for (const t of inside) expect(before.get(t), new Date(t).toISOString()).toEqual(['naoki.inoue@example.com'])
    expect([...before.values()].flat()).toContain('kenji.takahashi@example.com')
  })

  it('migrate --write splits the override; plan creates both v3 overrides and does not warn about the legacy one; apply; plan empty', async () => {
    const migrated = await runCli(['migrate', 'id-platform-primary', dir, '--write', '--now', NOW.toISOString()], {})
    expect(migrated.stderr).toBe('')
    expect(migrated.stdout).toContain('split into 2 entries (rotation: Weekly primary; rotation: Business hours)')
    const shown = await runCli(['plan', dir], cliEnv(account))
    expect(shown.status, shown.stderr).toBe(0)
    expect(shown.stdout).toContain('in rotation Weekly primary, instead of misaki.yoshida@example.com')
    expect(shown.stdout).toContain('in rotation Business hours, instead of kenji.takahashi@example.com')
    expect(shown.stdout).not.toContain('MIGRATION_OVERRIDES_NOT_MOVED')
    expect(shown.stdout).not.toContain('the migration does not move them')
    const applied = await runCli(['apply', dir, '--auto-approve'], cliEnv(account))
    expect(applied.status, applied.stdout + applied.stderr).toBe(0)
    const again = await account.plan(await loadDesired(dir, NOW))
    expect(again.plan.changes).toEqual([])
    expect(again.plan.warnings.map((w) => w.code)).not.toContain('MIGRATION_OVERRIDES_NOT_MOVED')
  }, 300_000)

  it('after the handoff the policies drop the legacy schedule; around the override the same people are paged as before', async () => {
    const later = new Date('2026-12-01T02:00:00Z')
    account.setNow(later)
    const finish = await runCli(['apply', dir, '--auto-approve'], cliEnv(account))
    expect(finish.status, finish.stdout + finish.stderr).toBe(0)
    expect((await account.plan(await loadDesired(dir, later))).plan.changes).toEqual([])
    for (const t of instants) {
      account.setNow(new Date(t))
      expect(await pages(t), new Date(t).toISOString()).toEqual(before.get(t))
    }
    // who --live during the override (21:00 Tokyo: only the weekly rotation runs): Naoki once, the
    // carried override still on the legacy schedule not shown again; the same as config-mode who.
    account.setNow(later)
    const at = '2026-12-08T12:00:00Z'
    const live = await runCli(['who', dir, 'id-platform-primary', '--live', '--json', '--at', at], cliEnv(account))
    const config = await runCli(['who', dir, 'id-platform-primary', '--config-only', '--json', '--at', at], cliEnv(account))
    expect(live.status, live.stderr).toBe(0)
    const people = (out: string) => {
      const s = (JSON.parse(out) as {schedule: {on_call: {user: string} | null; also_on_call: {user: string}[]}}).schedule
      return [s.on_call, ...s.also_on_call].flatMap((x) => (x ? [x.user] : [])).sort()
    }
    expect(people(live.stdout)).toEqual(people(config.stdout))
    expect(people(live.stdout)).toEqual(['naoki.inoue@example.com'])
  }, 600_000)
})
