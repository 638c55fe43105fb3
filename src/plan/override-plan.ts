import type {Override} from '../model/override.js'
import type {Schedule} from '../model/schedule.js'
import {computeShifts} from '../schedule/compute-shifts.js'
import {overridesApplied} from '../schedule/final-with-overrides.js'
import {rotationOverrides, type RotationOverride} from '../schedule/v3/rotation-overrides.js'
import type {Shift} from '../schedule/shift.js'
import {formatInZone} from '../schedule/format-local.js'
import type {PlanWarning} from './plan.js'
import {coverageDifference, MAX_PREVIEW_DAYS, type ShiftPreview} from './shift-preview.js'

/**
 * Overrides in the plan (docs/language.md, "Overrides and time off"). Overrides have no ownership
 * marker, so they match by (user, start, end): a config override missing from the account is
 * created; a live one the config does not have was made outside the config and is left alone,
 * unless the schedule says `overrides: exclusive`, then it is deleted (with --allow-destroy).
 * Past overrides are never touched (they are not even read); one in progress is never deleted,
 * because PagerDuty would only truncate it to now.
 */

/** An override in the plan. Instants are ISO 8601 UTC strings, like the shift previews. */
export interface PlannedOverride {
  readonly user: string
  readonly start: string
  readonly end: string
  /** PagerDuty ID (live overrides only). */
  readonly id?: string
  readonly note?: string | null
  /** `declared` (in `overrides:`) or `time_off` (a computed cover); absent for live ones. */
  readonly origin?: 'declared' | 'time_off'
  /** Who the layers have on call during it (the person whose time the override takes), if anyone. */
  readonly replaces?: string | null
  /**
   * Shift-based schedules: the rotation (by name) whose shifts it takes; `replaces` is then the
   * overridden member. Null for a live override of a custom shift (or of a rotation gone since).
   */
  readonly rotation?: string | null
}

export interface ScheduleOverridePlan {
  readonly schedule: string
  readonly timeZone: string
  readonly exclusive: boolean
  readonly create: readonly PlannedOverride[]
  readonly delete: readonly PlannedOverride[]
  /** Live overrides this plan leaves alone although the config does not have them. */
  readonly outside: readonly PlannedOverride[]
  /** A shift-based schedule: its overrides are v3 overrides of one rotation each (/v3/schedules/{id}/overrides). */
  readonly shiftBased?: true
}

/** A live override as read (its user already an email); only ones that end after `now` are read. */
export interface LiveOverride {
  readonly id: string
  readonly user: string
  readonly start: number
  readonly end: number
}

/** A live override of a shift-based (v3) schedule as read (providers/pagerduty/v3/read-v3-overrides.ts). */
export interface LiveV3Override {
  readonly id: string
  /** The rotation it belongs to (xor customShiftId). */
  readonly rotationId?: string
  readonly customShiftId?: string
  /** Email (or a user ID the account does not list); null = `empty_member`. */
  readonly overridden: string | null
  readonly user: string | null
  readonly start: number
  readonly end: number
}

/** A live v3 override ready for the plan: rotation by name (null: a custom shift's, or a rotation gone), members by email (null: empty_member). */
export interface LiveV3PlanOverride {
  readonly id: string
  readonly user: string | null
  readonly overridden: string | null
  readonly rotation: string | null
  readonly start: number
  readonly end: number
}

export interface OverridePlanInput {
  /** The schedules to plan, desired side (the config's), by key. */
  readonly schedules: ReadonlyMap<string, Schedule>
  /** Declared overrides and time-off covers (effectiveOverrides). */
  readonly overrides: readonly Override[]
  readonly exclusive: ReadonlySet<string>
  /** Live overrides by schedule key; a schedule not in the map was not read (not in the account yet). */
  readonly live: ReadonlyMap<string, readonly LiveOverride[]>
  /** Shift-based schedules' live v3 overrides by schedule key (same rule: absent = not read). */
  readonly liveV3?: ReadonlyMap<string, readonly LiveV3PlanOverride[]>
  readonly now: Date
  /** Days of the shift preview (0 = none). */
  readonly previewDays: number
  readonly names: ReadonlyMap<string, string>
}

export interface OverridePlanResult {
  readonly plans: ScheduleOverridePlan[]
  readonly warnings: PlanWarning[]
  readonly previews: ShiftPreview[]
}

