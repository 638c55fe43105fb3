import {closest} from '../config/did-you-mean.js'
import type {EscalationPolicy, Schedule} from '../model/index.js'
import {computeShifts} from '../schedule/compute-shifts.js'
import {parseLocalDateTime} from '../schedule/local-time.js'
import type {OverrideLabel, Shift, TimeWindow} from '../schedule/shift.js'
import {ZoneClock} from '../schedule/zone-clock.js'
import {sourceName} from '../schedule/people.js'

/**
 * `oncall who`: who is on call at one moment, per schedule and per escalation level.
 * Shifts come from a pluggable source (the config through the engine by default; a live account
 * later), so this module never looks at where schedules are stored.
 */

/**
 * The final schedule of `schedule` within `window`, sorted by start: one person at a time for a
 * layer-based schedule, possibly several at once for a shift-based one (concurrent rotations).
 */
export type FinalShiftsSource = (schedule: Schedule, window: TimeWindow) => Promise<readonly Shift[]>

export const shiftsFromEngine: FinalShiftsSource = async (schedule, window) => computeShifts(schedule, window).final

export interface OnCallSource {
  readonly schedules: ReadonlyMap<string, Schedule>
  readonly escalationPolicies: ReadonlyMap<string, EscalationPolicy>
  readonly shiftsFor?: FinalShiftsSource
}

/** When to ask about: an instant, or a wall-clock time read in the zone of the schedule asked about. */
export type AtTime = {readonly kind: 'instant'; readonly ms: number} | {readonly kind: 'local'; readonly local: string}

/** A problem with the question (unknown name, bad time): one line for the user. */
export class WhoError extends Error {}

export interface OnCallShift {
  readonly user: string
  /** Null when the shift began more than LONG_LOOK before `at` (or, for `until`, ends after it). */
  readonly since: number | null
  readonly until: number | null
  /** Name of the layer (or, for a shift-based schedule, rotation) that put the person on call (config source only). */
  readonly layer: string | null
  /** Set when an override (or a time-off cover) put the person on call. */
  readonly override?: OverrideLabel
}

export interface ScheduleOnCall {
  readonly key: string
  readonly name: string
  readonly timeZone: string
  readonly at: number
  readonly onCall: OnCallShift | null
  /** The next person to come on call after the current shift (or gap), if within LONG_LOOK. */
  readonly next: OnCallShift | null
  /**
   * Present exactly for a shift-based schedule, whose rotations are concurrent: the others on call
   * at the same time as `onCall` (each shift once, so a person in two rotations appears twice),
   * and the others coming on at the same instant as `next` (an `everyone` event).
   */
  readonly concurrent?: {readonly onCall: readonly OnCallShift[]; readonly next: readonly OnCallShift[]}
}

export type LevelTarget = {readonly type: 'schedule'; readonly schedule: ScheduleOnCall} | {readonly type: 'user'; readonly email: string}

export interface PolicyLevel {
  /** 1-based, as PagerDuty shows them. */
  readonly level: number
  /** Minutes after the incident opens at which this level is notified (first pass). */
  readonly notifiedAfterMinutes: number
  readonly targets: readonly LevelTarget[]
}

export type WhoReport =
  | {readonly kind: 'schedules'; readonly at: AtTime; readonly schedules: readonly ScheduleOnCall[]}
  | {readonly kind: 'schedule'; readonly at: AtTime; readonly schedule: ScheduleOnCall}
  | {
      readonly kind: 'policy'
      readonly at: AtTime
      readonly policy: {readonly key: string; readonly name: string; readonly repeat: number; readonly instant: number}
      readonly levels: readonly PolicyLevel[]
    }

const DAY = 86_400_000
const SHORT_LOOK = 14 * DAY
const LONG_LOOK = 400 * DAY

/** `--at`: ISO date-time with `Z` or an offset, or a local `YYYY-MM-DD[THH:MM[:SS]]`. */
export function parseAt(text: string): AtTime {
  const trimmed = text.trim()
  if (/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?)?$/.test(trimmed)) {
    try {
      parseLocalDateTime(trimmed)
    } catch {
      throw new WhoError(`invalid time: ${text}`)
    }
    return {kind: 'local', local: trimmed}
  }
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i.test(trimmed)) {
    const ms = Date.parse(trimmed)
    if (!Number.isNaN(ms)) return {kind: 'instant', ms}
  }
  throw new WhoError(`invalid time: ${text} (use e.g. 2026-03-10T09:00 in the schedule's zone, or 2026-03-10T00:00Z)`)
}

function instantIn(at: AtTime, timeZone: string): number {
  return at.kind === 'instant' ? at.ms : ZoneClock.of(timeZone).toInstant(parseLocalDateTime(at.local))
}

/**
 * Answers for one schedule or policy (`target`, optionally prefixed `schedule:` / `policy:`),
 * or for every schedule when `target` is undefined.
 */
