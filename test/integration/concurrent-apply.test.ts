/**
 * Concurrent applies (two CI pipelines, a re-run next to a stuck job) against one account, under
 * latency: the apply lock makes them take turns, so the account never ends with two objects for
 * one config key; and a plan that finds such copies anyway stops instead of saying "No changes".
 */
import {afterEach, describe, expect, it} from 'vitest'
import {parseDescription} from '../../src/providers/pagerduty/ownership.js'
import {LOCK_NAME_PREFIX} from '../../src/providers/pagerduty/apply-lock.js'
import {Account, cliEnv, example, loadDesired, namesByType, ownedCounts, runCli} from './harness.js'

let account: Account | undefined
afterEach(async () => {
  await account?.stop()
  account = undefined
})

describe('three applies started at once', () => {
  it('leave one object per config key, the one the policies reference, and the next plan is empty', async () => {
    const ex = example('starter')
    account = await Account.start(ex.seed, ex.from)
    const desired = await loadDesired(ex.config)
    // Every request takes 150 ms: the three runs overlap for their whole length.
    account.sandbox.admin.setFaults({latencyMs: 150})
    const env = cliEnv(account)
    const runs = await Promise.all([1, 2, 3].map(() => runCli(['apply', ex.config, '--auto-approve'], env)))
    for (const run of runs) expect(run.status, run.stderr).toBe(0)
    // One of them applied the plan; the others found nothing left to do (after waiting for its lock).
    expect(runs.filter((r) => /Applied (\d+) of \1 change/.test(r.stdout))).toHaveLength(1)
    expect(runs.filter((r) => /Nothing left to apply: another apply made these changes meanwhile|No changes\./.test(r.stdout))).toHaveLength(2)

    account.sandbox.admin.setFaults({latencyMs: 0})
    const state = account.state()
    const names = namesByType(state)
    for (const [type, byName] of Object.entries(names)) {
      for (const [name, count] of Object.entries(byName)) expect(count, `${type} ${name}`).toBe(1)
    }
    expect(ownedCounts(state, desired.owner)).toEqual({
      teams: desired.teams.size,
      schedules: desired.schedules.size,
      escalation_policies: desired.escalationPolicies.size,
      services: desired.services.size,
    })
    // Every schedule a policy of ours references is a schedule of ours (not a lost copy).
    const ours = new Set(state.schedules.filter((s) => parseDescription(s.description).marker?.owner === desired.owner).map((s) => s.id))
    const referenced = state.escalation_policies.flatMap((p) => JSON.stringify(p).match(/"id":"[^"]+","type":"schedule_reference"/g) ?? [])
    for (const ref of referenced) expect(ours.has(/"id":"([^"]+)"/.exec(ref)?.[1] ?? '')).toBe(true)
    // The lock is gone.
    expect(state.teams.filter((t) => t.name.startsWith(LOCK_NAME_PREFIX))).toEqual([])
    const plan = await runCli(['plan', ex.config, '--detailed-exitcode'], env)
    expect(plan.status, plan.stdout + plan.stderr).toBe(0)
  }, 240_000)
})

describe('a plan that finds several objects with one key\'s marker', () => {
  it('never says "No changes": it stops with an error naming them (exit 1, apply refuses)', async () => {
    const ex = example('starter')
    account = await Account.start(ex.seed, ex.from)
    const env = cliEnv(account)
    expect((await runCli(['apply', ex.config, '--auto-approve'], env)).status).toBe(0)
    // A copy of a managed schedule, marker included (what concurrent applies used to leave).
    const original = account.state().schedules.find((s) => parseDescription(s.description).marker !== null)
    if (!original) throw new Error('no managed schedule')
    const client = account.client()
    const live = (await client.get<{schedule: {schedule_layers: {id?: string}[]} & Record<string, unknown>}>(`/schedules/${original.id}`)).schedule
    const layers = live.schedule_layers.map(({id: _id, ...layer}) => layer)
    const copy = await client.post<{schedule: {id: string}}>('/schedules', {
      // With its teams, as an apply would have made it (plan reads team-scoped for small configs).
      schedule: {type: 'schedule', name: live.name, time_zone: live.time_zone, description: live.description, schedule_layers: layers, teams: live.teams},
    })

    const plan = await runCli(['plan', ex.config, '--detailed-exitcode'], env)
    expect(plan.status).toBe(1)
    expect(plan.stdout).not.toContain('No changes.')
    expect(plan.stdout).toContain('No changes can be planned')
    expect(plan.stdout).toMatch(new RegExp(`2 objects carry this config's marker for this key \\((${original.id}, ${copy.schedule.id}|${copy.schedule.id}, ${original.id})\\)`))
    const apply = await runCli(['apply', ex.config, '--auto-approve'], env)
    expect(apply.status).toBe(1)
    expect(apply.stderr).toContain('apply refused; nothing was changed')
  }, 120_000)
})
