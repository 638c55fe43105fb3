/**
 * plan → apply → plan converges for every example and for an edit of every field kind, through
 * the use cases (planAgainstAccount / applyToAccount) and the real client over loopback HTTP.
 */
import {afterEach, describe, expect, it} from 'vitest'
import {checkRequestsAgainstSpec, type LoggedRequest} from '../../src/sandbox/index.js'
import {Account, EXAMPLES, loadDesired, namesByType, NOW, ownedCounts} from './harness.js'

let account: Account | undefined
/** Every request of every test of this file, for the spec contract check at the end. */
const allRequests: LoggedRequest[] = []

afterEach(async () => {
  if (account) {
    allRequests.push(...account.requests())
    await account.stop()
  }
  account = undefined
})

describe('every example converges', {timeout: 120_000}, () => {
  for (const ex of EXAMPLES) {
    it(`${ex.name}: plan → apply → plan shows no changes, also 30 days later`, async () => {
      account = await Account.start(ex.seed, ex.from)
      const desired = await loadDesired(ex.config)
      const first = await account.plan(desired)
      expect(first.plan.changes.length).toBeGreaterThan(0)
      expect(first.plan.changes.every((c) => c.kind === 'create' || (c.kind === 'update' && c.type === 'user'))).toBe(true)
      const {report} = await account.apply(desired)
      expect(report.failed).toBeNull()
      expect(report.applied).toHaveLength(first.plan.changes.length)

      const again = await account.plan(desired)
      expect(again.plan.changes).toEqual([])
      expect(again.plan.conflicts).toEqual([])
      expect(again.plan.unmanaged).toEqual([])
      const owned = ownedCounts(account.state(), desired.owner)
      expect(owned).toEqual({
        teams: desired.teams.size,
        schedules: desired.schedules.size,
        escalation_policies: desired.escalationPolicies.size,
        services: desired.services.size,
      })

      // The clock moves on: PagerDuty moves past layer starts to "now"; the plan must not see that as a change.
      account.setNow(new Date(NOW.getTime() + 30 * 86_400_000))
      const later = await account.plan(await loadDesired(ex.config, account.now))
      expect(later.plan.changes).toEqual([])
      expect(Object.values(namesByType(account.state())).every((byName) => Object.values(byName).every((n) => n === 1))).toBe(true)
    })
  }
})

describe('spec contract', {timeout: 120_000}, () => {
  it('every request of the convergence runs was a PagerDuty spec operation with a valid body and required headers', () => {
    expect(allRequests.length).toBeGreaterThan(50)
    expect(checkRequestsAgainstSpec(allRequests)).toEqual([])
  })
})