export async function whoIsOnCall(source: OnCallSource, target: string | undefined, at: AtTime): Promise<WhoReport> {
  const shiftsFor = source.shiftsFor ?? shiftsFromEngine
  if (target === undefined) {
    const keys = [...source.schedules.keys()].sort()
    const schedules: ScheduleOnCall[] = []
    for (const key of keys) {
      const schedule = source.schedules.get(key) as Schedule
      schedules.push(await scheduleOnCall(schedule, instantIn(at, schedule.timeZone), shiftsFor))
    }
    return {kind: 'schedules', at, schedules}
  }
  const resolved = resolveTarget(source, target)
  if (resolved.type === 'schedule') {
    const schedule = resolved.schedule
    return {kind: 'schedule', at, schedule: await scheduleOnCall(schedule, instantIn(at, schedule.timeZone), shiftsFor)}
  }
  const policy = resolved.policy
  // One instant for every level: a local time is read in the zone of the policy's first schedule.
  const firstSchedule = policy.rules.flatMap((r) => r.targets).find((t) => t.type === 'schedule')
  const zone = firstSchedule?.type === 'schedule' ? (source.schedules.get(firstSchedule.key)?.timeZone ?? 'UTC') : 'UTC'
  const instant = instantIn(at, zone)
  const levels: PolicyLevel[] = []
  let after = 0
  for (const [i, rule] of policy.rules.entries()) {
    const targets: LevelTarget[] = []
    for (const t of rule.targets) {
      if (t.type === 'user') targets.push({type: 'user', email: t.email})
      else {
        const schedule = source.schedules.get(t.key)
        if (!schedule) throw new WhoError(`escalation policy ${policy.key} targets unknown schedule ${t.key}`)
        targets.push({type: 'schedule', schedule: await scheduleOnCall(schedule, instant, shiftsFor)})
      }
    }
    levels.push({level: i + 1, notifiedAfterMinutes: after, targets})
    after += rule.delayMinutes
  }
  return {kind: 'policy', at, policy: {key: policy.key, name: policy.name, repeat: policy.repeat, instant}, levels}
}

function resolveTarget(
  source: OnCallSource,
  target: string,
): {type: 'schedule'; schedule: Schedule} | {type: 'policy'; policy: EscalationPolicy} {
  const m = /^(schedule|policy|escalation_policy):(.+)$/.exec(target)
  const kind = m?.[1]
  const key = m?.[2] ?? target
  const schedule = kind === undefined || kind === 'schedule' ? source.schedules.get(key) : undefined
  const policy = kind === undefined || kind !== 'schedule' ? source.escalationPolicies.get(key) : undefined
  if (schedule && policy) {
    throw new WhoError(`${key} is both a schedule and an escalation policy: write schedule:${key} or policy:${key}`)
  }
  if (schedule) return {type: 'schedule', schedule}
  if (policy) return {type: 'policy', policy}
  const known = [...source.schedules.keys(), ...source.escalationPolicies.keys()]
  // A near miss (typo) first, else keys that contain what was typed (`tokyo` → `tokyo-primary`).
  const nearest = closest(key, known)
  const close = nearest !== undefined ? [nearest] : [...new Set(known.filter((k) => k.includes(key)))].sort()
  const hint = close.length > 0 ? ` (did you mean ${close.slice(0, 3).join(', ')}?)` : ''
  throw new WhoError(`no schedule or escalation policy named ${key}${hint}`)
}

async function scheduleOnCall(schedule: Schedule, at: number, shiftsFor: FinalShiftsSource): Promise<ScheduleOnCall> {
  let answer = await lookAround(schedule, at, SHORT_LOOK, shiftsFor)
  // Long turns or long gaps: look further before reporting "unknown".
  if (answer.clipped) answer = await lookAround(schedule, at, LONG_LOOK, shiftsFor)
  const [onCall = null, ...alsoOnCall] = answer.onCall
  const [next = null, ...alsoNext] = answer.next
  const base = {key: schedule.key, name: schedule.name, timeZone: schedule.timeZone, at, onCall, next}
  return schedule.rotations === undefined ? base : {...base, concurrent: {onCall: alsoOnCall, next: alsoNext}}
}

/**
 * Who is on call at `at` (every shift containing it) and who comes on next (every shift starting
 * at the earliest start after `at`). A layer-based final schedule has at most one of each; a
 * shift-based one may have several (concurrent rotations, `everyone` events). Listed by start,
 * then person, then layer/rotation, so config and `--live` (which does not know rotations) agree.
 */
async function lookAround(
  schedule: Schedule,
  at: number,
  span: number,
  shiftsFor: FinalShiftsSource,
): Promise<{onCall: OnCallShift[]; next: OnCallShift[]; clipped: boolean}> {
  const window = {start: at - span, end: at + span}
  const shifts = await shiftsFor(schedule, window)
  const view = (s: Shift): OnCallShift => ({
    user: s.user,
    since: s.start <= window.start ? null : s.start,
    until: s.end >= window.end ? null : s.end,
    layer: sourceName(schedule, s.layer) ?? null,
    ...(s.override ? {override: s.override} : {}),
  })
  const order = (a: Shift, b: Shift) => a.start - b.start || (a.user < b.user ? -1 : a.user > b.user ? 1 : 0) || a.layer - b.layer
  const current = shifts.filter((s) => s.start <= at && s.end > at).sort(order)
  const firstStart = shifts.reduce((min, s) => (s.start > at && s.start < min ? s.start : min), Number.POSITIVE_INFINITY)
  const upcoming = shifts.filter((s) => s.start === firstStart).sort(order)
  const onCall = current.map(view)
  const next = upcoming.map(view)
  const clipped = onCall.some((s) => s.since === null || s.until === null) || next.length === 0 || next.some((s) => s.until === null)
  return {onCall, next, clipped}
}
