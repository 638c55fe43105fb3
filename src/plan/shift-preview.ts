import {scheduleLoad, type ScheduleLoad} from '../health/load.js'
import {holidayIntervals} from '../health/public-holidays.js'
import type {HealthSettings} from '../health/settings.js'
import type {Schedule} from '../model/schedule.js'
import {HOUR_MS} from '../schedule/local-time.js'
import {computeShifts} from '../schedule/compute-shifts.js'
import {subtractIntervals, unionOf, type Interval} from '../schedule/interval.js'

export {subtractIntervals}
import type {Shift} from '../schedule/shift.js'
import type {Change, ChangeKind} from './change.js'

/**
 * What a schedule change means in people and time: who gains and who loses on-call time in the
 * next days, computed with the schedule engine from the live layers (`before`) and the desired
 * layers (`after`). Reviewers read "Ken gains the week of 9 March" more easily than a changed
 * `layers[0].users` list. Instants are ISO 8601 UTC strings so that plan files stay plain JSON;
 * renderers show them on the schedule's wall clock.
 */
export interface ShiftPreview {
  /** Schedule key. */
  readonly schedule: string
  readonly kind: ChangeKind
  /** The schedule's IANA zone (desired side, else live side): renderers show local times there. */
  readonly timeZone: string
  /** [start, end) of the preview, ISO UTC; start is the plan's `now` rounded down to the minute. */
  readonly window: {readonly start: string; readonly end: string}
  readonly days: number
  /** Email of whoever is on call at the window's start per the live layers (null: nobody, or no live schedule). */
  readonly nowBefore: string | null
  /** The same per the desired layers (null: nobody, or the schedule is deleted). */
  readonly nowAfter: string | null
  /**
   * Present when either side is shift-based, whose rotations run at once: everyone on call at the
   * window's start on each side (sorted emails, each once). nowBefore/nowAfter name the first.
   */
  readonly onCallNow?: {readonly before: readonly string[]; readonly after: readonly string[]}
  /** Per person whose coverage changes, sorted by email: intervals gained and lost. */
  readonly people: readonly PersonShiftChange[]
  /**
   * The final schedule of each side within the window (adjacent pieces of one person merged),
   * earliest first, at most MAX_PREVIEW_SHIFTS each: enough for a chart, small in plan files.
   */
  readonly before: readonly PreviewShift[]
  readonly after: readonly PreviewShift[]
  /** How many shifts each side has in the window (before/after may hold fewer). */
  readonly shiftCounts: {readonly before: number; readonly after: number}
  /** Display names the desired state (else the account) knows, for every email in this preview. */
  readonly names: Readonly<Record<string, string>>
  /**
   * Per person whose load in the window changes, sorted by email: the figures of `oncall report`
   * before and after (who gets more nights, who loses a weekend).
   */
  readonly loadDeltas?: readonly PersonLoadDelta[]
}

/** Hours to two decimals, the longest streak in days on the schedule's clock. */
export interface LoadFigures {
  readonly hours: number
  readonly shifts: number
  readonly nightHours: number
  readonly weekendHours: number
  readonly holidayHours: number
  readonly longestStreakDays: number
}

export interface PersonLoadDelta {
  readonly user: string
  readonly before: LoadFigures
  readonly after: LoadFigures
}

export interface PreviewInterval {
  readonly start: string
  readonly end: string
}

export interface PreviewShift extends PreviewInterval {
  readonly user: string
}

export interface PersonShiftChange {
  readonly user: string
  readonly gained: readonly PreviewInterval[]
  readonly lost: readonly PreviewInterval[]
}

export const DEFAULT_PREVIEW_DAYS = 28
export const MAX_PREVIEW_DAYS = 90
export const MAX_PREVIEW_SHIFTS = 100
const DAY_MS = 86_400_000
const MINUTE_MS = 60_000

export interface ShiftPreviewOptions {
  /** The plan's instant: the window starts here (injected, so the preview is deterministic). */
  readonly now: Date
  readonly days: number
  /** Display name by email; people without one are shown by email. */
  readonly names: ReadonlyMap<string, string>
  /** Holiday calendars and night hours for the load deltas (absent: no holidays, nights 22:00–07:00). */
  readonly health?: HealthSettings
  /** People's own zones (nights and weekends are counted there). */
  readonly userZones?: ReadonlyMap<string, string>
}

/** One preview per schedule change (create, update, adopt, delete), in the order of the changes. */
export function shiftPreviews(changes: readonly Change[], options: ShiftPreviewOptions): ShiftPreview[] {
  if (options.days <= 0) return []
  const out: ShiftPreview[] = []
  for (const c of changes) {
    if (c.type !== 'schedule') continue
    const before = c.kind === 'create' ? null : (c.before as Schedule)
    const after = c.kind === 'delete' ? null : (c.after as Schedule)
    // A preview is a reading aid: a schedule the engine cannot render (e.g. a zone this runtime
    // does not know) gets none rather than failing the plan.
    try {
      out.push(previewSchedule(c.key, c.kind, before, after, options))
    } catch {
      continue
    }
  }
  return out
}

