import type {EscalationPolicy, EscalationTarget} from '../model/escalation-policy.js'
import type {Schedule, ShiftEvent} from '../model/schedule.js'
import type {DesiredState} from '../model/state.js'
import {computeShifts} from '../schedule/compute-shifts.js'
import {formatLocalDateTime, parseLocalDateTime} from '../schedule/local-time.js'
import {ZoneClock} from '../schedule/zone-clock.js'
import type {Change} from './change.js'
import {diffFields} from './field-diff.js'
import type {LiveResource, LiveState} from './live-state.js'
import type {PlanWarning} from './plan.js'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const WEEK = 7 * 24 * HOUR
/**
 * The handoff is at least this far ahead of the plan: apply must finish (legacy layers ended,
 * shift-based schedule created, policies pointed at both) before it, or the part of the
 * transition that already passed would be nobody's.
 */
export const MIN_LEAD = HOUR
/** How far ahead the legacy schedule is searched for its next handoff. */
const HANDOFF_SEARCH = 8 * WEEK

/**
 * A schedule the config declares shift-based whose key the account still has as a layer-based
 * (legacy, v2) schedule owned by this config: `oncall migrate --write` followed by `plan`.
 *
 * - `start`: the legacy schedule still runs. This plan ends its layers at the handoff H,
 *   creates the shift-based schedule with every event effective from H, and makes each policy
 *   rule that targets the key target both schedules. Until H only the legacy schedule has
 *   anyone on call, from H only the shift-based one, so a policy that pages both pages exactly
 *   the person on call: nobody twice, nobody not at all.
 * - `transition`: applied, H not reached yet: nothing to do (the policies keep both targets).
 * - `finish`: H has passed (the legacy schedule has no running layer): the policies drop the
 *   legacy target, and the legacy schedule is deleted with --allow-destroy once no policy uses
 *   it; without it, it stays as history and the plan says so (a warning, not a change).
 */
export interface ScheduleMigration {
  readonly key: string
  readonly phase: 'start' | 'transition' | 'finish'
  /** The legacy (layer-based) schedule's ID. */
  readonly legacyId: string
  /** The handoff as an ISO instant; null in `finish` (the legacy schedule's layers are history then). */
  readonly handoff: string | null
  /** The handoff on the schedule's wall clock (`2026-03-09T10:00`), for the plan text. */
  readonly handoffLocal: string | null
  readonly timeZone: string
  /** Keys of this config's policies that target the schedule. */
  readonly policies: readonly string[]
  /** `finish` only: whether this plan deletes the legacy schedule. */
  readonly deletesLegacy: boolean
}

export interface MigrationPlan {
  /** The desired state with the transition applied (events from H, policies targeting both). */
  readonly desired: DesiredState
  /** The live state without the legacy schedules (their changes are `changes`). */
  readonly live: LiveState
  /** Updates (layers end at H) and deletes of legacy schedules. */
  readonly changes: readonly Change[]
  readonly migrations: readonly ScheduleMigration[]
  readonly warnings: readonly PlanWarning[]
}

/**
 * The one place that decides what a plan does about a key that is layer-based in the account and
 * shift-based in the config (docs/shift-based-schedules.md, "Migrating"). Pure: the phase is read
 * from the account (the legacy schedule's layer ends), so every plan, and `apply` after it,
 * reaches the same decision, and an apply stopped half-way is finished by the next plan.
 */
export function planMigrations(desired: DesiredState, live: LiveState, options: {now: number; allowDestroy: boolean}): MigrationPlan {
  const legacy = live.schedules.filter((s) => s.owner === desired.owner && s.value.rotations === undefined && desired.schedules.get(s.value.key)?.rotations !== undefined)
  if (legacy.length === 0) return {desired, live, changes: [], migrations: [], warnings: []}
  const legacyIds = new Set(legacy.map((s) => s.id))
  const schedules = new Map(desired.schedules)
  const policyTargets = new Set<string>()
  const changes: Change[] = []
  const migrations: ScheduleMigration[] = []
  const warnings: PlanWarning[] = []
  for (const old of [...legacy].sort((a, b) => a.value.key.localeCompare(b.value.key))) {
    const key = old.value.key
    const target = desired.schedules.get(key) as Schedule
    const policies = [...desired.escalationPolicies.values()].filter((p) => targets(p, key)).map((p) => p.key).sort()
    const running = old.value.layers
    if (running.length === 0) {
      const users = live.escalationPolicies.filter((p) => !(p.owner === desired.owner && desired.escalationPolicies.has(p.value.key)) && targetsLegacy(p.value, key))
      const deletesLegacy = options.allowDestroy && users.length === 0
      if (deletesLegacy) changes.push({kind: 'delete', type: 'schedule', key, id: old.id, before: old.value})
      else warnings.push(keptWarning(key, old, users, options.allowDestroy))
      migrations.push({key, phase: 'finish', legacyId: old.id, handoff: null, handoffLocal: null, timeZone: target.timeZone, policies, deletesLegacy})
      continue
    }
    const clock = ZoneClock.of(old.value.timeZone)
    const ending = running.every((l) => l.end !== null)
    const handoff = ending ? Math.max(...running.map((l) => clock.toInstant(parseLocalDateTime(l.end as string)))) : nextHandoff(old.value, options.now)
    const handoffLocal = formatLocalDateTime(clock.toLocal(handoff))
    if (!ending) {
      const after: Schedule = {...old.value, layers: running.map((l) => ({...l, end: l.end !== null && l.end < handoffLocal ? l.end : handoffLocal}))}
      changes.push({kind: 'update', type: 'schedule', key, id: old.id, before: old.value, after, fields: diffFields('schedule', old.value, after)})
    }
    schedules.set(key, effectiveFrom(target, handoff))
    for (const p of policies) policyTargets.add(`${p}\u0000${key}`)
    migrations.push({key, phase: ending ? 'transition' : 'start', legacyId: old.id, handoff: new Date(handoff).toISOString(), handoffLocal: formatLocalDateTime(ZoneClock.of(target.timeZone).toLocal(handoff)), timeZone: target.timeZone, policies, deletesLegacy: false})
  }
  const escalationPolicies = new Map(
    [...desired.escalationPolicies].map(([k, p]) => [k, withLegacyTargets(p, (key) => policyTargets.has(`${k}\u0000${key}`))] as const),
  )
  return {
    desired: {...desired, schedules, escalationPolicies},
    live: {...live, schedules: live.schedules.filter((s) => !legacyIds.has(s.id))},
    changes,
    migrations,
    warnings,
  }
}

