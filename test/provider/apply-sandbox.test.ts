import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import type {Schedule} from '../../src/model/schedule.js'
import type {DesiredState} from '../../src/model/state.js'
import type {Team} from '../../src/model/team.js'
import type {Change} from '../../src/plan/change.js'
import type {LiveState} from '../../src/plan/live-state.js'
import {makePlan} from '../../src/plan/make-plan.js'
import {applyChanges, formatApplyEvent, type ApplyEvent} from '../../src/providers/pagerduty/apply.js'
import {PagerDutyClient} from '../../src/providers/pagerduty/client/index.js'
import type {RawAccount} from '../../src/providers/pagerduty/dto.js'
import type {IdIndex} from '../../src/providers/pagerduty/id-index.js'
import {hasEnded} from '../../src/providers/pagerduty/mapping/live-layers.js'
import {parseInstant} from '../../src/providers/pagerduty/mapping/wall-clock.js'
import {scheduleToPd} from '../../src/providers/pagerduty/mapping/schedule-to-pd.js'
import {appendMarker, parseDescription} from '../../src/providers/pagerduty/ownership.js'
import {readAccount} from '../../src/providers/pagerduty/read-account.js'
import {liveAccountFor} from '../../src/providers/pagerduty/read-live-state.js'
import {checkRequestsAgainstSpec, startSandbox, type Sandbox} from '../../src/sandbox/index.js'
import {desiredFixture, NOW} from './desired-fixture.js'

/**
 * apply against the sandbox (a PagerDuty REST API over loopback HTTP, with PagerDuty's rewrites:
 * reversed layers, re-offset timestamps, past starts moved to now), through the real client:
 * apply(plan(desired)) then read → the same model, and a second plan is empty.
 */
let sandbox: Sandbox
let client: PagerDutyClient

beforeEach(async () => {
  sandbox = await startSandbox({
    now: () => NOW.getTime(),
    seed: {users: [{name: 'Admin', email: 'admin@example.com', role: 'admin'}]},
  })
  client = new PagerDutyClient({baseUrl: sandbox.url, token: sandbox.token, from: 'admin@example.com', sleep: async () => {}})
})

afterEach(async () => {
  await sandbox.stop()
})

interface Read {
  raw: RawAccount
  live: LiveState
  ids: IdIndex
  desired: DesiredState
}

async function read(desired: DesiredState, now: Date): Promise<Read> {
  const raw = await readAccount(client)
  const account = liveAccountFor(raw, desired, {now})
  expect(account.layerOrderOnRead).toBe('highest-first') // the sandbox reverses layers like PagerDuty
  return {raw, ...account}
}

async function planAndApply(desired: DesiredState, now: Date, events: ApplyEvent[] = []) {
  const before = await read(desired, now)
  const plan = makePlan(before.desired, before.live, {adopt: false})
  const report = await applyChanges(client, plan.changes, before.ids, {owner: desired.owner, now, onProgress: (e) => events.push(e)})
  return {plan, report}
}

function expectLiveEqualsDesired(live: LiveState, desired: DesiredState): void {
  for (const [email, user] of desired.users) expect(live.users.get(email)?.value).toEqual(user)
  const values = <T extends {key: string}>(list: readonly {value: T; owner: string | null}[]): Map<string, T> =>
    new Map(list.filter((r) => r.owner === desired.owner).map((r) => [r.value.key, r.value]))
  expect(values(live.teams)).toEqual(desired.teams)
  expect(values(live.schedules)).toEqual(desired.schedules)
  expect(values(live.escalationPolicies)).toEqual(desired.escalationPolicies)
  expect(values(live.services)).toEqual(desired.services)
}

