import {describe, expect, it} from 'vitest'
import type {Schedule} from '../../src/model/schedule.js'
import type {DesiredState} from '../../src/model/state.js'
import type {LiveState} from '../../src/plan/live-state.js'
import type {
  PdEscalationPolicy,
  PdSchedule,
  PdService,
  PdTeam,
  PdTeamMember,
  PdUser,
  RawAccount,
  Read,
} from '../../src/providers/pagerduty/dto.js'
import {IdIndex, liveLayerRefs} from '../../src/providers/pagerduty/id-index.js'
import {escalationPolicyToPd} from '../../src/providers/pagerduty/mapping/escalation-policy-to-pd.js'
import {normalizeLiveAgainstDesired} from '../../src/providers/pagerduty/mapping/normalize-start.js'
import {scheduleToPd} from '../../src/providers/pagerduty/mapping/schedule-to-pd.js'
import {serviceToPd} from '../../src/providers/pagerduty/mapping/service-to-pd.js'
import {teamToPd} from '../../src/providers/pagerduty/mapping/team-to-pd.js'
import type {ToPdContext} from '../../src/providers/pagerduty/mapping/to-pd-context.js'
import {userToPd} from '../../src/providers/pagerduty/mapping/user-to-pd.js'
import {parseInstant} from '../../src/providers/pagerduty/mapping/wall-clock.js'
import {liveStateFromRaw} from '../../src/providers/pagerduty/read-live-state.js'
import {desiredFixture, NOW} from './desired-fixture.js'
import {rewriteScheduleWrite} from './simulated-rewrites.js'

/**
 * model → payload → (what PagerDuty does to it) → model must give back the model: otherwise
 * every plan after an apply would show changes. The server rewrites simulated here: reversed
 * layers, timestamps re-offset into another zone, past layer starts moved to the write time,
 * defaults and read-only decorations added, references summarised.
 */
const READ_ZONE = 'Asia/Kolkata' // +05:30: an offset none of the fixture's zones has

class FakeAccount {
  users: Read<PdUser>[] = []
  teams: Read<PdTeam>[] = []
  members = new Map<string, PdTeamMember[]>()
  schedules: Read<PdSchedule>[] = []
  policies: Read<PdEscalationPolicy>[] = []
  services: Read<PdService>[] = []
  #next = 0
  id(prefix: string): string {
    return `${prefix}${String(++this.#next).padStart(4, '0')}`
  }
  raw(): RawAccount {
    return {
      users: this.users,
      teams: this.teams,
      teamMembers: this.members,
      schedules: this.schedules,
      escalationPolicies: this.policies,
      services: this.services,
    }
  }
}

/** Writes a desired state the way apply does (creates, or updates when the index knows the key). */
function write(account: FakeAccount, desired: DesiredState, ids: IdIndex, now: Date): void {
  const ctx: ToPdContext = {owner: desired.owner, ids}
  const upsert = <T extends {id: string}>(list: T[], obj: T): void => {
    const i = list.findIndex((x) => x.id === obj.id)
    if (i >= 0) list[i] = obj
    else list.push(obj)
  }
  for (const user of desired.users.values()) {
    const id = ids.id('user', user.email) ?? account.id('PU')
    upsert(account.users, {...userToPd(user, ctx), id, avatar_url: 'https://x'} as Read<PdUser>)
    ids.record('user', user.email, id)
  }
  for (const team of desired.teams.values()) {
    const id = ids.id('team', team.key) ?? account.id('PT')
    upsert(account.teams, {...teamToPd(team, ctx), id, default_role: 'manager'} as Read<PdTeam>)
    ids.record('team', team.key, id)
    account.members.set(
      id,
      team.members.map((m) => ({user: {id: ids.requireId('user', m.email), type: 'user_reference', summary: 'x'}, role: m.role})),
    )
  }
  for (const schedule of desired.schedules.values()) {
    const existing = ids.id('schedule', schedule.key)
    const id = existing ?? account.id('PS')
    const body = scheduleToPd(schedule, ctx, existing ? (ids.liveLayers(existing) ?? []) : [], now)
    const stored = account.schedules.find((s) => s.id === id)
    upsert(account.schedules, rewriteScheduleWrite(body, {id, now, stored, readZone: READ_ZONE, newLayerId: () => account.id('PL')}))
    ids.record('schedule', schedule.key, id)
  }
  for (const policy of desired.escalationPolicies.values()) {
    const id = ids.id('escalation_policy', policy.key) ?? account.id('PE')
    const body = escalationPolicyToPd(policy, ctx)
    upsert(account.policies, {
      ...body,
      id,
      escalation_rules: body.escalation_rules.map((r, i) => ({
        ...r,
        id: `${id}-R${i}`,
        targets: r.targets.map((t) => ({...t, summary: 'name'})),
      })),
      services: [],
    })
    ids.record('escalation_policy', policy.key, id)
  }
  for (const service of desired.services.values()) {
    const id = ids.id('service', service.key) ?? account.id('PV')
    upsert(account.services, {...serviceToPd(service, ctx), id, status: 'active', teams: [], integrations: []} as Read<PdService>)
    ids.record('service', service.key, id)
  }
}