/** The schedules whose overrides a plan must read: those with overrides or time-off covers, or `exclusive`. */
export function schedulesWithOverrides(overrides: readonly Override[], exclusive: ReadonlySet<string>): string[] {
  return [...new Set([...overrides.map((o) => o.schedule), ...exclusive])].sort()
}

const DAY_MS = 86_400_000
/** How far ahead overrides are read (and planned) when the config names none later. */
export const OVERRIDE_HORIZON_DAYS = 365

export function planOverrides(input: OverridePlanInput): OverridePlanResult {
  const now = input.now.getTime()
  const plans: ScheduleOverridePlan[] = []
  const warnings: PlanWarning[] = []
  const previews: ShiftPreview[] = []
  for (const key of schedulesWithOverrides(input.overrides, input.exclusive)) {
    const schedule = input.schedules.get(key)
    if (!schedule) continue
    if (schedule.rotations !== undefined) {
      const v3 = planShiftBasedOverrides(schedule, input)
      if (v3 === undefined) continue
      warnings.push(...v3.warnings)
      if (v3.plan) plans.push(v3.plan)
      if (v3.preview) previews.push(v3.preview)
      continue
    }
    const exclusive = input.exclusive.has(key)
    const desired = input.overrides.filter((o) => o.schedule === key && o.end > now)
    const live = input.live.get(key) ?? []
    const liveIds = new Set(live.map(identity))
    const desiredIds = new Set(desired.map(identity))
    const layers = layerShifts(schedule, [...desired, ...live], now)
    const replaced = (o: {start: number; end: number}) => whoIsReplaced(layers, o)
    const create = desired.filter((o) => !liveIds.has(identity(o))).map((o) => planned(o, replaced(o)))
    const toDelete: PlannedOverride[] = []
    const outside: PlannedOverride[] = []
    for (const o of live.filter((l) => !desiredIds.has(identity(l)))) {
      const entry = {...planned(o, replaced(o)), id: o.id}
      if (exclusive && o.start > now) {
        toDelete.push(entry)
        continue
      }
      outside.push(entry)
      warnings.push({
        code: exclusive ? 'override-in-progress' : 'override-outside-config',
        type: 'schedule',
        key,
        message: exclusive
          ? `schedule ${key}: the override of ${o.user} ${span(o, schedule)} is in progress; it is not deleted (PagerDuty would only cut it short at now)`
          : `schedule ${key}: override of ${o.user} ${span(o, schedule)} was made outside the config; left alone (add it to the config, or set \`overrides: exclusive\` to delete such overrides)`,
      })
    }
    for (const o of desired) {
      if (o.origin.kind !== 'declared') continue
      const who = replaced(o)
      if (who === o.user) {
        warnings.push({
          code: 'override-pointless',
          type: 'schedule',
          key,
          message: `schedule ${key}: the override of ${o.user} ${span(o, schedule)} changes nothing: ${o.user} is on call then anyway (did the rotation change?)`,
        })
      }
    }
    if (create.length === 0 && toDelete.length === 0 && outside.length === 0) continue
    plans.push({schedule: key, timeZone: schedule.timeZone, exclusive, create, delete: toDelete, outside})
    if (input.previewDays > 0 && (create.length > 0 || toDelete.length > 0)) {
      const kept = live.filter((l) => !toDelete.some((d) => d.id === l.id))
      const changedEnd = Math.max(...[...create, ...toDelete].map((o) => Date.parse(o.end)))
      previews.push(preview(schedule, live, [...kept, ...desired.filter((o) => !liveIds.has(identity(o)))], input, changedEnd))
    }
  }
  return {plans, warnings, previews}
}

/** Whether a plan has override work (creates or deletes). */
export function overrideWork(plans: readonly ScheduleOverridePlan[] | undefined): {create: number; delete: number} {
  let create = 0
  let del = 0
  for (const p of plans ?? []) {
    create += p.create.length
    del += p.delete.length
  }
  return {create, delete: del}
}

/** What matches a config override with a live one: person and span; on shift-based schedules also the rotation and overridden member. */
export function identity(o: {
  readonly user: string | null
  readonly start: number | string
  readonly end: number | string
  readonly rotation?: string | null
  readonly replaces?: string | null
}): string {
  const ms = (v: number | string) => (typeof v === 'number' ? v : Date.parse(v))
  const base = `${o.user ?? ''}|${ms(o.start)}|${ms(o.end)}`
  return o.rotation === undefined ? base : `${base}|${o.rotation ?? ''}|${o.replaces ?? ''}`
}