describe('applyChanges against the sandbox', () => {
  it('creates everything; reading back gives the desired model and a second plan is empty', async () => {
    const events: ApplyEvent[] = []
    const {plan, report} = await planAndApply(desiredFixture, NOW, events)
    expect(report.failed).toBeNull()
    expect(report.notAttempted).toEqual([])
    expect(report.applied).toHaveLength(plan.changes.length)
    expect(plan.changes.length).toBe(3 + 2 + 3 + 2 + 4)
    expect(events.filter((e) => e.kind === 'done')).toHaveLength(plan.changes.length)

    const after = await read(desiredFixture, NOW)
    expectLiveEqualsDesired(after.live, desiredFixture)
    expect(makePlan(desiredFixture, after.live, {adopt: false}).changes).toEqual([])

    // Later, when the sandbox has moved past-dated layer starts to "now", still no changes.
    const later = new Date('2027-02-01T00:00:00Z')
    sandbox.admin.setNow(later.getTime())
    expect(makePlan(desiredFixture, (await read(desiredFixture, later)).live, {adopt: false}).changes).toEqual([])

    // After "Nights 12h" has ended (2027-06-30 18:00 Tokyo) the config may still list it.
    const afterEnd = new Date('2027-07-01T00:00:00Z')
    sandbox.admin.setNow(afterEnd.getTime())
    const ended = await read(desiredFixture, afterEnd)
    expect(ended.desired.schedules.get('consumer-app-primary')?.layers.map((l) => l.name)).toEqual(['Weekly primary', 'Next year'])
    expect(makePlan(ended.desired, ended.live, {adopt: false}).changes).toEqual([])
  })

  it('survives 5xx answers and dropped connections after writes without creating duplicates', async () => {
    sandbox.admin.setFaults({errorRate: 0.25, seed: 7, dropAfterWrite: 4})
    const {report} = await planAndApply(desiredFixture, NOW)
    expect(report.failed).toBeNull()
    expect(sandbox.admin.faults().dropAfterWrite).toBe(0) // all four answers were lost...
    const lookups = sandbox.admin.requests().filter((r) => r.method === 'GET' && r.query.query !== undefined)
    expect(lookups.length).toBeGreaterThanOrEqual(4) // ...and each lost POST was looked up by name
    sandbox.admin.resetFaults()
    const after = await read(desiredFixture, NOW)
    expectLiveEqualsDesired(after.live, desiredFixture)
    expect(after.raw.users).toHaveLength(desiredFixture.users.size + 1) // + the seeded admin
    expect(after.raw.schedules).toHaveLength(desiredFixture.schedules.size)
    expect(after.raw.escalationPolicies).toHaveLength(desiredFixture.escalationPolicies.size)
    expect(after.raw.services).toHaveLength(desiredFixture.services.size)
    expect(makePlan(desiredFixture, after.live, {adopt: false}).changes).toEqual([])
  })

  it('updates in place: ends removed layers, changes team members, deletes what left the config', async () => {
    await planAndApply(desiredFixture, NOW)
    const primary = desiredFixture.schedules.get('consumer-app-primary') as Schedule
    const changed: DesiredState = {
      ...desiredFixture,
      teams: new Map([
        ...desiredFixture.teams,
        [
          'consumer-app',
          {
            ...(desiredFixture.teams.get('consumer-app') as Team),
            members: [
              {email: 'aiko.tanaka@example.com', role: 'responder'},
              {email: 'ken.sato@example.com', role: 'responder'},
              {email: 'mei.suzuki@example.com', role: 'manager'},
            ],
          },
        ],
      ]),
      schedules: new Map([
        ...desiredFixture.schedules,
        ['consumer-app-primary', {...primary, layers: [{...(primary.layers[0] as Schedule['layers'][number]), users: ['mei.suzuki@example.com']}]}],
      ]),
      services: new Map([...desiredFixture.services].filter(([key]) => key !== 'search')),
    }
    const later = new Date('2026-12-01T00:00:00Z')
    sandbox.admin.setNow(later.getTime())
    const events: ApplyEvent[] = []
    const {plan, report} = await planAndApply(changed, later, events)
    expect(report.failed).toBeNull()
    expect(events.map(formatApplyEvent).map((line) => line.replace(/\(\d+ms\)/, '(Nms)'))).toEqual([
      '~ team consumer-app ...',
      '~ team consumer-app ... done (Nms)',
      '~ schedule consumer-app-primary ...',
      '~ schedule consumer-app-primary ... done (Nms)',
      '- service search ...',
      '- service search ... done (Nms)',
    ])
    expect(plan.changes.map((c) => `${c.kind} ${c.type} ${c.key}`)).toEqual([
      'update team consumer-app',
      'update schedule consumer-app-primary',
      'delete service search',
    ])

    const after = await read(changed, later)
    expectLiveEqualsDesired(after.live, changed)
    expect(makePlan(changed, after.live, {adopt: false}).changes).toEqual([])
    // Every request apply sent (creates, updates, member calls, deletes) is valid for the spec.
    expect(checkRequestsAgainstSpec(sandbox.admin.requests())).toEqual([])
    const raw = after.raw.schedules.find((s) => s.name === primary.name)
    expect(raw?.schedule_layers).toHaveLength(3) // PagerDuty keeps ended layers
    const layers = raw?.schedule_layers ?? []
    // The started layer ended now; the one that had not started was cut to a minute and masked.
    expect(layers.filter((l) => l.end && parseInstant(l.end) === later.getTime()).map((l) => l.name)).toEqual(['Nights 12h'])
    expect(layers.filter((l) => hasEnded(l, later.getTime())).map((l) => l.name).sort()).toEqual(['Next year', 'Nights 12h'])
  })

  it('removes team members last, after the policy that reached them stopped doing so', async () => {
    const team: Team = {
      key: 'sre',
      name: 'SRE',
      description: '',
      members: [
        {email: 'ken.sato@example.com', role: 'responder'},
        {email: 'mei.suzuki@example.com', role: 'responder'},
      ],
    }
    const policy = {
      key: 'sre',
      name: 'SRE',
      description: '',
      team: 'sre',
      repeat: 0,
      handoffNotifications: 'if_has_services' as const,
      rules: [{delayMinutes: 5, targets: [{type: 'user' as const, email: 'ken.sato@example.com'}]}],
    }
    const users = new Map([...desiredFixture.users].filter(([email]) => email !== 'aiko.tanaka@example.com'))
    const small: DesiredState = {
      ...desiredFixture,
      users,
      teams: new Map([['sre', team]]),
      schedules: new Map(),
      escalationPolicies: new Map([['sre', policy]]),
      services: new Map(),
    }
    expect((await planAndApply(small, NOW)).report.failed).toBeNull()
    const changed: DesiredState = {
      ...small,
      teams: new Map([['sre', {...team, members: [{email: 'mei.suzuki@example.com', role: 'responder'}]}]]),
      escalationPolicies: new Map([['sre', {...policy, rules: [{delayMinutes: 5, targets: [{type: 'user', email: 'mei.suzuki@example.com'}]}]}]]),
    }
    const events: ApplyEvent[] = []
    const {report} = await planAndApply(changed, NOW, events)
    expect(report.failed).toBeNull()
    expect(events.filter((e) => e.kind === 'done').map(formatApplyEvent).map((l) => l.replace(/ \.\.\. .*/, ''))).toEqual([
      '~ team sre',
      '~ escalation_policy sre',
      '~ team sre (remove members)',
    ])
    const after = await read(changed, NOW)
    expectLiveEqualsDesired(after.live, changed)

    // A removal PagerDuty refuses (the policy still targets Mei) fails the team change's second step.
    const refused: DesiredState = {...changed, teams: new Map([['sre', {...team, members: []}]])}
    const second = await planAndApply(refused, NOW)
    expect(second.report.applied.map((a) => a.change.key)).toEqual(['sre'])
    expect(second.report.failed).toMatchObject({step: 'remove-members', status: 400, change: {type: 'team', key: 'sre'}})
    expect(second.report.failed?.message).toMatch(/^removing member mei\.suzuki@example\.com: .*belong to an escalation policy/)
  })

  it('does not create a duplicate when the connection drops after a POST was applied', async () => {
    const team = desiredFixture.teams.get('platform')
    const change: Change = {kind: 'create', type: 'team', key: 'platform', after: team as never}
    const {ids} = await read(desiredFixture, NOW)
    // Users first (the team has a member), then drop the answer to the team POST.
    await applyChanges(
      client,
      [...desiredFixture.users.values()].map((u): Change => ({kind: 'create', type: 'user', key: u.email, after: u})),
      ids,
      {owner: 'consumer-app', now: NOW},
    )
    sandbox.admin.setFaults({dropAfterWrite: 1})
    const report = await applyChanges(client, [change], ids, {owner: 'consumer-app', now: NOW})
    expect(report.failed).toBeNull()
    const teams = (await readAccount(client)).teams.filter((t) => t.name === 'Platform')
    expect(teams).toHaveLength(1)
    expect(report.applied[0]?.id).toBe(teams[0]?.id)
  })

  it('ignores a same-named object of another owner when looking for what a lost POST created', async () => {
    const {ids: empty} = await read(desiredFixture, NOW)
    const users = [...desiredFixture.users.values()].map((u): Change => ({kind: 'create', type: 'user', key: u.email, after: u}))
    await applyChanges(client, users, empty, {owner: 'consumer-app', now: NOW})
    const {ids} = await read(desiredFixture, NOW)
    const schedule = desiredFixture.schedules.get('utc-follow-the-sun') as Schedule
    // Schedule names are not unique in PagerDuty: another config has one with the same name and key.
    await client.post('/schedules', {schedule: scheduleToPd(schedule, {owner: 'payments', ids}, [], NOW)})
    sandbox.admin.setFaults({dropAfterWrite: 1})
    const change: Change = {kind: 'create', type: 'schedule', key: schedule.key, after: schedule}
    const report = await applyChanges(client, [change], ids, {owner: 'consumer-app', now: NOW})
    expect(report.failed).toBeNull()
    const same = (await readAccount(client)).schedules.filter((s) => s.name === schedule.name)
    expect(same).toHaveLength(2)
    const ours = same.find((s) => s.id === report.applied[0]?.id)
    expect(parseDescription(ours?.description).marker).toEqual({owner: 'consumer-app', key: 'utc-follow-the-sun'})
  })

  it('adopts unmarked objects: writes the marker, keeps their IDs and layer IDs', async () => {
    const primary = desiredFixture.schedules.get('consumer-app-primary') as Schedule
    const {ids: empty} = await read(desiredFixture, NOW)
    const users = [...desiredFixture.users.values()].map((u): Change => ({kind: 'create', type: 'user', key: u.email, after: u}))
    await applyChanges(client, users, empty, {owner: 'consumer-app', now: NOW})
    // Made by hand: the same schedule without a marker, with one layer more than the config.
    const {ids} = await read(desiredFixture, NOW)
    const body = scheduleToPd({...primary, teams: []}, {owner: 'someone', ids}, [], NOW)
    const created = await client.post<{schedule: {id: string}}>('/schedules', {
      schedule: {...body, description: 'hand made', teams: [], schedule_layers: [...body.schedule_layers, body.schedule_layers[0]]},
    })
    const single: DesiredState = {
      ...desiredFixture,
      teams: new Map(),
      schedules: new Map([['consumer-app-primary', {...primary, teams: []}]]),
      escalationPolicies: new Map(),
      services: new Map(),
    }
    const before = await read(single, NOW)
    const layerIds = (raw: RawAccount) => (raw.schedules[0]?.schedule_layers ?? []).map((l) => l.id).sort()
    expect(layerIds(before.raw)).toHaveLength(4)
    const plan = makePlan(single, before.live, {adopt: true})
    expect(plan.changes.map((c) => `${c.kind} ${c.type} ${c.key}`)).toEqual(['adopt schedule consumer-app-primary'])
    const report = await applyChanges(client, plan.changes, before.ids, {owner: 'consumer-app', now: NOW})
    expect(report.failed).toBeNull()
    const after = await read(single, NOW)
    expect(after.live.schedules.map((s) => [s.id, s.owner])).toEqual([[created.schedule.id, 'consumer-app']])
    expect(layerIds(after.raw)).toEqual(layerIds(before.raw)) // edited in place, the extra one ended: no new layers
    expectLiveEqualsDesired(after.live, single)
    expect(makePlan(single, after.live, {adopt: false}).changes).toEqual([])
  })

  it('stops at the first failure and reports PagerDuty’s message and what was not attempted', async () => {
    const {ids} = await read(desiredFixture, NOW)
    const changes: Change[] = [
      {kind: 'create', type: 'user', key: 'aiko.tanaka@example.com', after: desiredFixture.users.get('aiko.tanaka@example.com') as never},
      {kind: 'create', type: 'user', key: 'admin@example.com', after: {email: 'admin@example.com', name: 'Admin again', timeZone: null, role: null}},
      {kind: 'create', type: 'team', key: 'platform', after: desiredFixture.teams.get('platform') as never},
    ]
    const events: ApplyEvent[] = []
    const report = await applyChanges(client, changes, ids, {owner: 'consumer-app', now: NOW, onProgress: (e) => events.push(e)})
    expect(report.applied.map((a) => a.change.key)).toEqual(['aiko.tanaka@example.com'])
    expect(report.failed?.change.key).toBe('admin@example.com')
    expect(report.failed?.status).toBe(400)
    expect(report.failed?.message).toMatch(/POST \/users failed with HTTP 400/)
    expect(report.notAttempted.map((c) => c.key)).toEqual(['platform'])
    // The two users are one wave and start together; outcomes are reported in plan order.
    expect(events.map((e) => `${e.kind} ${e.index}`)).toEqual(['start 0', 'start 1', 'done 0', 'failed 1'])
    expect(formatApplyEvent(events[2] as ApplyEvent)).toMatch(/^\+ user aiko\.tanaka@example\.com \.\.\. done \(\d+ms\)$/)
  })
})