function read(account: FakeAccount, desired: DesiredState, now: Date): LiveState {
  return normalizeLiveAgainstDesired(liveStateFromRaw(account.raw(), {now}), desired, now)
}

function expectLiveEqualsDesired(live: LiveState, desired: DesiredState): void {
  expect(new Map([...live.users].map(([email, u]) => [email, u.value]))).toEqual(desired.users)
  const values = <T extends {key: string}>(list: readonly {value: T; owner: string | null}[]): Map<string, T> => {
    for (const r of list) expect(r.owner).toBe(desired.owner)
    return new Map(list.map((r) => [r.value.key, r.value]))
  }
  expect(values(live.teams)).toEqual(desired.teams)
  expect(values(live.schedules)).toEqual(desired.schedules)
  expect(values(live.escalationPolicies)).toEqual(desired.escalationPolicies)
  expect(values(live.services)).toEqual(desired.services)
}

function indexOf(account: FakeAccount, desired: DesiredState, now: Date): IdIndex {
  const raw = account.raw()
  return IdIndex.fromLive(liveStateFromRaw(raw, {now}), desired.owner, liveLayerRefs(raw, now))
}

describe('mapping round trip through PagerDuty rewrites', () => {
  it('creates every resource type and reads back the same model', () => {
    const account = new FakeAccount()
    write(account, desiredFixture, new IdIndex(), NOW)
    // The server really did rewrite: layers reversed, past starts moved to now, other offsets.
    const primary = account.schedules[0] as Read<PdSchedule>
    expect(primary.schedule_layers.map((l) => l.name)).toEqual(['Next year', 'Nights 12h', 'Weekly primary'])
    expect(parseInstant(primary.schedule_layers[2]?.start as string)).toBe(NOW.getTime())
    expect(primary.schedule_layers[2]?.rotation_virtual_start).toMatch(/\+05:30$/)

    expectLiveEqualsDesired(read(account, desiredFixture, NOW), desiredFixture)
  })

  it('stays equal when read later and when the same state is written again later (no perpetual diff)', () => {
    const account = new FakeAccount()
    write(account, desiredFixture, new IdIndex(), NOW)
    const later = new Date('2027-02-01T00:00:00Z') // after the "Next year" layer started
    expectLiveEqualsDesired(read(account, desiredFixture, later), desiredFixture)
    write(account, desiredFixture, indexOf(account, desiredFixture, later), later)
    expect(account.schedules).toHaveLength(3)
    expectLiveEqualsDesired(read(account, desiredFixture, later), desiredFixture)
  })

  it('updates layers in place by position and ends the layers that left the config', () => {
    const account = new FakeAccount()
    write(account, desiredFixture, new IdIndex(), NOW)
    const before = account.schedules.find((s) => s.name === 'Consumer App - Primary') as Read<PdSchedule>
    const idsBefore = [...before.schedule_layers].reverse().map((l) => l.id)

    const primary = desiredFixture.schedules.get('consumer-app-primary') as Schedule
    const onlyFirst: Schedule = {
      ...primary,
      layers: [{...(primary.layers[0] as Schedule['layers'][number]), users: ['mei.suzuki@example.com']}],
    }
    const changed: DesiredState = {
      ...desiredFixture,
      schedules: new Map([...desiredFixture.schedules, ['consumer-app-primary', onlyFirst]]),
    }
    const later = new Date('2026-12-01T00:00:00Z')
    write(account, changed, indexOf(account, changed, later), later)

    const after = account.schedules.find((s) => s.id === before.id) as Read<PdSchedule>
    const written = [...after.schedule_layers].reverse()
    expect(written.map((l) => l.id)).toEqual(idsBefore) // same layers: updated or ended, none new
    expect(parseInstant(written[1]?.end as string)).toBe(later.getTime()) // started layer: ended now
    // Future layer: cut to one minute from its start and masked by a restriction outside that minute.
    expect(parseInstant(written[2]?.end as string) - parseInstant(written[2]?.start as string)).toBe(60_000)
    expect(written[2]?.restrictions).toEqual([{type: 'daily_restriction', start_time_of_day: '09:02:00', duration_seconds: 60}])
    expectLiveEqualsDesired(read(account, changed, new Date(later.getTime() + 60_000)), changed)
  })
})