/**
 * The legacy schedule's next handoff at least MIN_LEAD from now: the first instant at which its
 * on-call changes (a shift starts or ends), so nobody's shift is cut in two by the move. A
 * schedule with no change in the search window hands off at now + MIN_LEAD (whole minute).
 */
export function nextHandoff(schedule: Schedule, now: number): number {
  const earliest = Math.ceil((now + MIN_LEAD) / MINUTE) * MINUTE
  const shifts = computeShifts(schedule, {start: now, end: now + HANDOFF_SEARCH}).final
  const boundaries = shifts.flatMap((s) => [s.start, s.end]).filter((t) => t >= earliest)
  return boundaries.length === 0 ? earliest : Math.min(...boundaries)
}

/** Every event effective from the handoff at the earliest (in its own zone); events over by then are left out. */
function effectiveFrom(schedule: Schedule, handoff: number): Schedule {
  const rotations = (schedule.rotations ?? []).map((r) => ({
    ...r,
    events: r.events.flatMap((e): ShiftEvent[] => {
      const h = formatLocalDateTime(ZoneClock.of(e.timeZone).toLocal(handoff))
      if (e.effectiveUntil !== null && e.effectiveUntil <= h) return []
      const from = e.effectiveFrom ?? e.start
      return [from >= h ? e : {...e, effectiveFrom: h}]
    }),
  }))
  return {...schedule, rotations: rotations.filter((r) => r.events.length > 0)}
}

function targets(p: EscalationPolicy, key: string): boolean {
  return p.rules.some((r) => r.targets.some((t) => t.type === 'schedule' && t.key === key))
}

function targetsLegacy(p: EscalationPolicy, key: string): boolean {
  return p.rules.some((r) => r.targets.some((t) => t.type === 'schedule' && t.key === key && t.legacy === true))
}

/** Each target of a migrating schedule gets the legacy schedule next to it (just before it). */
function withLegacyTargets(p: EscalationPolicy, migrating: (key: string) => boolean): EscalationPolicy {
  if (!p.rules.some((r) => r.targets.some((t) => t.type === 'schedule' && migrating(t.key)))) return p
  return {
    ...p,
    rules: p.rules.map((r) => ({
      ...r,
      targets: r.targets.flatMap((t): EscalationTarget[] => (t.type === 'schedule' && t.legacy !== true && migrating(t.key) ? [{...t, legacy: true}, t] : [t])),
    })),
  }
}

function keptWarning(key: string, old: LiveResource<Schedule>, users: readonly LiveResource<EscalationPolicy>[], allowDestroy: boolean): PlanWarning {
  const why =
    users.length > 0
      ? `escalation policies this config does not manage still target it (${users.map((u) => `"${u.value.name}" ${u.id}`).join(', ')}); move them to the shift-based schedule, then plan again with --allow-destroy to delete it`
      : allowDestroy
        ? ''
        : 'it is kept as history; plan with --allow-destroy to delete it'
  return {
    code: 'MIGRATED_LEGACY_SCHEDULE_KEPT',
    message: `schedule ${key}: migrated to shift-based; the layer-based schedule ${old.id} has no running layer, and this config's policies no longer target it once this plan is applied: ${why}`,
    type: 'schedule',
    key,
  }
}

/**
 * The changes the shift previews are computed from, with each starting migration as one change
 * of who is on call through its key: from the legacy schedule as it runs to the config's
 * shift-based form (the legacy layers ending at H and the events starting at H are two halves of
 * one move). With a proven migration the preview says nobody's shifts change; with accepted
 * differences it shows them.
 */
export function migrationPreviewChanges(changes: readonly Change[], migrations: readonly ScheduleMigration[], desired: DesiredState): Change[] {
  const starting = new Map(migrations.filter((m) => m.phase === 'start').map((m) => [m.key, m]))
  if (starting.size === 0) return [...changes]
  return changes.flatMap((c): Change[] => {
    const m = c.type === 'schedule' ? starting.get(c.key) : undefined
    if (m === undefined) return [c]
    if (c.kind !== 'create') return [] // the legacy schedule's half
    const legacy = changes.find((x) => x.type === 'schedule' && x.kind === 'update' && x.id === m.legacyId)
    const after = desired.schedules.get(c.key)
    if (legacy === undefined || legacy.kind !== 'update' || after === undefined) return [c]
    return [{kind: 'update', type: 'schedule', key: c.key, id: m.legacyId, before: legacy.before, after, fields: []}]
  })
}
