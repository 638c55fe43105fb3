/**
 * Several configs on one account: each manages only the objects carrying its own owner marker.
 * Unmarked look-alikes are reported and taken over only with --adopt; objects of another owner
 * with a config object's name are conflicts that stop plan and apply (exit 1).
 */
import {join} from 'node:path'
import {afterEach, describe, expect, it} from 'vitest'
import {blockers} from '../../src/app/apply-to-account.js'
import {parseDescription} from '../../src/providers/pagerduty/ownership.js'
import {checkRequestsAgainstSpec} from '../../src/sandbox/index.js'
import {Account, cliEnv, copyConfig, editYaml, example, loadDesired, namesByType, ownedCounts, runCli} from './harness.js'

let account: Account | undefined
afterEach(async () => {
  if (account) expect(checkRequestsAgainstSpec(account.requests())).toEqual([])
  await account?.stop()
  account = undefined
})

const starter = example('starter')
const sun = example('follow-the-sun')

/** follow-the-sun without its users section: the users are shared with starter, and users carry no marker. */
function sunReferencingUsers(): string {
  const dir = copyConfig(sun.config)
  editYaml(join(dir, 'oncall.yaml'), (d) => d.delete('users'))
  return dir
}

describe('two owners on one account', {timeout: 120_000}, () => {
  it("don't touch each other's objects, even with --allow-destroy", async () => {
    account = await Account.start(sun.seed, sun.from)
    const a = await loadDesired(starter.config)
    const b = await loadDesired(sunReferencingUsers())
    // Starter declares mei as limited_user; the seed has her as user: set it first so only ownership is tested.
    expect((await account.apply(a)).report.failed).toBeNull()
    const afterA = account.state()
    const planB = await account.plan(b, {allowDestroy: true})
    expect(planB.plan.changes.every((c) => c.kind === 'create')).toBe(true)
    expect(planB.plan.unmanaged).toEqual([])
    expect(planB.plan.conflicts).toEqual([])
    expect((await account.apply(b, {allowDestroy: true})).report.failed).toBeNull()

    // A's objects are exactly as A left them.
    const state = account.state()
    for (const kind of ['teams', 'schedules', 'escalation_policies', 'services'] as const) {
      const mineA = (list: readonly {id: string; description: string | null}[]) =>
        list.filter((o) => parseDescription(o.description).marker?.owner === 'starter')
      expect(mineA(state[kind])).toEqual(mineA(afterA[kind]))
    }
    expect(ownedCounts(state, 'starter')).toEqual({teams: 1, schedules: 1, escalation_policies: 1, services: 1})
    expect(ownedCounts(state, 'follow-the-sun')).toEqual({teams: 1, schedules: 2, escalation_policies: 1, services: 1})
    expect((await account.plan(a, {allowDestroy: true})).plan.changes).toEqual([])
    expect((await account.plan(b, {allowDestroy: true})).plan.changes).toEqual([])
  })

  it('an object of another owner with a config object name is a conflict: plan and apply exit 1 naming the owner', async () => {
    account = await Account.start(starter.seed, starter.from)
    expect((await account.apply(await loadDesired(starter.config))).report.failed).toBeNull()
    // Another config (owner "platform-sre") declares a team with the same name under another key.
    const dir = copyConfig(starter.config)
    const file = join(dir, 'oncall.yaml')
    editYaml(file, (d) => {
      d.set('owner', 'platform-sre')
      d.delete('users')
      d.delete('schedules')
      d.delete('escalation_policies')
      d.delete('services')
      d.setIn(['teams', 'platform-sre'], d.getIn(['teams', 'platform']))
      d.deleteIn(['teams', 'platform'])
    })
    const outcome = await account.plan(await loadDesired(dir))
    expect(outcome.plan.conflicts).toEqual([{type: 'team', key: 'platform-sre', id: expect.any(String), name: 'Platform', owner: 'starter'}])
    expect(outcome.plan.changes).toEqual([])
    expect(blockers(outcome.plan, outcome.violations)).toEqual([expect.stringContaining('is owned by config "starter"')])

    const before = account.state()
    const plan = await runCli(['plan', dir], cliEnv(account))
    expect(plan.status).toBe(1)
    expect(plan.stdout + plan.stderr).toContain('starter')
    const apply = await runCli(['apply', dir, '--auto-approve'], cliEnv(account))
    expect(apply.status).toBe(1)
    expect(apply.stderr).toContain('is owned by config "starter"')
    expect(account.state()).toEqual(before)
  })
})

describe('unmarked objects with a config object name', {timeout: 120_000}, () => {
  it('are reported as unmanaged and not duplicated; --adopt takes them over', async () => {
    account = await Account.start(starter.seed, starter.from)
    const desired = await loadDesired(starter.config)
    // Made by hand in the web UI, before the config existed.
    const client = account.client()
    await client.post('/teams', {team: {type: 'team', name: 'Platform', description: 'made by hand'}})

    const plain = await account.plan(desired)
    expect(plain.plan.unmanaged).toEqual([{type: 'team', key: 'platform', id: expect.any(String), name: 'Platform'}])
    expect(plain.plan.changes.some((c) => c.type === 'team')).toBe(false)
    // Without --adopt the rest is applied around it (the schedule joins the existing team), the team is left alone.
    expect((await account.apply(desired)).report.failed).toBeNull()
    expect(account.state().teams.map((t) => t.description)).toEqual(['made by hand'])
    expect((await account.plan(desired)).plan.unmanaged).toHaveLength(1)

    const cli = await runCli(['plan', starter.config], cliEnv(account))
    expect(cli.stdout).toMatch(/unmanaged/i)

    const {outcome, report} = await account.apply(desired, {adopt: true})
    expect(report.failed).toBeNull()
    const adopted = outcome.plan.changes.find((c) => c.type === 'team')
    expect(adopted?.kind).toBe('adopt')
    expect(namesByType(account.state()).teams).toEqual({Platform: 1})
    expect(parseDescription(account.state().teams[0]?.description ?? null).marker?.owner).toBe('starter')
    expect((await account.plan(desired)).plan.changes).toEqual([])
  })
})
