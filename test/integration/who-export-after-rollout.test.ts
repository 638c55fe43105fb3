/**
 * Published calendars and `who` must not contradict the account (issue 12): after a swap is
 * applied with the default `rollout: next_handoff`, config-mode `who` and `export` (with a token)
 * give what the account gives (`--live`) at every boundary of the next four weeks, before and
 * after the handoff; without a token they say that they come from the config alone.
 * Fixed clock throughout (the sandbox and the client share it).
 */
import {mkdtempSync, readFileSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {liveShiftsSource} from '../../src/app/live-shifts.js'
import {plannedShiftsSource} from '../../src/app/planned-shifts.js'
import {whoJson} from '../../src/app/render-who.js'
import {whoIsOnCall, type FinalShiftsSource} from '../../src/app/who-is-on-call.js'
import type {DesiredState} from '../../src/model/state.js'
import {feedEvents} from '../export/feed-events.js'
import {Account, cliEnv, copyConfig, editYaml, example, loadDesired, runCli} from './harness.js'

const TAKUMI = 'takumi.kobayashi@example.com'
const YUI = 'yui.watanabe@example.com'
const SCHEDULE = 'consumer-app-primary'
// Wednesday 2026-03-04 20:00 Tokyo: the Weekly primary turn that began Monday is Takumi's; the
// swapped list gives it to Yui, but the swap waits for the handoff on Monday 03-09 10:00.
const MIDWEEK = new Date('2026-03-04T11:00:00Z')
const AFTER_HANDOFF = new Date('2026-03-10T12:00:00Z')
const FOUR_WEEKS = 28 * 86_400_000
/** Now, just before and at the handoff, and weekly after it (in the future of MIDWEEK). */
const PREVIEW_AT = ['2026-03-04T11:00:00Z', '2026-03-09T00:59:00Z', '2026-03-09T01:00:00Z', '2026-03-16T01:30:00Z', '2026-03-25T12:00:00Z'].map(Date.parse)

/** who's answer without what only one side knows (the config names layers, the account cannot). */
function comparable(json: unknown): unknown {
  return JSON.parse(JSON.stringify(json, (k, v) => (k === 'layer' || k === 'basis' ? undefined : v)))
}

/**
 * who's answer looking ahead: who is on call until when, and who is next. Since when is history,
 * and the account's history of a layer the apply rewrote starts at the apply (the sandbox, as
 * PagerDuty, moves a written layer's past start to the time of the write).
 */
function ahead(json: object): unknown {
  const report = json as {schedules: {key: string; on_call: {user: string; until: string | null} | null; next: unknown}[]}
  return report.schedules.map((s) => ({key: s.key, on_call: s.on_call && {user: s.on_call.user, until: s.on_call.until}, next: comparable(s.next)}))
}


/** Boundaries of every schedule's final schedule in the account over four weeks from `from`. */
async function boundaries(live: FinalShiftsSource, desired: DesiredState, from: number): Promise<number[]> {
  const out = new Set<number>()
  for (const schedule of desired.schedules.values()) {
    for (const s of await live(schedule, {start: from, end: from + FOUR_WEEKS})) {
      for (const t of [s.start, s.end]) if (t > from && t < from + FOUR_WEEKS) out.add(t)
    }
  }
  return [...out].sort((a, b) => a - b)
}

/** who (config, with a token) == who --live for every schedule, at and just before every boundary of four weeks from MIDWEEK. */
async function expectWhoAgrees(account: Account, desired: DesiredState, now: Date): Promise<void> {
  const live = await liveShiftsSource(account.client(), desired)
  const planned = await plannedShiftsSource(account.client(), desired, now)
  const instants = await boundaries(live, desired, MIDWEEK.getTime())
  expect(instants.length).toBeGreaterThan(20)
  for (const t of [MIDWEEK.getTime(), ...instants.flatMap((b) => [b - 60_000, b])]) {
    const at = {kind: 'instant', ms: t} as const
    const fromAccount = comparable(whoJson(await whoIsOnCall({...desired, shiftsFor: live}, undefined, at), 'account'))
    const fromConfig = comparable(whoJson(await whoIsOnCall({...desired, shiftsFor: planned}, undefined, at), 'config+account'))
    expect(fromConfig, new Date(t).toISOString()).toEqual(fromAccount)
  }
}

describe('who and export after a rollout agree with the account', () => {
  const retail = example('retail-org')
  let account: Account
  let dir: string
  let desired: DesiredState
  const temps: string[] = []
  const previewed = new Map<number, unknown>()
  const temp = (): string => {
    const d = mkdtempSync(join(tmpdir(), 'oncall-it-'))
    temps.push(d)
    return d
  }

  beforeAll(async () => {
    account = await Account.start(retail.seed, retail.from)
    await account.apply(await loadDesired(retail.config))
    dir = copyConfig(retail.config)
    temps.push(dir)
    editYaml(join(dir, 'consumer-app', 'team.yaml'), (doc) => {
      doc.setIn(['schedules', SCHEDULE, 'layers', 0, 'users'], doc.createNode([YUI, TAKUMI, 'sota.ito@example.com', 'rin.yamamoto@example.com'], {flow: true}))
    })
    account.setNow(MIDWEEK)
    desired = await loadDesired(dir, MIDWEEK)
    // The pull-request branch, before the merge: what `who` (with a token) previews.
    const preview = await plannedShiftsSource(account.client(), desired, MIDWEEK)
    for (const t of PREVIEW_AT) {
      previewed.set(t, ahead(whoJson(await whoIsOnCall({...desired, shiftsFor: preview}, undefined, {kind: 'instant', ms: t}), 'config+account')))
    }
    const applied = await runCli(['apply', dir, '--auto-approve'], cliEnv(account))
    expect(applied.status, applied.stderr).toBe(0)
  }, 120_000)
  afterAll(async () => {
    await account.stop()
    for (const d of temps) rmSync(d, {recursive: true, force: true})
  })

  for (const [when, now] of [
    ['right after the apply (before the handoff)', MIDWEEK],
    ['after the handoff has passed', AFTER_HANDOFF],
  ] as const) {
    it(`who (config, with a token) equals who --live at every boundary for 4 weeks, ${when}`, async () => {
      account.setNow(now)
      await expectWhoAgrees(account, desired, now)
    }, 120_000)
  }

  it('on the pull-request branch, before the merge, who previewed what the account does after the apply', async () => {
    account.setNow(MIDWEEK)
    const live = await liveShiftsSource(account.client(), desired)
    for (const t of PREVIEW_AT) {
      const after = ahead(whoJson(await whoIsOnCall({...desired, shiftsFor: live}, undefined, {kind: 'instant', ms: t}), 'account'))
      expect(previewed.get(t), new Date(t).toISOString()).toEqual(after)
    }
  })

  it('the CLI: who names the person the account has, and says when it uses the config alone', async () => {
    account.setNow(MIDWEEK)
    const env = cliEnv(account)
    for (const at of [MIDWEEK.toISOString(), '2026-03-09T00:59:00Z', '2026-03-09T01:00:00Z', '2026-03-16T01:00:00Z']) {
      const config = await runCli(['who', dir, SCHEDULE, '--at', at, '--json'], env)
      const live = await runCli(['who', dir, SCHEDULE, '--at', at, '--json', '--live'], env)
      expect(config.status, config.stderr).toBe(0)
      expect(live.status, live.stderr).toBe(0)
      expect(JSON.parse(config.stdout).basis).toBe('config+account')
      expect(comparable(JSON.parse(config.stdout)), at).toEqual(comparable(JSON.parse(live.stdout)))
    }
    const now = JSON.parse((await runCli(['who', dir, SCHEDULE, '--json'], env)).stdout)
    expect(now.schedule.on_call.user).toBe(TAKUMI) // the account keeps Takumi until Monday

    // Without a token: the config alone, as if the swap had always been there, and it says so.
    const offline = await runCli(['who', dir, SCHEDULE], {ONCALL_NOW: MIDWEEK.toISOString(), NO_COLOR: '1'})
    expect(offline.status, offline.stderr).toBe(0)
    expect(offline.stdout).toContain(`on call: ${YUI}`)
    expect(offline.stdout).toContain('Computed from the config alone')
    const offlineJson = await runCli(['who', dir, SCHEDULE, '--json', '--config-only'], env)
    expect(JSON.parse(offlineJson.stdout).basis).toBe('config')
    // A token the account refuses: one error line, and the way to do without the account.
    const refused = await runCli(['who', dir, SCHEDULE], {...env, PAGERDUTY_TOKEN: 'not-the-token'})
    expect(refused.status).toBe(1)
    expect(refused.stderr).toMatch(/^error: .*401/)
    expect(refused.stderr).toContain('--config-only computes from the config alone')
    expect(refused.stderr).not.toContain('not-the-token')
  }, 120_000)

  it('export (config, with a token) writes the events export --live writes, and says what it used', async () => {
    account.setNow(MIDWEEK)
    const env = cliEnv(account)
    const fromConfig = temp()
    const fromAccount = temp()
    const offline = temp()
    for (const [out, extra] of [
      [fromConfig, []],
      [fromAccount, ['--live']],
      [offline, ['--config-only']],
    ] as const) {
      const r = await runCli(['export', dir, '--out', out, ...extra], env)
      expect(r.status, r.stderr).toBe(0)
    }
    const events = feedEvents(fromConfig)
    expect(events.length).toBeGreaterThan(100)
    expect(events).toEqual(feedEvents(fromAccount))
    expect(feedEvents(offline)).not.toEqual(events) // the config alone hands Takumi's week to Yui
    const feed = (d: string) => readFileSync(join(d, 'schedules', `${SCHEDULE}.ics`), 'utf8').replace(/\r\n /g, '')
    expect(feed(offline)).toContain('Computed from the config alone')
    expect(feed(fromConfig)).not.toContain('Computed from the config alone')
    expect(readFileSync(join(offline, 'index.html'), 'utf8')).toContain('Computed from the config alone')
  }, 120_000)
})

describe.each([
  ['immediate', 'immediate'],
  ['at a set time (rollout.at, Wednesday 03-11 10:00)', {at: '2026-03-11T10:00'}],
])('who agrees with the account for rollout: %s', (_name, rollout) => {
  const retail = example('retail-org')
  let account: Account
  let dir: string

  beforeAll(async () => {
    account = await Account.start(retail.seed, retail.from)
    await account.apply(await loadDesired(retail.config))
    dir = copyConfig(retail.config)
    editYaml(join(dir, 'consumer-app', 'team.yaml'), (doc) => {
      doc.setIn(['schedules', SCHEDULE, 'layers', 0, 'users'], doc.createNode([YUI, TAKUMI, 'sota.ito@example.com', 'rin.yamamoto@example.com'], {flow: true}))
      doc.setIn(['schedules', SCHEDULE, 'layers', 0, 'rollout'], doc.createNode(rollout))
    })
    account.setNow(MIDWEEK)
    // immediate hands Takumi's shift to Yui now: that needs --force.
    const {report} = await account.apply(await loadDesired(dir, MIDWEEK), {force: true})
    expect(report.failed).toBeNull()
  }, 120_000)
  afterAll(async () => {
    await account.stop()
    rmSync(dir, {recursive: true, force: true})
  })

  it('right after the apply, and after the change took effect', async () => {
    for (const now of [MIDWEEK, new Date('2026-03-12T03:00:00Z')]) {
      account.setNow(now)
      await expectWhoAgrees(account, await loadDesired(dir, now), now)
    }
  }, 180_000)
})