/**
 * The override part of a shift-based schedule (docs/shift-based-schedules.md, "Overrides"): the
 * config's overrides become v3 overrides (schedule/v3/rotation-overrides.ts) matched with the
 * live ones by (person, span, rotation, overridden member). Live ones the config does not have
 * are left alone (warned), or deleted on an exclusive schedule when they have not started and
 * belong to a rotation (a custom shift's are never touched: the config does not manage custom
 * shifts). Undefined when the schedule's live overrides were not read.
 */
function planShiftBasedOverrides(
  schedule: Schedule,
  input: OverridePlanInput,
): {plan?: ScheduleOverridePlan; warnings: PlanWarning[]; preview?: ShiftPreview} | undefined {
  const live = input.liveV3?.get(schedule.key)
  if (live === undefined) return undefined
  const now = input.now.getTime()
  const key = schedule.key
  const exclusive = input.exclusive.has(key)
  const mine = input.overrides.filter((o) => o.schedule === key && o.end > now)
  const desired = rotationOverrides(schedule, mine)
  const asPlanned = (p: RotationOverride): PlannedOverride => ({
    ...planned(p.source, p.overridden),
    user: p.user,
    start: new Date(p.start).toISOString(),
    end: new Date(p.end).toISOString(),
    rotation: p.rotationName,
  })
  const liveIds = new Set(live.map((o) => identity({...o, replaces: o.overridden})))
  const desiredPlanned = desired.map(asPlanned)
  const desiredIds = new Set(desiredPlanned.map(identity))
  const create = desiredPlanned.filter((o) => !liveIds.has(identity(o)))
  const toDelete: PlannedOverride[] = []
  const outside: PlannedOverride[] = []
  const warnings: PlanWarning[] = []
  for (const o of live) {
    const entry: PlannedOverride = {
      id: o.id,
      user: o.user ?? 'empty_member',
      start: new Date(o.start).toISOString(),
      end: new Date(o.end).toISOString(),
      replaces: o.overridden,
      rotation: o.rotation,
    }
    if (desiredIds.has(identity(entry))) continue
    if (exclusive && o.start > now && o.rotation !== null) {
      toDelete.push(entry)
      continue
    }
    outside.push(entry)
    const what = `override of ${o.overridden ?? 'empty_member'} by ${o.user ?? 'empty_member'} ${span(o, schedule)} (${o.rotation === null ? 'a custom shift' : `rotation ${o.rotation}`})`
    warnings.push({
      code: exclusive && o.rotation !== null ? 'override-in-progress' : 'override-outside-config',
      type: 'schedule',
      key,
      message:
        exclusive && o.rotation !== null
          ? `schedule ${key}: the ${what} is in progress; it is not deleted (PagerDuty would only cut it short at now)`
          : `schedule ${key}: ${what} was made outside the config; left alone${o.rotation === null ? '' : ' (add it to the config, or set `overrides: exclusive` to delete such overrides)'}`,
    })
  }
  for (const o of mine) {
    if (o.origin.kind !== 'declared' || desired.some((p) => p.source === o)) continue
    warnings.push({
      code: 'override-pointless',
      type: 'schedule',
      key,
      message: `schedule ${key}: the override of ${o.user} ${span(o, schedule)} changes nothing: nobody else is on call then in its rotation (did the rotation change?)`,
    })
  }
  if (create.length === 0 && toDelete.length === 0 && outside.length === 0) return {warnings}
  const plan: ScheduleOverridePlan = {schedule: key, timeZone: schedule.timeZone, exclusive, create, delete: toDelete, outside, shiftBased: true}
  if (input.previewDays === 0 || (create.length === 0 && toDelete.length === 0)) return {plan, warnings}
  // Live ones as config overrides of their rotation and member, so the preview applies them the same way.
  const asOverride = (o: LiveV3PlanOverride): Override[] =>
    o.rotation === null || o.user === null || o.overridden === null
      ? []
      : [{schedule: key, user: o.user, start: o.start, end: o.end, note: null, origin: {kind: 'declared', index: -1}, rotation: o.rotation, overridden: o.overridden}]
  const deleted = new Set(toDelete.map((d) => d.id))
  const before = live.flatMap(asOverride)
  const after = [
    ...live.filter((o) => !deleted.has(o.id)).flatMap(asOverride),
    ...desired.filter((p) => create.some((c) => identity(c) === identity(asPlanned(p)))).map((p) => ({...p.source, rotation: p.rotationName, overridden: p.overridden})),
  ]
  const changedEnd = Math.max(...[...create, ...toDelete].map((o) => Date.parse(o.end)))
  return {plan, warnings, preview: preview(schedule, before, after, input, changedEnd)}
}

