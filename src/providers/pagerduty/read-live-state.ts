import type {Team} from '../../model/team.js'
import type {User} from '../../model/user.js'
import type {LiveResource, LiveState} from '../../plan/live-state.js'
import {rolloutState, type ScheduleRollout} from '../../plan/rollout.js'
import {rolloutShiftBased} from '../../plan/shift-rollout.js'
import type {DesiredState} from '../../model/state.js'
import type {RawAccount, Read} from './dto.js'
import type {Schedule} from '../../model/schedule.js'
import type {PdScheduleV3} from './v3/dto-v3.js'
import {scheduleFromPdV3, v3NotManaged} from './v3/schedule-from-pd-v3.js'
import {markTargetsOfOtherKind} from './v3/target-kinds.js'
import {IdIndex, liveLayerRefs, liveRulesOf} from './id-index.js'
import {markLegacyTargets} from './legacy-targets.js'
import {detectLayerOrderOnRead} from './mapping/detect-layer-order.js'
import {normalizeLiveAgainstDesired, withoutEndedLayers} from './mapping/normalize-start.js'
import {assignKeys} from './mapping/derive-keys.js'
import {escalationPolicyFromPd} from './mapping/escalation-policy-from-pd.js'
import {fingerprintRaw} from './mapping/fingerprint.js'
import type {FromPdContext, LayerOrderOnRead} from './mapping/from-pd-context.js'
import {unknownRef} from './mapping/from-pd-context.js'
import {scheduleFromPd} from './mapping/schedule-from-pd.js'
import {serviceFromPd} from './mapping/service-from-pd.js'
import {teamFromPd} from './mapping/team-from-pd.js'
import {userFromPd} from './mapping/user-from-pd.js'
import {notManagedFields, type WireObject} from './mapping/not-managed.js'
import {parseDescription} from './ownership.js'

/**
 * The raw account (PagerDuty wire objects, as read by readAccount) mapped into the canonical
 * model: every object keyed by its marker key (or a key derived from its name), references
 * turned from IDs into emails and keys, PagerDuty's rewrites normalised. Pure: the clock is a
 * parameter, so a test can pin which layers have ended.
 *
 * Lists keep the API's order sorted by key then id, so the same account always maps to the
 * same LiveState.
 */
export interface LiveStateOptions {
  /** The instant the account was read; layers that ended at or before it are dropped. */
  readonly now: Date
  /** HTTP requests the read took (shown in the plan footer). */
  readonly requestCount?: number
  /** Default `highest-first`, PagerDuty's documented behaviour (see mapping/live-layers.ts). */
  readonly layerOrderOnRead?: LayerOrderOnRead
}

export function liveStateFromRaw(raw: RawAccount, options: LiveStateOptions): LiveState {
  const userEmails = new Map(raw.users.map((u) => [u.id, u.email.trim().toLowerCase()]))
  const teamKeys = keysOf(raw.teams, 'team')
  const scheduleKeys = keysOf(raw.schedules, 'schedule')
  // v3 schedules live in their own ID space (and may share a key with a legacy one mid-migration).
  const v3Raw = raw.v3Schedules ?? []
  const v3ScheduleKeys = keysOf(v3Raw, 'schedule')
  const policyKeys = keysOf(raw.escalationPolicies, 'escalation-policy')
  const serviceKeys = keysOf(raw.services, 'service')
  const lookup = (keys: Map<string, string>, kind: string) => (id: string) => keys.get(id) ?? unknownRef(kind, id)
  const ctx: FromPdContext = {
    emailOf: lookup(userEmails, 'user'),
    teamKeyOf: lookup(teamKeys, 'team'),
    scheduleKeyOf: lookup(scheduleKeys, 'schedule'),
    v3ScheduleKeyOf: lookup(v3ScheduleKeys, 'schedule_v3'),
    policyKeyOf: lookup(policyKeys, 'escalation-policy'),
    now: options.now.getTime(),
    layerOrderOnRead: options.layerOrderOnRead ?? 'highest-first',
  }

  const users = new Map<string, LiveResource<User>>()
  for (const u of [...raw.users].sort(byId)) {
    const value = userFromPd(u)
    if (users.has(value.email)) continue // emails are unique in an account; keep the first id if a read raced
    users.set(value.email, {id: u.id, owner: ownerOf(u.description), value, fingerprint: fingerprintRaw('user', u), ...notManaged({type: 'user', raw: u})})
  }

  const teams = raw.teams.map((t): LiveResource<Team> => {
    const members = raw.teamMembers.get(t.id) ?? []
    return {
      id: t.id,
      owner: ownerOf(t.description),
      value: teamFromPd(t, teamKeys.get(t.id) as string, members, ctx),
      fingerprint: fingerprintRaw('team', t, {members: members.map((m) => ({user: m.user.id, role: m.role}))}),
      ...notManaged({type: 'team', raw: t}),
    }
  })
  const schedules = [
    ...liveResources(raw.schedules, 'schedule', scheduleKeys, (s, key) => scheduleFromPd(s, key, ctx)),
    ...v3LiveSchedules(v3Raw, v3ScheduleKeys, ctx),
  ]
  const escalationPolicies = liveResources(raw.escalationPolicies, 'escalation_policy', policyKeys, (p, key) =>
    escalationPolicyFromPd(p, key, ctx),
  )
  const services = liveResources(raw.services, 'service', serviceKeys, (s, key) => serviceFromPd(s, key, ctx))
  return {
    users,
    teams: teams.sort(byKeyThenId),
    schedules: schedules.sort(byKeyThenId),
    escalationPolicies: escalationPolicies.sort(byKeyThenId),
    services: services.sort(byKeyThenId),
    requestCount: options.requestCount ?? 0,
  }
}

