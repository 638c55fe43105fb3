/**
 * Rolling out a rotation change (GitHub issue 6): a pull request that swaps two people in a
 * weekly rotation takes effect at the next handoff, so the shift in progress stays with whoever
 * holds it; the plan says when, the comment reads at a glance, and the account converges (also
 * after the handoff has passed). `rollout: immediate` that hands the current shift to someone
 * else needs --force. Fixed clock throughout (the sandbox and the client share it).
 */
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {blockers} from '../../src/app/apply-to-account.js'
import {renderMarkdown} from '../../src/plan/render/markdown.js'
import {Account, cliEnv, copyConfig, editYaml, example, loadDesired, runCli} from './harness.js'

const TAKUMI = 'takumi.kobayashi@example.com'
const YUI = 'yui.watanabe@example.com'
const SCHEDULE = 'consumer-app-primary'
// Wednesday 2026-03-04 20:00 in Tokyo, outside business hours: the "Weekly primary" turn that
// began Monday 03-02 10:00 is Takumi's (turn 8 of [takumi, yui, sota, rin]).
const MIDWEEK = new Date('2026-03-04T11:00:00Z')
const NEXT_HANDOFF = '2026-03-09T01:00:00.000Z' // Monday 03-09 10:00 Tokyo

interface Entry {
  start: string
  end: string
  user: {id: string}
}

describe('rollout of a rotation change', () => {
  const retail = example('retail-org')
  let account: Account
  let dir: string
  let teamFile: string
  let scheduleId: string
  let userIds: Map<string, string>

  beforeAll(async () => {
    account = await Account.start(retail.seed, retail.from)
    await account.apply(await loadDesired(retail.config))
    dir = copyConfig(retail.config)
    teamFile = join(dir, 'consumer-app', 'team.yaml')
    const state = account.state()
    scheduleId = state.schedules.find((s) => s.name === 'Consumer App - Primary')?.id as string
    userIds = new Map(state.users.map((u) => [u.email, u.id]))
  })
  afterAll(() => account.stop())

  const primaryUsers = (users: string[], rollout?: unknown) =>
    editYaml(teamFile, (doc) => {
      doc.setIn(['schedules', SCHEDULE, 'layers', 0, 'users'], doc.createNode(users, {flow: true}))
      if (rollout === undefined) doc.deleteIn(['schedules', SCHEDULE, 'layers', 0, 'rollout'])
      else doc.setIn(['schedules', SCHEDULE, 'layers', 0, 'rollout'], rollout)
    })

  /** Final-schedule entries of the account between two instants. */
  async function finalEntries(since: string, until: string): Promise<Entry[]> {
    const body = await account.client().get<{schedule: {final_schedule: {rendered_schedule_entries: Entry[]}}}>(`/schedules/${scheduleId}`, {since, until})
    return body.schedule.final_schedule.rendered_schedule_entries
  }

  it('a swap mid-week takes effect at the next handoff and keeps the shift in progress', async () => {
    account.setNow(MIDWEEK)
    primaryUsers([YUI, TAKUMI, 'sota.ito@example.com', 'rin.yamamoto@example.com'])
    const desired = await loadDesired(dir, MIDWEEK)
    const {plan, violations} = await account.plan(desired)

    expect(plan.changes.map((c) => [c.kind, c.type, c.key])).toEqual([['update', 'schedule', SCHEDULE]])
    const change = plan.changes[0]
    expect(change?.kind === 'update' ? change.fields.map((f) => f.path) : []).toEqual(['layers[0].users'])
    expect(plan.rollouts).toEqual([
      {schedule: SCHEDULE, timeZone: 'Asia/Tokyo', layer: 0, layerName: 'Weekly primary', at: NEXT_HANDOFF, atLocal: '2026-03-09T10:00', reason: 'next_handoff'},
    ])
    const preview = plan.shiftPreviews?.find((p) => p.schedule === SCHEDULE)
    expect(preview?.nowBefore).toBe(TAKUMI)
    expect(preview?.nowAfter).toBe(TAKUMI)
    // Only Takumi and Yui are affected, and only from the handoff on: Takumi takes the week of
    // 03-09 (turn 9 of the new list), Yui gives it up.
    expect(preview?.people.map((p) => p.user)).toEqual([TAKUMI, YUI])
    const starts = preview?.people.flatMap((p) => [...p.gained, ...p.lost].map((i) => i.start)) ?? []
    expect(starts.every((s) => s >= NEXT_HANDOFF)).toBe(true)
    expect(violations).toEqual([])

    const markdown = renderMarkdown(plan, {violations})
    expect(markdown).toContain('(Weekly primary takes effect mon 2026-03-09 10:00 Asia/Tokyo, at the next handoff)')
    expect(markdown).toContain('`layers[0].users`')

    // apply without --force: nothing stands in the way
    const cli = await runCli(['apply', dir, '--auto-approve'], cliEnv(account))
    expect(cli.stderr).toBe('')
    expect(cli.status).toBe(0)

    const entries = await finalEntries(MIDWEEK.toISOString(), '2026-03-16T01:00:00Z')
    const at = (iso: string) => entries.find((e) => Date.parse(e.start) <= Date.parse(iso) && Date.parse(iso) < Date.parse(e.end))?.user.id
    expect(at(MIDWEEK.toISOString())).toBe(userIds.get(TAKUMI))
    expect(at('2026-03-08T23:59:00Z')).toBe(userIds.get(TAKUMI)) // Mon 08:59, before business hours: still Takumi's turn
    expect(at('2026-03-10T12:00:00Z')).toBe(userIds.get(TAKUMI)) // Tue 21:00: the new rotation's week 9
    expect(entries.some((e) => e.user.id === userIds.get(YUI))).toBe(false)

    // Converged: the ended layer + the new one are recognised as the config's layer.
    const again = await account.plan(desired)
    expect(again.plan.changes).toEqual([])
  })

  it('stays converged after the handoff has passed', async () => {
    const later = new Date('2026-03-10T12:00:00Z')
    account.setNow(later)
    const {plan} = await account.plan(await loadDesired(dir, later))
    expect(plan.changes).toEqual([])
  })

  it('rollout: immediate that hands the current shift over needs --force', async () => {
    // Tue 03-10 21:00 Tokyo: turn 9, Takumi's in the swapped list; the original list gives it to Yui.
    primaryUsers([TAKUMI, YUI, 'sota.ito@example.com', 'rin.yamamoto@example.com'], 'immediate')
    const desired = await loadDesired(dir, account.now)
    const {plan, violations} = await account.plan(desired)
    expect(plan.rollouts).toBeUndefined()
    expect(violations.map((v) => [v.code, v.requires])).toEqual([['ONCALL_CHANGES_SOON', 'force']])
    expect(violations[0]?.message).toContain(`${YUI} gains time from tue 2026-03-10 21:00`)
    expect(blockers(plan, violations)).toHaveLength(1)

    const refused = await runCli(['apply', dir, '--auto-approve'], cliEnv(account))
    expect(refused.status).toBe(1)
    expect(refused.stderr + refused.stdout).toContain('changes who is on call within 24 hours')

    const forced = await runCli(['apply', dir, '--auto-approve', '--force'], cliEnv(account))
    expect(forced.status).toBe(0)
    const entries = await finalEntries(account.now.toISOString(), '2026-03-11T00:00:00Z')
    expect(entries[0]?.user.id).toBe(userIds.get(YUI))
    expect((await account.plan(desired)).plan.changes).toEqual([])
  })
})
