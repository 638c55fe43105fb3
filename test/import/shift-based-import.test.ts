/**
 * `oncall import` of shift-based (v3) schedules (issue 16): a varied v3 account made through the
 * real client in the sandbox (several rotations, every repeat form, everyone at once,
 * shifts_per_member, a New York event on a Berlin schedule, an event that ends later and its
 * successor across a DST switch, a rotation named through its events, a custom shift, v3
 * overrides, an empty member) → import → the config validates → adopt → the plan is empty → the
 * config's shifts (overrides included) equal the account's v3 final schedule, person by person,
 * at every boundary of the next 4 weeks; every value import cannot write is a warning that names
 * the object and the field. All traffic is checked against the spec.
 */
import {mkdtempSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {applyToAccount} from '../../src/app/apply-to-account.js'
import {overridesOverSchedules} from '../../src/app/config-overrides.js'
import {importAccount, type ImportOutcome, planAdoption, writeImportedFiles} from '../../src/app/import-account.js'
import {shiftsFromEngine} from '../../src/app/who-is-on-call.js'
import type {DesiredState} from '../../src/model/state.js'
import {planHasWork} from '../../src/plan/plan.js'
import type {PagerDutyClient} from '../../src/providers/pagerduty/client/index.js'
import {checkRequestsAgainstSpec} from '../../src/sandbox/index.js'
import {Account, loadDesired, REPO} from '../integration/harness.js'

const DAY = 86_400_000
const NO_FILTER = {teams: [], schedules: [], policies: [], services: []}
const USERS = [
  {name: 'Ana Berg', email: 'ana@example.com', time_zone: 'Europe/Berlin'},
  {name: 'Ben Kraus', email: 'ben@example.com', time_zone: 'Europe/Berlin'},
  {name: 'Cai Lund', email: 'cai@example.com', time_zone: 'Europe/Berlin'},
  {name: 'Dee Park', email: 'dee@example.com', time_zone: 'America/New_York'},
  {name: 'Eve Moss', email: 'eve@example.com', time_zone: 'America/New_York'},
]

type Member = {type: 'user_member'; user_id: string} | {type: 'empty_member'}

interface EventSpec {
  name: string
  zone?: string
  start: string
  end: string
  rrule: string[]
  members: Member[]
  everyone?: boolean
  shiftsPerMember?: number
  until?: string
}

/** A v3 schedule made as a person would in PagerDuty: metadata, then empty rotations, then their events. */
async function v3Schedule(client: PagerDutyClient, meta: object, rotations: EventSpec[][]): Promise<{id: string; rotations: string[]}> {
  const {schedule} = await client.post<{schedule: {id: string}}>('/v3/schedules', {schedule: meta})
  const rotationIds: string[] = []
  for (const events of rotations) {
    const {rotation} = await client.post<{rotation: {id: string}}>(`/v3/schedules/${schedule.id}/rotations`, {})
    rotationIds.push(rotation.id)
    for (const e of events) {
      const zone = e.zone ?? 'Europe/Berlin'
      await client.post(`/v3/schedules/${schedule.id}/rotations/${rotation.id}/events`, {
        event: {
          name: e.name,
          start_time: {date_time: e.start, time_zone: zone},
          end_time: {date_time: e.end, time_zone: zone},
          effective_since: new Date(Date.parse(e.start)).toISOString(),
          ...(e.until === undefined ? {} : {effective_until: e.until}),
          recurrence: e.rrule,
          assignment_strategy: e.everyone
            ? {type: 'every_member_assignment_strategy', members: e.members}
            : {type: 'rotating_member_assignment_strategy', shifts_per_member: e.shiftsPerMember ?? 1, members: e.members},
        },
      })
    }
  }
  return {id: schedule.id, rotations: rotationIds}
}

/** Who is on call at `t` (sorted emails), from shifts. */
function onCallAt(shifts: readonly {user: string; start: number; end: number}[], t: number): string[] {
  return [...new Set(shifts.filter((s) => s.start <= t && t < s.end).map((s) => s.user))].sort()
}

describe('import of a shift-based account', {timeout: 240_000}, () => {
  let account: Account
  let imported: ImportOutcome
  let desired: DesiredState
  let ops: {id: string; rotations: string[]}
  let importRequests: string[] = []
  const emailOf = new Map<string, string>()
  const dir = mkdtempSync(join(tmpdir(), 'oncall-import-v3-'))

  beforeAll(async () => {
    account = await Account.start({users: USERS.map((u) => ({...u, role: 'user'})), teams: [{name: 'Ops', description: 'Operations'}]}, 'ana@example.com')
    const client = account.client()
    const state = account.state()
    for (const u of state.users) emailOf.set(u.id, u.email)
    const id = (email: string) => state.users.find((u) => u.email === email)?.id as string
    const m = (email: string): Member => ({type: 'user_member', user_id: id(email)})
    const team = state.teams.find((t) => t.name === 'Ops')?.id as string
    // Now: mon 2026-03-02 03:00Z (04:00 Berlin). Berlin switches to summer time on 03-29, New York on 03-08.
    ops = await v3Schedule(client, {name: 'Ops Shifts', time_zone: 'Europe/Berlin', teams: [{id: team, type: 'team_reference'}]}, [
      [
        // weekdays, a working week each
        {name: 'Days · Business', start: '2026-03-02T09:00:00+01:00', end: '2026-03-02T17:00:00+01:00', rrule: ['RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR'], members: [m('ana@example.com'), m('ben@example.com')], shiftsPerMember: 5},
        // every other weekend, both at once
        {name: 'Days · Weekend', start: '2026-03-07T10:00:00+01:00', end: '2026-03-07T14:00:00+01:00', rrule: ['RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=SA,SU'], members: [m('cai@example.com'), m('ana@example.com')], everyone: true},
      ],
      [
        // daily nights that end on 03-20, then every other night, two nights each, across the DST switch
        {name: 'Nights', start: '2026-03-02T22:00:00+01:00', end: '2026-03-03T06:00:00+01:00', rrule: ['RRULE:FREQ=DAILY'], members: [m('ben@example.com'), m('cai@example.com')], until: '2026-03-20T21:00:00Z'},
        {name: 'Late nights', start: '2026-03-21T22:00:00+01:00', end: '2026-03-22T06:00:00+01:00', rrule: ['RRULE:FREQ=DAILY;INTERVAL=2'], members: [m('cai@example.com'), m('ben@example.com')], shiftsPerMember: 2},
      ],
      // New York's wall clock on a Berlin schedule
      [{name: 'US · Evening', zone: 'America/New_York', start: '2026-03-02T11:00:00-05:00', end: '2026-03-02T17:00:00-05:00', rrule: ['RRULE:FREQ=WEEKLY'], members: [m('dee@example.com'), m('eve@example.com')]}],
      // a rule with no short form (INTERVAL=1 written out)
      [{name: 'Wednesday lunch', start: '2026-03-04T12:00:00+01:00', end: '2026-03-04T13:00:00+01:00', rrule: ['RRULE:FREQ=WEEKLY;BYDAY=WE;INTERVAL=1'], members: [m('eve@example.com')], everyone: true}],
    ])
    const {custom_shifts: shifts} = await client.post<{custom_shifts: {id: string}[]}>(`/v3/schedules/${ops.id}/custom_shifts`, {
      custom_shifts: [{type: 'custom_shift', start_time: '2026-03-12T08:00:00Z', end_time: '2026-03-12T12:00:00Z', assignments: [{type: 'shift_assignment', member: m('eve@example.com')}]}],
    })

    await client.post(`/v3/schedules/${ops.id}/overrides`, {
      overrides: [
        // Eve takes Ana's business hours on tue 03-03 (Days), Dee takes Eve's custom shift.
        {type: 'override_shift', rotation_id: ops.rotations[0], start_time: '2026-03-03T08:00:00Z', end_time: '2026-03-03T16:00:00Z', overridden_member: m('ana@example.com'), overriding_member: m('eve@example.com')},
        {type: 'override_shift', custom_shift_id: shifts[0]?.id, start_time: '2026-03-12T08:00:00Z', end_time: '2026-03-12T10:00:00Z', overridden_member: m('eve@example.com'), overriding_member: m('dee@example.com')},
      ],
    })
    // A schedule with an empty_member slot: import leaves it out.
    await v3Schedule(client, {name: 'Spare', time_zone: 'UTC'}, [
      [{name: 'Spare', zone: 'UTC', start: '2026-03-02T08:00:00Z', end: '2026-03-02T09:00:00Z', rrule: ['RRULE:FREQ=DAILY'], members: [m('ana@example.com'), {type: 'empty_member'}]}],
    ])
    await client.post('/escalation_policies', {
      escalation_policy: {
        type: 'escalation_policy',
        name: 'Ops',
        teams: [{id: team, type: 'team_reference'}],
        escalation_rules: [{escalation_delay_in_minutes: 15, targets: [{id: ops.id, type: 'schedule_v3_reference'}]}],
      },
    })

    account.sandbox.admin.clearRequests()
    imported = await importAccount({
      client: account.client(),
      now: account.now,
      source: 'sandbox',
      owner: 'ops',
      filter: NO_FILTER,
      singleFile: false,
      outDir: dir,
      schema: join(REPO, 'schemas', 'oncall.schema.json'),
    })
    importRequests = account.requests().map((r) => `${r.method} ${r.path.replace(/\/P[A-Z0-9]+/g, '/{id}')}`)
    await writeImportedFiles(dir, imported.files)
    desired = await loadDesired(dir, account.now)
  })

  it("reads what plan reads, plus a shift-based schedule's overrides and custom shifts (one list each)", () => {
    const v3 = importRequests.filter((r) => r.includes('/v3/')).sort()
    expect(v3).toEqual([
      'GET /v3/schedules',
      'GET /v3/schedules/{id}',
      'GET /v3/schedules/{id}',
      'GET /v3/schedules/{id}/custom_shifts',
      'GET /v3/schedules/{id}/overrides',
    ])
    expect(importRequests.length).toBe(imported.requestCount)
    console.log(`import of the varied v3 account: ${importRequests.length} requests (${v3.length} of them /v3)`)
  })
  afterAll(() => account.stop())

  it('writes the rotations with every repeat form, the zones and strategies, and the policy target by key', () => {
    const text = imported.files.map((f) => f.text).join('\n')
    for (const line of [
      'repeat: weekdays',
      'repeat: {every_weeks: 2, on: [sat, sun]}',
      'repeat: daily',
      'repeat: {every_days: 2}',
      'repeat: weekly',
      'rrule: FREQ=WEEKLY;BYDAY=WE;INTERVAL=1',
      'time_zone: America/New_York',
      'shifts_per_member: 5',
      'everyone: true',
      'effective_until: 2026-03-20T22:00',
      '- name: Days',
      '- name: US',
      '- schedule: ops-shifts',
    ]) {
      expect(text, line).toContain(line)
    }
    const schedule = desired.schedules.get('ops-shifts')
    expect(schedule?.rotations?.map((r) => [r.name, r.events.map((e) => e.name)])).toEqual([
      ['Days', ['Business', 'Weekend']],
      ['Rotation 2', ['Nights', 'Late nights']],
      ['US', ['Evening']],
      ['Rotation 4', ['Wednesday lunch']],
    ])
    expect(desired.escalationPolicies.get('ops')?.rules[0]?.targets).toEqual([{type: 'schedule', key: 'ops-shifts'}])
  })

  it('writes the rotation override to overrides.yaml and warns, naming object and field, about everything it cannot write', () => {
    const overrides = imported.files.find((f) => f.path === 'overrides.yaml')?.text ?? ''
    expect(overrides).toContain('- {schedule: ops-shifts, user: eve@example.com, start: 2026-03-03T09:00, end: 2026-03-03T17:00, rotation: Days}')
    expect(overrides).not.toContain('dee@example.com')
    const warnings = imported.warnings.join('\n')
    expect(warnings).toMatch(/schedule ops-shifts: override \S+ not imported: it overrides a custom shift/)
    expect(warnings).toContain('schedule ops-shifts: 1 current or future custom shift not imported')
    expect(warnings).toMatch(/schedule spare \("Spare", \S+\) not imported: rotations\[0\]\.events\[0\]\.members \(1 empty_member slot\)/)
    expect(desired.schedules.has('spare')).toBe(false)
  })

  it('--team Ops (a scoped read) writes the same schedule, policy and overrides', async () => {
    const scoped = await importAccount({
      client: account.client(),
      now: account.now,
      source: 'sandbox',
      owner: 'ops',
      filter: {...NO_FILTER, teams: ['Ops']},
      singleFile: false,
      outDir: dir,
      schema: join(REPO, 'schemas', 'oncall.schema.json'),
    })
    expect(scoped.desired.schedules.get('ops-shifts')).toEqual(desired.schedules.get('ops-shifts'))
    expect(scoped.desired.escalationPolicies.get('ops')).toEqual(desired.escalationPolicies.get('ops'))
    expect(scoped.desired.overrides).toEqual(desired.overrides)
    expect(scoped.desired.schedules.has('spare')).toBe(false)
  })

  it('adopting marks only; then the plan is empty and warns only about the custom shift\'s override', async () => {
    const check = await planAdoption(account.client(), desired, account.now, imported.raw)
    expect(check.problems).toEqual([])
    expect(check.adopt.map((c) => `${c.type} ${c.key}`).sort()).toEqual(['escalation_policy ops', 'schedule ops-shifts', 'team ops'])
    const report = await applyToAccount(account.client(), check.outcome, check.adopt, {now: account.now})
    expect(report.failed).toBeNull()
    const {plan} = await account.plan(desired)
    expect(plan.changes).toEqual([])
    expect(planHasWork(plan)).toBe(false)
    expect(plan.warnings.filter((w) => w.code.startsWith('override')).map((w) => w.message)).toEqual([
      'schedule ops-shifts: override of eve@example.com by dee@example.com thu 2026-03-12 09:00 – thu 2026-03-12 11:00 Europe/Berlin (a custom shift) was made outside the config; left alone',
    ])
  })

  it('the config (overrides included) and the account agree on who is on call at every boundary of the next 4 weeks', async () => {
    const schedule = desired.schedules.get('ops-shifts')
    if (!schedule) throw new Error('ops-shifts not imported')
    const window = {start: account.nowMs, end: account.nowMs + 28 * DAY}
    const config = await overridesOverSchedules(desired, shiftsFromEngine)(schedule, window)
    const body = await account.client().get<{schedule: {final_schedule: {computed_shift_assignments: {start_time: string; end_time: string; member: Member}[]}}}>(
      `/v3/schedules/${ops.id}`,
      {'include[]': ['final_schedule'], since: new Date(window.start).toISOString(), until: new Date(window.end).toISOString()},
    )
    const live = body.schedule.final_schedule.computed_shift_assignments.flatMap((a) =>
      a.member.type === 'user_member' ? [{user: emailOf.get(a.member.user_id) ?? a.member.user_id, start: Date.parse(a.start_time), end: Date.parse(a.end_time)}] : [],
    )
    // The custom shift (and Dee's override of it) are the account's alone: the config does not have them.
    const customShift = {start: Date.parse('2026-03-12T08:00:00Z'), end: Date.parse('2026-03-12T12:00:00Z')}
    const boundaries = [...new Set([...config, ...live].flatMap((s) => [s.start, s.end]).filter((t) => t >= window.start && t < window.end))].sort((a, b) => a - b)
    let compared = 0
    for (const t of boundaries) {
      const inCustom = customShift.start <= t && t < customShift.end
      const liveNow = onCallAt(live, t).filter((u) => !(inCustom && (u === 'dee@example.com' || u === 'eve@example.com')))
      const configNow = onCallAt(config, t).filter((u) => !(inCustom && (u === 'dee@example.com' || u === 'eve@example.com')))
      expect(configNow, new Date(t).toISOString()).toEqual(liveNow)
      compared++
    }
    expect(compared).toBeGreaterThan(80)
    // The override is in both: Eve, not Ana, on tue 03-03 at 10:00 Berlin.
    expect(onCallAt(config, Date.parse('2026-03-03T09:00:00Z'))).toEqual(['eve@example.com'])
  })

  it('3 weeks later (the daily nights ended, the late nights run, the override is past) the plan is still empty', async () => {
    account.setNow(new Date(account.nowMs + 21 * DAY))
    const {plan} = await account.plan(await loadDesired(dir, account.now))
    expect(plan.changes).toEqual([])
    expect(planHasWork(plan)).toBe(false)
  })

  it('every request was a PagerDuty spec operation with a valid body', () => {
    const requests = account.requests()
    expect(requests.some((r) => r.path.includes('/v3/schedules/') && r.path.endsWith('/overrides'))).toBe(true)
    expect(checkRequestsAgainstSpec(requests)).toEqual([])
  })
})