/** The preview of one schedule going from `before` to `after` (null: the side has no schedule). */
export function previewSchedule(
  key: string,
  kind: ChangeKind,
  before: Schedule | null,
  after: Schedule | null,
  options: ShiftPreviewOptions,
): ShiftPreview {
  // From the minute, not the millisecond: the same config and account planned twice within a
  // minute give byte-identical plan JSON and PR comments.
  const start = Math.floor(options.now.getTime() / MINUTE_MS) * MINUTE_MS
  const window = {start, end: start + options.days * DAY_MS}
  const shiftsBefore = before === null ? [] : computeShifts(before, window).final
  const shiftsAfter = after === null ? [] : computeShifts(after, window).final
  const people = coverageDifference(shiftsBefore, shiftsAfter)
  const emails = new Set([...shiftsBefore, ...shiftsAfter].map((s) => s.user))
  const names: Record<string, string> = {}
  for (const email of [...emails].sort()) {
    const name = options.names.get(email)
    if (name !== undefined && name !== '') names[email] = name
  }
  return {
    schedule: key,
    kind,
    timeZone: (after ?? before)?.timeZone ?? 'UTC',
    window: {start: iso(window.start), end: iso(window.end)},
    days: options.days,
    nowBefore: onCallAt(shiftsBefore, start),
    nowAfter: onCallAt(shiftsAfter, start),
    ...(before?.rotations !== undefined || after?.rotations !== undefined
      ? {onCallNow: {before: everyoneAt(shiftsBefore, start), after: everyoneAt(shiftsAfter, start)}}
      : {}),
    people: people.map((p) => ({user: p.user, gained: p.gained.map(isoInterval), lost: p.lost.map(isoInterval)})),
    before: shiftsBefore.slice(0, MAX_PREVIEW_SHIFTS).map(isoShift),
    after: shiftsAfter.slice(0, MAX_PREVIEW_SHIFTS).map(isoShift),
    shiftCounts: {before: shiftsBefore.length, after: shiftsAfter.length},
    names,
    loadDeltas: loadDeltas(key, before, shiftsBefore, after, shiftsAfter, window, options),
  }
}

/** The report's figures per person on both sides; people whose figures are all equal are left out. */
function loadDeltas(
  key: string,
  before: Schedule | null,
  shiftsBefore: readonly Shift[],
  after: Schedule | null,
  shiftsAfter: readonly Shift[],
  window: {start: number; end: number},
  options: ShiftPreviewOptions,
): PersonLoadDelta[] {
  const calendar = options.health?.holidaysBySchedule.get(key)
  const holidays = calendar === undefined ? [] : holidayIntervals(calendar, window)
  const loadOf = (schedule: Schedule | null, shifts: readonly Shift[]): ScheduleLoad | null =>
    schedule === null
      ? null
      : scheduleLoad(
          {schedule: key, timeZone: schedule.timeZone, teams: schedule.teams, shifts, holidays},
          {window, userZones: options.userZones ?? new Map(), ...(options.health ? {nights: options.health.nights} : {})},
        )
  const b = loadOf(before, shiftsBefore)
  const a = loadOf(after, shiftsAfter)
  const users = [...new Set([...(b?.people ?? []), ...(a?.people ?? [])].map((p) => p.user))].sort()
  const out: PersonLoadDelta[] = []
  for (const user of users) {
    const was = figures(b?.people.find((p) => p.user === user))
    const will = figures(a?.people.find((p) => p.user === user))
    if (JSON.stringify(was) !== JSON.stringify(will)) out.push({user, before: was, after: will})
  }
  return out
}

function figures(p: ScheduleLoad['people'][number] | undefined): LoadFigures {
  const h = (ms: number) => Math.round((ms / HOUR_MS) * 100) / 100
  if (p === undefined) return {hours: 0, shifts: 0, nightHours: 0, weekendHours: 0, holidayHours: 0, longestStreakDays: 0}
  return {
    hours: h(p.onCallMs),
    shifts: p.shifts,
    nightHours: h(p.nightMs),
    weekendHours: h(p.weekendMs),
    holidayHours: h(p.holidayMs),
    longestStreakDays: Math.round((p.longestStreak?.days ?? 0) * 100) / 100,
  }
}

/**
 * The set difference of (person, instant) coverage between two final schedules: for each person,
 * the time they are on call after but not before (gained) and before but not after (lost), as
 * merged intervals. People whose coverage is the same on both sides are left out.
 */
export function coverageDifference(
  before: readonly Shift[],
  after: readonly Shift[],
): {user: string; gained: Interval[]; lost: Interval[]}[] {
  const b = coverageByUser(before)
  const a = coverageByUser(after)
  const users = [...new Set([...b.keys(), ...a.keys()])].sort()
  const out: {user: string; gained: Interval[]; lost: Interval[]}[] = []
  for (const user of users) {
    const was = b.get(user) ?? []
    const will = a.get(user) ?? []
    const gained = subtractIntervals(will, was)
    const lost = subtractIntervals(was, will)
    if (gained.length > 0 || lost.length > 0) out.push({user, gained, lost})
  }
  return out
}

function coverageByUser(shifts: readonly Shift[]): Map<string, Interval[]> {
  const out = new Map<string, Interval[]>()
  for (const s of shifts) {
    const list = out.get(s.user) ?? []
    list.push({start: s.start, end: s.end})
    out.set(s.user, list)
  }
  for (const [user, list] of out) out.set(user, unionOf(list))
  return out
}

function onCallAt(shifts: readonly Shift[], instant: number): string | null {
  return shifts.find((s) => s.start <= instant && instant < s.end)?.user ?? null
}

/** Everyone on call at `instant` (a shift-based schedule can have several), sorted, each once. */
function everyoneAt(shifts: readonly Shift[], instant: number): string[] {
  return [...new Set(shifts.filter((s) => s.start <= instant && instant < s.end).map((s) => s.user))].sort()
}

function iso(ms: number): string {
  return new Date(ms).toISOString()
}

function isoInterval(i: Interval): PreviewInterval {
  return {start: iso(i.start), end: iso(i.end)}
}

function isoShift(s: Shift): PreviewShift {
  return {user: s.user, start: iso(s.start), end: iso(s.end)}
}
