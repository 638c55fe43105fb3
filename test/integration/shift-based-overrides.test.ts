/**
 * Overrides and time off on a shift-based (v3) schedule, from the config (issue 16): plan creates
 * v3 overrides of one rotation's member each (/v3/schedules/{id}/overrides), apply sends them,
 * the account's v3 final schedule then names the overriding people exactly where the config's
 * who/export do, and the next plan is empty. `overrides: exclusive` deletes one made in the UI.
 * The real client over loopback HTTP against the sandbox, one injected clock; traffic checked
 * against the spec.
 */
import {writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {overridesOverSchedules} from '../../src/app/config-overrides.js'
import {shiftsFromEngine} from '../../src/app/who-is-on-call.js'
import type {DesiredState} from '../../src/model/state.js'
import {planHasWork} from '../../src/plan/plan.js'
import {planSchemaErrors} from '../../src/plan/plan-schema.js'
import {renderJson} from '../../src/plan/render/json.js'
import {renderText} from '../../src/plan/render/text.js'
import {checkRequestsAgainstSpec} from '../../src/sandbox/index.js'
import {effectiveOverrides} from '../../src/schedule/effective-overrides.js'
import {Account, copyConfig, editYaml, loadDesired, REPO} from './harness.js'

const DAY = 86_400_000
const CONFIG = join(REPO, 'examples/shift-based')
const SEED = join(REPO, 'examples/seeds/shift-based.yaml')

type Member = {type: string; user_id?: string}

describe('overrides of a shift-based schedule from the config', {timeout: 240_000}, () => {
  let account: Account
  let dir: string
  let desired: DesiredState
  const emailOf = new Map<string, string>()
  const scheduleId = () => account.state().v3_schedules?.find((s) => s.name === 'Support - Shifts')?.id as string

  /** The account's v3 final schedule in `window`, as (email, start, end). */
  async function liveFinal(window: {start: number; end: number}) {
    const body = await account.client().get<{schedule: {final_schedule: {computed_shift_assignments: {start_time: string; end_time: string; member: Member}[]}}}>(
      `/v3/schedules/${scheduleId()}`,
      {'include[]': ['final_schedule'], since: new Date(window.start).toISOString(), until: new Date(window.end).toISOString()},
    )
    return body.schedule.final_schedule.computed_shift_assignments.flatMap((a) =>
      a.member.user_id === undefined ? [] : [{user: emailOf.get(a.member.user_id) ?? a.member.user_id, start: Date.parse(a.start_time), end: Date.parse(a.end_time)}],
    )
  }
  const onCallAt = (shifts: readonly {user: string; start: number; end: number}[], t: number) =>
    [...new Set(shifts.filter((s) => s.start <= t && t < s.end).map((s) => s.user))].sort()

  beforeAll(async () => {
    account = await Account.start(SEED, 'lena.vogel@example.com')
    for (const u of account.state().users) emailOf.set(u.id, u.email)
    dir = copyConfig(CONFIG)
    // Now: mon 2026-03-02 03:00Z. Tue 10:00-12:00 Berlin touches only Weekdays; wed 16:00-19:00 touches
    // Weekdays and Evenings, so it names its rotation; Maya's week of evenings is covered (time off).
    writeFileSync(
      join(dir, 'overrides.yaml'),
      [
        'overrides:',
        '  - {schedule: support-shifts, user: omar.haddad@example.com, start: 2026-03-03T10:00, end: 2026-03-03T12:00, note: dentist}',
        '  - {schedule: support-shifts, user: lena.vogel@example.com, start: 2026-03-04T16:00, end: 2026-03-04T19:00, rotation: Evenings}',
        'time_off:',
        '  - {user: maya.brooks@example.com, from: 2026-03-09, to: 2026-03-20, time_zone: America/New_York}',
        '',
      ].join('\n'),
    )
    desired = await loadDesired(dir, account.now)
  })
  afterAll(() => account.stop())

  it('plans v3 overrides per rotation and member, applies them, and the account agrees with the config at every boundary of 3 weeks', async () => {
    const covers = effectiveOverrides(desired).filter((o) => o.origin.kind === 'time_off')
    expect(covers.length).toBeGreaterThan(0)
    expect(new Set(covers.map((c) => c.rotation))).toEqual(new Set(['Evenings']))
    const {outcome, report} = await account.apply(desired)
    expect(report.failed).toBeNull()
    const plan = outcome.plan.overrides?.find((p) => p.schedule === 'support-shifts')
    expect(plan?.shiftBased).toBe(true)
    expect(plan?.create.every((o) => typeof o.rotation === 'string' && typeof o.replaces === 'string')).toBe(true)
    expect(plan?.create.find((o) => o.user === 'lena.vogel@example.com')?.rotation).toBe('Evenings')
    expect((report as {overrides?: {created: number}}).overrides?.created).toBe(plan?.create.length)
    // The saved-plan JSON carries them in the published schema's shape; the text names rotation and member.
    const json = JSON.parse(renderJson(outcome.plan))
    expect(planSchemaErrors(json)).toEqual([])
    expect(json.overrides.find((p: {schedule: string}) => p.schedule === 'support-shifts')).toMatchObject({shift_based: true, create: expect.arrayContaining([expect.objectContaining({rotation: 'Evenings'})])})
    expect(renderText(outcome.plan, {color: false})).toMatch(/lena\.vogel@example\.com wed 2026-03-04 16:00 – wed 2026-03-04 19:00 Europe\/Berlin in rotation Evenings, instead of maya\.brooks@example\.com/)
    const stored = account.state().v3_schedules?.find((s) => s.id === scheduleId())?.overrides ?? []
    expect(stored).toHaveLength(plan?.create.length ?? -1)

    const window = {start: account.nowMs, end: account.nowMs + 21 * DAY}
    const schedule = desired.schedules.get('support-shifts')
    if (!schedule) throw new Error('no support-shifts')
    const config = await overridesOverSchedules(desired, shiftsFromEngine)(schedule, window)
    const live = await liveFinal(window)
    const boundaries = [...new Set([...config, ...live].flatMap((s) => [s.start, s.end]))].filter((t) => t >= window.start && t < window.end).sort((a, b) => a - b)
    for (const t of boundaries) expect(onCallAt(config, t), new Date(t).toISOString()).toEqual(onCallAt(live, t))
    expect(boundaries.length).toBeGreaterThan(40)
    // who --live reads this final schedule: Omar at tue 11:00 Berlin, Lena (not the evening person) at wed 18:00.
    expect(onCallAt(live, Date.parse('2026-03-03T10:00:00Z'))).toEqual(['omar.haddad@example.com'])
    expect(onCallAt(live, Date.parse('2026-03-04T17:00:00Z'))).toEqual(['lena.vogel@example.com'])
    expect(onCallAt(live, Date.parse('2026-03-04T15:30:00Z'))).not.toContain('lena.vogel@example.com')
  })

  it('the next plan is empty', async () => {
    const {plan} = await account.plan(desired)
    expect(plan.changes).toEqual([])
    expect(planHasWork(plan)).toBe(false)
    expect(plan.overrides ?? []).toEqual([])
  })

  it('an override whose POST answer is lost is created once (the overrides are read again, only missing ones sent)', async () => {
    const file = join(dir, 'overrides.yaml')
    editYaml(file, (doc) => {
      doc.addIn(['overrides'], doc.createNode({schedule: 'support-shifts', user: 'jonas.weber@example.com', start: '2026-03-10T09:00', end: '2026-03-10T12:00', rotation: 'Weekdays'}))
    })
    desired = await loadDesired(dir, account.now)
    const before = account.state().v3_schedules?.find((s) => s.id === scheduleId())?.overrides.length ?? 0
    account.sandbox.admin.setFaults({dropAfterWrite: 1})
    const {outcome, report} = await account.apply(desired)
    account.sandbox.admin.resetFaults()
    expect(report.failed).toBeNull()
    const planned = outcome.plan.overrides?.[0]?.create.length ?? 0
    expect(planned).toBeGreaterThan(0)
    expect(account.state().v3_schedules?.find((s) => s.id === scheduleId())?.overrides).toHaveLength(before + planned)
    expect(planHasWork((await account.plan(desired)).plan)).toBe(false)
  })

  it('an override made in the UI is left alone with a warning, and deleted under `overrides: exclusive` with --allow-destroy', async () => {
    const state = account.state()
    const user = (email: string) => ({type: 'user_member', user_id: state.users.find((u) => u.email === email)?.id})
    const rotation = state.v3_schedules?.find((s) => s.id === scheduleId())?.rotations[1]?.id
    // Weekends: sat 2026-03-14 10:00-18:00 Berlin; whoever has it, Omar takes an hour of it in the UI.
    const window = {start: Date.parse('2026-03-14T09:00:00Z'), end: Date.parse('2026-03-14T10:00:00Z')}
    const [holder] = onCallAt(await liveFinal(window), window.start)
    await account.client().post(`/v3/schedules/${scheduleId()}/overrides`, {
      overrides: [{type: 'override_shift', rotation_id: rotation, start_time: '2026-03-14T09:00:00Z', end_time: '2026-03-14T10:00:00Z', overridden_member: user(holder ?? ''), overriding_member: user('omar.haddad@example.com')}],
    })
    const left = await account.plan(desired)
    expect(planHasWork(left.plan)).toBe(false)
    expect(left.plan.warnings.map((w) => w.message)).toContain(
      `schedule support-shifts: override of ${holder} by omar.haddad@example.com sat 2026-03-14 10:00 – sat 2026-03-14 11:00 Europe/Berlin (rotation Weekends) was made outside the config; left alone (add it to the config, or set \`overrides: exclusive\` to delete such overrides)`,
    )
    editYaml(join(dir, 'oncall.yaml'), (doc) => doc.setIn(['schedules', 'support-shifts', 'overrides'], 'exclusive'))
    const exclusive = await loadDesired(dir, account.now)
    const refused = await account.plan(exclusive)
    expect(refused.plan.overrides?.[0]?.delete.map((o) => [o.user, o.rotation, o.replaces])).toEqual([['omar.haddad@example.com', 'Weekends', holder]])
    expect(refused.violations.map((v) => v.code)).toContain('override-deletes')
    const {report} = await account.apply(exclusive, {allowDestroy: true})
    expect(report.failed).toBeNull()
    const after = await account.plan(exclusive)
    expect(planHasWork(after.plan)).toBe(false)
    expect(onCallAt(await liveFinal(window), window.start)).toEqual([holder])
  })

  it('every request was a PagerDuty spec operation with a valid body', () => {
    const requests = account.requests()
    expect(requests.some((r) => r.method === 'POST' && r.path.endsWith('/overrides') && r.path.startsWith('/v3/'))).toBe(true)
    expect(requests.some((r) => r.method === 'DELETE' && r.path.includes('/overrides/'))).toBe(true)
    expect(checkRequestsAgainstSpec(requests)).toEqual([])
  })
})
