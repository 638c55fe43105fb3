/** The apply lock against the sandbox: one holder at a time, stale locks removed by ID, busy locks named. */
import {hostname} from 'node:os'
import {afterEach, describe, expect, it} from 'vitest'
import {ApplyLock, ApplyLockBusyError, lockName, parseHolder} from '../../src/providers/pagerduty/apply-lock.js'
import {Account, example} from '../integration/harness.js'

let account: Account | undefined
afterEach(async () => {
  await account?.stop()
  account = undefined
})

async function setup() {
  const ex = example('starter')
  account = await Account.start(ex.seed, ex.from)
  return account
}

const lockTeams = (acc: Account) => acc.state().teams.filter((t) => t.name === lockName('app'))

describe('ApplyLock', () => {
  it('is held by one apply at a time; the second waits, then gives up naming the holder', async () => {
    const acc = await setup()
    const first = await ApplyLock.acquire(acc.client(), {owner: 'app'})
    expect(first).not.toBeNull()
    expect(lockTeams(acc)).toHaveLength(1)
    let t = 0
    const notices: string[] = []
    const error = await ApplyLock.acquire(acc.client(), {
      owner: 'app',
      waitMs: 10_000,
      now: () => t,
      sleep: async (ms) => void (t += ms),
      onNotice: (n) => notices.push(n),
    }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApplyLockBusyError)
    expect((error as Error).message).toContain(`another apply of owner "app" is running (lock team ${first?.id}, host `)
    expect(notices.filter((n) => n.startsWith('waiting for another apply'))).toHaveLength(1)
    await first?.release()
    expect(lockTeams(acc)).toHaveLength(0)
    const second = await ApplyLock.acquire(acc.client(), {owner: 'app', waitMs: 0})
    expect(second?.id).not.toBe(first?.id)
  })

  it('removes an expired lock, and the lock of a process of this host that has ended', async () => {
    const acc = await setup()
    const past = await ApplyLock.acquire(acc.client(), {owner: 'app', now: () => Date.now() - 3_600_000})
    const notices: string[] = []
    const next = await ApplyLock.acquire(acc.client(), {owner: 'app', waitMs: 0, onNotice: (n) => notices.push(n)})
    expect(next?.id).not.toBe(past?.id)
    expect(notices[0]).toMatch(/^removing a stale apply lock \(\w+, expired /)
    await next?.release()

    const dead = await ApplyLock.acquire(acc.client(), {owner: 'app', pid: 4_000_000, host: hostname()})
    expect(parseHolder(lockTeams(acc)[0]?.description)?.pid).toBe(4_000_000)
    const after = await ApplyLock.acquire(acc.client(), {owner: 'app', waitMs: 0, isAlive: (pid) => pid !== 4_000_000, onNotice: (n) => notices.push(n)})
    expect(after?.id).not.toBe(dead?.id)
    expect(notices[1]).toContain('process 4000000 has ended')
    expect(lockTeams(acc)).toHaveLength(1)
  })

  it('refuses to touch a hand-made team that happens to have the lock name', async () => {
    const acc = await setup()
    await acc.client().post('/teams', {team: {type: 'team', name: lockName('app'), description: 'ours, by hand'}})
    await expect(ApplyLock.acquire(acc.client(), {owner: 'app', waitMs: 0})).rejects.toThrow(/exists but is not an apply lock/)
    expect(lockTeams(acc)).toHaveLength(1)
  })
})
