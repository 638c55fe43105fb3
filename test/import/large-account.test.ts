/**
 * Import of a large organisation stays within the request budget of a plan: list endpoints only
 * (pages of 100) plus one members call per team, no GET per object. Times are printed for the
 * report, never asserted.
 */
import {performance} from 'node:perf_hooks'
import {join} from 'node:path'
import {afterAll, beforeAll, expect, it} from 'vitest'
import {importAccount} from '../../src/app/import-account.js'
import {Account, REPO} from '../integration/harness.js'
import {SIZES, syntheticSeed} from './synthetic-seed.js'

let account: Account

beforeAll(async () => {
  account = await Account.start(syntheticSeed(), 'user0000@example.com', {rateLimitPerMinute: 1_000_000})
}, 120_000)

afterAll(async () => {
  await account.stop()
})

it('imports 2,000 users / 300 teams / 500 schedules / 500 policies / 1,000 services in the request budget of a plan plus one overrides read per schedule', async () => {
  const pages = (n: number) => Math.ceil(n / 100)
  // A plan's reads (the API minimum) plus, since import writes the account's future overrides,
  // one overrides read per imported schedule (PagerDuty has no account-wide overrides list).
  // The last + 1: the shift-based (v3) schedule list, empty in this account.
  const planBudget = pages(SIZES.users) + pages(SIZES.teams) + pages(SIZES.schedules) + pages(SIZES.policies) + pages(SIZES.services) + SIZES.teams + 1
  const budget = planBudget + SIZES.schedules
  account.sandbox.admin.clearRequests()
  const started = performance.now()
  const client = account.client()
  const imported = await importAccount({
    client,
    now: account.now,
    source: 'sandbox',
    filter: {teams: [], schedules: [], policies: [], services: []},
    singleFile: false,
    outDir: join(REPO, 'tmp-never-written'),
    schema: join(REPO, 'schemas', 'oncall.schema.json'),
  })
  const importMs = performance.now() - started
  expect(imported.warnings).toEqual([])
  expect([imported.selection.teams.length, imported.selection.schedules.length, imported.selection.escalationPolicies.length, imported.selection.services.length]).toEqual([
    SIZES.teams,
    SIZES.schedules,
    SIZES.policies,
    SIZES.services,
  ])
  // Distinct requests: a retry (a connection reset on a loaded machine) repeats one, it is not a new one.
  const distinct = new Set(account.requests().map((r) => `${r.method} ${r.path} ${JSON.stringify(r.query)}`))
  expect(distinct.size).toBe(budget)
  expect(imported.requestCount).toBeGreaterThanOrEqual(budget)

  const planClient = account.client()
  const planStarted = performance.now()
  const {plan} = await account.plan(imported.desired, {}, planClient)
  const planMs = performance.now() - planStarted
  expect(plan.changes).toEqual([])
  expect(plan.unmanaged).toHaveLength(SIZES.teams + SIZES.schedules + SIZES.policies + SIZES.services)
  expect(planClient.requestCount).toBeGreaterThanOrEqual(planBudget)
  console.log(`import of the synthetic org: ${distinct.size} distinct requests (${imported.requestCount} with retries), ${Math.round(importMs)} ms; plan of the result: ${planClient.requestCount} requests (retries included), ${Math.round(planMs)} ms; ${imported.files.length} files`)
}, 300_000)
