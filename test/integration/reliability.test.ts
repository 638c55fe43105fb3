/**
 * plan and apply under real HTTP faults from the sandbox (429 bursts, 5xx, latency, connections
 * dropped after a write) and after interrupted applies: the account always ends exactly as the
 * config says, with no duplicate and no lost object. Waits (backoff, rate-limit resets) advance
 * the shared fake clock, so they cost no real time; the injected latency is real.
 */
import {join} from 'node:path'
import {afterEach, describe, expect, it} from 'vitest'
import type {DesiredState} from '../../src/model/state.js'
import {parseDescription} from '../../src/providers/pagerduty/ownership.js'
import {checkRequestsAgainstSpec} from '../../src/sandbox/index.js'
import {Account, cliEnv, copyConfig, editYaml, example, loadDesired, namesByType, ownedCounts, runCliUntil, type Example} from './harness.js'

let account: Account | undefined
afterEach(async () => {
  await account?.stop()
  account = undefined
})

/** The account holds every config object exactly once (by name), and the next plan is empty. */
async function expectConverged(acc: Account, desired: DesiredState): Promise<void> {
  const names = namesByType(acc.state())
  for (const [type, byName] of Object.entries(names)) {
    for (const [name, count] of Object.entries(byName)) expect(count, `${type} ${name}`).toBe(1)
  }
  expect(ownedCounts(acc.state(), desired.owner)).toEqual({
    teams: desired.teams.size,
    schedules: desired.schedules.size,
    escalation_policies: desired.escalationPolicies.size,
    services: desired.services.size,
  })
  expect((await acc.plan(desired)).plan.changes).toEqual([])
}

async function freshAccount(ex: Example): Promise<{acc: Account; desired: DesiredState}> {
  account = await Account.start(ex.seed, ex.from)
  return {acc: account, desired: await loadDesired(ex.config)}
}

describe('faults: 429 bursts, 20% 5xx and 200 ms latency', () => {
  it('plan and apply of retail-org succeed and converge', async () => {
    const {acc, desired} = await freshAccount(example('retail-org'))
    acc.sandbox.admin.setFaults({latencyMs: 200, errorRate: 0.2, seed: 11, rateLimitBurst: 5})
    const {report, outcome} = await acc.apply(desired, {}, {client: acc.client({concurrency: 8})})
    expect(report.failed).toBeNull()
    expect(report.applied).toHaveLength(outcome.plan.changes.length)
    const statuses = acc.requests().map((r) => r.status)
    expect(statuses.filter((s) => s === 429)).toHaveLength(5)
    expect(statuses.filter((s) => s === 500).length).toBeGreaterThan(5)
    await expectConverged(acc, desired)
    expect(checkRequestsAgainstSpec(acc.requests())).toEqual([])
  }, 240_000)
})

describe('a connection dropped right after a write', () => {
  it('never leaves a duplicate, whichever change it hits (starter)', async () => {
    const ex = example('starter')
    const total = (await (async () => {
      const {acc, desired} = await freshAccount(ex)
      const n = (await acc.plan(desired)).plan.changes.length
      await acc.stop()
      account = undefined
      return n
    })())
    expect(total).toBeGreaterThan(3)
    for (let k = 0; k < total; k++) {
      const {acc, desired} = await freshAccount(ex)
      // Drop the answer to the first write of change k (a create: POST, then the member PUTs).
      const {report} = await acc.apply(desired, {}, {onProgress: (e) => e.kind === 'start' && e.index === k && acc.sandbox.admin.setFaults({dropAfterWrite: 1})})
      expect(acc.requests().filter((r) => r.dropped), `change ${k}`).toHaveLength(1)
      // The client looked for the object after the lost answer instead of creating it again.
      expect(report.failed, `change ${k}`).toBeNull()
      expect(acc.requests().filter((r) => r.dropped)[0]?.method).toBe('POST')
      await expectConverged(acc, desired)
      await acc.stop()
      account = undefined
    }
  }, 120_000)
})

describe('a connection dropped right after an update', () => {
  it('the update is retried (PUT is idempotent) and the account converges', async () => {
    const ex = example('starter')
    const {acc, desired} = await freshAccount(ex)
    expect((await acc.apply(desired)).report.failed).toBeNull()
    const dir = copyConfig(ex.config)
    editYaml(join(dir, 'oncall.yaml'), (d) => d.setIn(['services', 'platform-api', 'urgency'], 'low'))
    const edited = await loadDesired(dir)
    acc.sandbox.admin.setFaults({dropAfterWrite: 1})
    const {report} = await acc.apply(edited)
    expect(report.failed).toBeNull()
    expect(acc.requests().filter((r) => r.dropped).map((r) => r.method)).toEqual(['PUT'])
    await expectConverged(acc, edited)
  })
})

