/**
 * Small builders for model values, desired states and live states, so tests state only what
 * matters to them (changesets' test-utils, octoDNS' helpers). Every builder takes overrides.
 */
import type {EscalationPolicy} from '../src/model/escalation-policy.js'
import type {Schedule, ScheduleLayer, ShiftEvent} from '../src/model/schedule.js'
import type {Service} from '../src/model/service.js'
import type {DesiredState} from '../src/model/state.js'
import type {Team} from '../src/model/team.js'
import type {User} from '../src/model/user.js'
import type {LiveResource, LiveState} from '../src/plan/live-state.js'
import {makePlan} from '../src/plan/make-plan.js'
import type {Plan} from '../src/plan/plan.js'

export function aUser(overrides: Partial<User> = {}): User {
  return {email: 'aiko@example.com', name: 'Aiko Tanaka', timeZone: null, role: null, ...overrides}
}

export function aTeam(overrides: Partial<Team> = {}): Team {
  const key = overrides.key ?? 'consumer-app'
  return {key, name: overrides.name ?? titleOf(key), description: '', members: [], ...overrides}
}

export function aLayer(overrides: Partial<ScheduleLayer> = {}): ScheduleLayer {
  return {
    name: 'Weekly primary',
    users: ['aiko@example.com', 'ken@example.com'],
    turnSeconds: 7 * 86_400,
    rotationStart: '2026-01-05T10:00',
    start: '2026-01-05T10:00',
    end: null,
    restrictions: [],
    ...overrides,
  }
}

/** A shift-based event: 09:00-17:00 Europe/Berlin daily from mon 2026-03-02, a and b taking turns (one shift each). */
export function aShiftEvent(overrides: Partial<ShiftEvent> = {}): ShiftEvent {
  return {
    name: 'Event 1',
    timeZone: 'Europe/Berlin',
    start: '2026-03-02T09:00',
    end: '2026-03-02T17:00',
    recurrence: ['RRULE:FREQ=DAILY'],
    members: ['a@x.com', 'b@x.com'],
    assignment: {kind: 'rotating', shiftsPerMember: 1},
    effectiveFrom: null,
    effectiveUntil: null,
    ...overrides,
  }
}

export function aSchedule(overrides: Partial<Schedule> = {}): Schedule {
  const key = overrides.key ?? 'consumer-app-primary'
  return {
    key,
    name: overrides.name ?? titleOf(key),
    description: '',
    timeZone: 'Asia/Tokyo',
    teams: [],
    layers: [aLayer()],
    ...overrides,
  }
}

export function anEscalationPolicy(overrides: Partial<EscalationPolicy> = {}): EscalationPolicy {
  const key = overrides.key ?? 'consumer-app'
  return {
    key,
    name: overrides.name ?? titleOf(key),
    description: '',
    team: null,
    repeat: 0,
    handoffNotifications: 'if_has_services',
    rules: [{delayMinutes: 15, targets: [{type: 'schedule', key: 'consumer-app-primary'}]}],
    ...overrides,
  }
}

export function aService(overrides: Partial<Service> = {}): Service {
  const key = overrides.key ?? 'consumer-api'
  return {
    key,
    name: overrides.name ?? titleOf(key),
    description: '',
    escalationPolicy: 'consumer-app',
    acknowledgementTimeoutSeconds: 1800,
    autoResolveTimeoutSeconds: 14_400,
    urgency: {kind: 'constant', urgency: 'high'},
    alertGrouping: null,
    autoPauseSeconds: null,
    ...overrides,
  }
}

export interface DesiredInput {
  owner?: string
  users?: readonly User[]
  teams?: readonly Team[]
  schedules?: readonly Schedule[]
  escalationPolicies?: readonly EscalationPolicy[]
  services?: readonly Service[]
  referencedUsers?: readonly string[]
}

export function aDesiredState(input: DesiredInput = {}): DesiredState {
  return {
    owner: input.owner ?? 'consumer-app',
    users: new Map((input.users ?? []).map((u) => [u.email, u])),
    teams: byKey(input.teams),
    schedules: byKey(input.schedules),
    escalationPolicies: byKey(input.escalationPolicies),
    services: byKey(input.services),
    referencedUsers: new Set(input.referencedUsers ?? []),
  }
}

let nextId = 1

/** A live object; owned by `consumer-app` unless `owner` says otherwise (null = unmarked). */
export function aLiveResource<T extends {key?: string; email?: string}>(
  value: T,
  overrides: Partial<Omit<LiveResource<T>, 'value'>> = {},
): LiveResource<T> {
  const id = overrides.id ?? `P${String(nextId++).padStart(6, '0')}`
  return {id, owner: 'consumer-app', fingerprint: `fp-${id}`, ...overrides, value}
}

export interface LiveInput {
  users?: readonly LiveResource<User>[]
  teams?: readonly LiveResource<Team>[]
  schedules?: readonly LiveResource<Schedule>[]
  escalationPolicies?: readonly LiveResource<EscalationPolicy>[]
  services?: readonly LiveResource<Service>[]
  requestCount?: number
}

export function aLiveState(input: LiveInput = {}): LiveState {
  return {
    users: new Map((input.users ?? []).map((u) => [u.value.email, u])),
    teams: input.teams ?? [],
    schedules: input.schedules ?? [],
    escalationPolicies: input.escalationPolicies ?? [],
    services: input.services ?? [],
    requestCount: input.requestCount ?? 0,
  }
}

/** Live users (unmarked: users carry no ownership marker) for every email given. */
export function liveUsers(...emails: string[]): LiveResource<User>[] {
  return emails.map((email) => aLiveResource(aUser({email, name: email.split('@')[0] ?? email}), {owner: null, id: `U-${email}`}))
}

/**
 * One create (team app), one update (schedule primary: layer users swapped), one delete (team
 * old), 12 API requests: the plan the renderer tests look at.
 */
export function aSmallPlan(): {plan: Plan; live: LiveState} {
  const live = aLiveState({
    users: liveUsers('a@x.io', 'b@x.io'),
    teams: [aLiveResource(aTeam({key: 'old', name: 'Old'}), {id: 'PT1'})],
    schedules: [aLiveResource(aSchedule({key: 'primary', name: 'Primary', layers: [aLayer({users: ['a@x.io', 'b@x.io']})]}), {id: 'PS1'})],
    requestCount: 12,
  })
  const desired = aDesiredState({
    teams: [aTeam({key: 'app', name: 'App', members: [{email: 'a@x.io', role: 'manager'}]})],
    schedules: [aSchedule({key: 'primary', name: 'Primary', layers: [aLayer({users: ['b@x.io', 'a@x.io']})]})],
    referencedUsers: ['a@x.io', 'b@x.io'],
  })
  return {plan: makePlan(desired, live, {adopt: false}), live}
}

function byKey<T extends {key: string}>(items: readonly T[] | undefined): Map<string, T> {
  return new Map((items ?? []).map((i) => [i.key, i]))
}

function titleOf(key: string): string {
  return key
    .split('-')
    .map((w) => (w[0]?.toUpperCase() ?? '') + w.slice(1))
    .join(' ')
}