export interface LiveAccount<D extends DesiredState = DesiredState> {
  /** The desired state to diff against: ended layers removed (withoutEndedLayers). */
  readonly desired: D
  /** The live state, normalised against that desired state: ready for makePlan. */
  readonly live: LiveState
  /** Keys → IDs (and schedule layer IDs) for apply. */
  readonly ids: IdIndex
  readonly layerOrderOnRead: LayerOrderOnRead
  /** Rotation changes that take effect later (plan/rollout.ts); `desired` already carries them. */
  readonly rollouts: readonly ScheduleRollout[]
}

/**
 * Everything plan and apply need from one raw read, with the steps in the one right order:
 * drop desired layers that have ended, detect the layer order from the schedules this config
 * wrote, map with it, roll out rotation changes (plan/rollout.ts), normalise layer starts
 * against the desired state, index IDs (layer IDs
 * paired in the same order). Diff `result.desired` against `result.live`.
 */
export function liveAccountFor<D extends DesiredState>(
  raw: RawAccount,
  desiredAsWritten: D,
  options: Omit<LiveStateOptions, 'layerOrderOnRead'>,
): LiveAccount<D> {
  const desired = withoutEndedLayers(desiredAsWritten, options.now)
  const layerOrderOnRead = detectLayerOrderOnRead(raw, desired, desired.owner, options.now)
  // Policies mid-migration target a key's layer-based and shift-based schedules: tell them apart.
  const mapped = markLegacyTargets(liveStateFromRaw(raw, {...options, layerOrderOnRead}), raw, new Set(shiftBasedKeys(desired)))
  // A rotation change of a running layer becomes an ended layer + a new one (plan/rollout.ts).
  const layered = rolloutState(desired, mapped, options.now)
  // Shift-based schedules: history, past starts and event rollouts on both sides (plan/shift-rollout.ts).
  const shifted = rolloutShiftBased(layered.state, mapped, options.now)
  const rolledOut = shifted.state
  const rollouts = [...layered.rollouts, ...shifted.rollouts]
  const live = markTargetsOfOtherKind(normalizeLiveAgainstDesired(shifted.live, rolledOut, options.now), raw, desired)
  const ids = IdIndex.fromLive(live, desired.owner, liveLayerRefs(raw, options.now, layerOrderOnRead))
    .withLiveRules(liveRulesOf(raw))
    .withV3Schedules(raw.v3Schedules ?? [], shiftBasedKeys(desired))
  return {desired: rolledOut, live, ids, layerOrderOnRead, rollouts}
}

/** Keys of the desired schedules that are shift-based. */
function shiftBasedKeys(desired: DesiredState): string[] {
  return [...desired.schedules.values()].filter((s) => s.rotations !== undefined).map((s) => s.key)
}

/** Wire objects as live resources: ID, owner from the marker, the model value, a fingerprint. */
function liveResources<W extends {readonly id: string; readonly description?: string | null}, T>(
  objects: readonly W[],
  type: 'schedule' | 'escalation_policy' | 'service',
  keys: ReadonlyMap<string, string>,
  fromPd: (object: W, key: string) => T,
): LiveResource<T>[] {
  return objects.map((o) => ({
    id: o.id,
    owner: ownerOf(o.description),
    value: fromPd(o, keys.get(o.id) as string),
    fingerprint: fingerprintRaw(type, o),
    ...notManaged({type, raw: o} as unknown as WireObject),
  }))
}

/** Shift-based schedules as live resources: `value.rotations` marks them (v3/schedule-from-pd-v3.ts). */
function v3LiveSchedules(objects: readonly Read<PdScheduleV3>[], keys: ReadonlyMap<string, string>, ctx: FromPdContext): LiveResource<Schedule>[] {
  return objects.map((o) => {
    const fields = v3NotManaged(o, ctx.now)
    return {
      id: o.id,
      owner: ownerOf(o.description),
      value: scheduleFromPdV3(o, keys.get(o.id) as string, ctx),
      fingerprint: fingerprintRaw('schedule', o),
      ...(fields.length === 0 ? {} : {notManaged: fields}),
    }
  })
}

/** The live resource's `notManaged`, present only when there is something to name. */
function notManaged(object: WireObject): {notManaged?: readonly string[]} {
  const fields = notManagedFields(object)
  return fields.length === 0 ? {} : {notManaged: fields}
}

function ownerOf(description: string | null | undefined): string | null {
  return parseDescription(description).marker?.owner ?? null
}

function keysOf(
  objects: readonly {readonly id: string; readonly name: string; readonly description?: string | null}[],
  fallbackPrefix: string,
): Map<string, string> {
  return assignKeys(
    objects.map((o) => ({id: o.id, name: o.name, markedKey: parseDescription(o.description).marker?.key ?? null})),
    fallbackPrefix,
  )
}

function byId(a: {readonly id: string}, b: {readonly id: string}): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

function byKeyThenId(a: LiveResource<{readonly key: string}>, b: LiveResource<{readonly key: string}>): number {
  return a.value.key < b.value.key ? -1 : a.value.key > b.value.key ? 1 : byId(a, b)
}