describe('an apply interrupted before any step is finished by the next apply', () => {
  /** Aborts the apply just before step k starts (steps 0..k-1 are done), as a kill between two steps would. */
  async function interruptBefore(ex: Example, k: number): Promise<void> {
    const {acc, desired} = await freshAccount(ex)
    const total = (await acc.plan(desired)).plan.changes.length
    const done: number[] = []
    await expect(
      acc.apply(desired, {}, {
        onProgress: (e) => {
          if (e.kind === 'done' && e.step === undefined) done.push(e.index)
          if (e.kind === 'start' && e.index === k) throw new Error('killed')
        },
      }),
    ).rejects.toThrow('killed')
    expect(done).toEqual(Array.from({length: k}, (_, i) => i))
    const next = await acc.apply(desired)
    expect(next.report.failed).toBeNull()
    // Only what was not done is left (team member removals are not part of a first apply).
    expect(next.outcome.plan.changes).toHaveLength(total - k)
    await expectConverged(acc, desired)
    await acc.stop()
    account = undefined
  }

  it('starter: after every step', async () => {
    const ex = example('starter')
    const {acc, desired} = await freshAccount(ex)
    const total = (await acc.plan(desired)).plan.changes.length
    await acc.stop()
    account = undefined
    for (let k = 0; k < total; k++) await interruptBefore(ex, k)
  }, 120_000)

  it('retail-org: a sample of steps', async () => {
    const ex = example('retail-org')
    const {acc, desired} = await freshAccount(ex)
    const total = (await acc.plan(desired)).plan.changes.length
    await acc.stop()
    account = undefined
    expect(total).toBeGreaterThan(15)
    for (const k of [1, 2, Math.floor(total / 3), Math.floor(total / 2), total - 2, total - 1]) await interruptBefore(ex, k)
  }, 180_000)
})

describe('the CLI killed (SIGKILL) in the middle of an apply', () => {
  it('the next apply finishes the work with no lost or duplicated object (starter, several kill points)', async () => {
    const ex = example('starter')
    for (const writes of [1, 2, 4, 6]) {
      const {acc, desired} = await freshAccount(ex)
      acc.sandbox.admin.setFaults({latencyMs: 40})
      const writesSeen = () => acc.requests().filter((r) => r.method !== 'GET').length
      const killedRun = await runCliUntil(['apply', ex.config, '--auto-approve'], cliEnv(acc), () => writesSeen() >= writes)
      expect(killedRun.killed, `kill after ${writes} writes`).toBe(true)
      expect(killedRun.status).toBeNull()
      // A write the killed client had already sent may still be inside the sandbox's 40 ms latency
      // and land after the kill (as with a real server). Let it land before the next apply reads the
      // account; otherwise that apply races it (and PagerDuty's unique names reject the duplicate).
      await new Promise((resolve) => setTimeout(resolve, 250))
      acc.sandbox.admin.resetFaults()
      const finish = await acc.apply(desired)
      expect(finish.report.failed).toBeNull()
      await expectConverged(acc, desired)
      await acc.stop()
      account = undefined
    }
  }, 120_000)
})

describe('a create the server commits after the client gave up', () => {
  it('is not sent again; apply stops with "outcome unknown", and the next plan finds the late object and finishes', async () => {
    const {acc, desired} = await freshAccount(example('starter'))
    // The first POST is held 2 s (real time) before the sandbox applies it; the client gives up after 0.3 s
    // and looks for 1 s (on the fake clock, so the looks are over long before the object lands).
    acc.sandbox.admin.setFaults({holdNextPostMs: 2000})
    const client = acc.client({timeoutMs: 300, unknownOutcomeLookMs: 1000})
    const {report} = await acc.apply(desired, {}, {client})
    expect(report.failed?.message).toMatch(/^outcome unknown: PagerDuty POST \/\w+ .*ETIMEDOUT.*was not sent again/)
    const failed = report.failed?.change
    if (!failed) throw new Error('no failed change')
    const postsOf = () => acc.requests().filter((r) => r.method === 'POST' && r.path === `/${failed.type === 'escalation_policy' ? 'escalation_policies' : failed.type + 's'}`).length
    expect(postsOf()).toBe(1)
    // Wait (real time) for the held create to land.
    const marked = () => namesByType(acc.state())
    const landed = () => {
      const s = acc.state()
      const list = {team: s.teams, schedule: s.schedules, escalation_policy: s.escalation_policies, service: s.services, user: []}[failed.type] as {description: string | null}[]
      return list.some((o) => parseDescription(o.description).marker?.key === failed.key)
    }
    expect(landed()).toBe(false)
    for (let i = 0; i < 100 && !landed(); i++) await new Promise((r) => setTimeout(r, 100))
    expect(landed()).toBe(true)
    const next = await acc.plan(desired)
    expect(next.plan.changes.filter((c) => c.kind === 'create' && c.type === failed.type && c.key === failed.key)).toEqual([])
    const {report: second} = await acc.apply(desired)
    expect(second.failed).toBeNull()
    for (const [type, byName] of Object.entries(marked())) {
      for (const [name, count] of Object.entries(byName)) expect(count, `${type} ${name}`).toBe(1)
    }
    expect(postsOf()).toBe(1)
    await expectConverged(acc, desired)
  }, 120_000)
})