function planned(o: Override | LiveOverride, replaces: string | null): PlannedOverride {
  const base = {user: o.user, start: new Date(o.start).toISOString(), end: new Date(o.end).toISOString(), replaces}
  if (!('origin' in o)) return base
  return {...base, note: o.note, origin: o.origin.kind}
}

function layerShifts(schedule: Schedule, overrides: readonly {start: number; end: number}[], now: number): Shift[] {
  if (overrides.length === 0) return []
  const start = Math.min(now, ...overrides.map((o) => o.start))
  const end = Math.max(...overrides.map((o) => o.end))
  return computeShifts(schedule, {start, end}).final
}

/** The person the layers have on call for most of the override's span (null: nobody). */
function whoIsReplaced(layers: readonly Shift[], o: {start: number; end: number}): string | null {
  const time = new Map<string, number>()
  for (const s of layers) {
    const overlap = Math.min(s.end, o.end) - Math.max(s.start, o.start)
    if (overlap > 0) time.set(s.user, (time.get(s.user) ?? 0) + overlap)
  }
  let best: string | null = null
  let most = 0
  for (const [user, ms] of [...time].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (ms > most) {
      best = user
      most = ms
    }
  }
  return best
}

function span(o: {start: number; end: number}, schedule: Schedule): string {
  return `${formatStamp(o.start, schedule)} – ${formatStamp(o.end, schedule)} ${schedule.timeZone}`
}

function formatStamp(ms: number, schedule: Schedule): string {
  return formatInZone(ms, schedule.timeZone)
}

/** Who gains and loses on-call time because of the override changes (layers as desired, overrides before → after). */
function preview(
  schedule: Schedule,
  before: readonly (Override | LiveOverride)[],
  after: readonly (Override | LiveOverride)[],
  input: OverridePlanInput,
  changedEnd: number,
): ShiftPreview {
  const start = input.now.getTime()
  // Long enough to show every override the plan changes (a swap's second half may be weeks away), within the preview limit.
  const days = Math.min(MAX_PREVIEW_DAYS, Math.max(input.previewDays, Math.ceil((changedEnd - start) / DAY_MS)))
  const window = {start, end: start + days * DAY_MS}
  const layers = computeShifts(schedule, window).final
  const asOverrides = (list: readonly (Override | LiveOverride)[]): Override[] =>
    list.map((o) => ('origin' in o ? o : {schedule: schedule.key, user: o.user, start: o.start, end: o.end, note: null, origin: {kind: 'declared', index: -1}}))
  const shiftsBefore = overridesApplied(schedule, layers, asOverrides(before), window)
  const shiftsAfter = overridesApplied(schedule, layers, asOverrides(after), window)
  const emails = [...new Set([...shiftsBefore, ...shiftsAfter].map((s) => s.user))].sort()
  const names: Record<string, string> = {}
  for (const email of emails) {
    const name = input.names.get(email)
    if (name) names[email] = name
  }
  const iso = (ms: number) => new Date(ms).toISOString()
  const at = (shifts: readonly Shift[]) => shifts.find((s) => s.start <= start && start < s.end)?.user ?? null
  const MAX = 100
  return {
    schedule: schedule.key,
    kind: 'update',
    timeZone: schedule.timeZone,
    window: {start: iso(window.start), end: iso(window.end)},
    days,
    nowBefore: at(shiftsBefore),
    nowAfter: at(shiftsAfter),
    people: coverageDifference(shiftsBefore, shiftsAfter).map((p) => ({
      user: p.user,
      gained: p.gained.map((i) => ({start: iso(i.start), end: iso(i.end)})),
      lost: p.lost.map((i) => ({start: iso(i.start), end: iso(i.end)})),
    })),
    before: shiftsBefore.slice(0, MAX).map((s) => ({user: s.user, start: iso(s.start), end: iso(s.end)})),
    after: shiftsAfter.slice(0, MAX).map((s) => ({user: s.user, start: iso(s.start), end: iso(s.end)})),
    shiftCounts: {before: shiftsBefore.length, after: shiftsAfter.length},
    names,
  }
}
