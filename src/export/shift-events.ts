import {formatDuration} from '../config/duration.js'
import type {Schedule} from '../model/index.js'
import {LIVE_FINAL_SCHEDULE, type Shift} from '../schedule/shift.js'
import type {EventDraft} from './calendar-feed.js'
import {describePolicyUse, type PolicyUse} from './escalation-levels.js'
import {formatLocalWithOffset} from './local-time-format.js'
import {shiftUid, type FeedKind} from './shift-uid.js'
import {sourceName} from '../schedule/people.js'

/** Everything needed to describe the shifts of one schedule. */
export interface ScheduleShifts {
  readonly schedule: Schedule
  /** The final (rendered) schedule, sorted by start; neighbours give the handoffs. */
  readonly shifts: readonly Shift[]
  readonly policies: readonly PolicyUse[]
}

export function shiftSummary(scheduleName: string, personName: string): string {
  return `On call: ${scheduleName} (${personName})`
}

const localTime = formatLocalWithOffset

/** `rotation`: a shift-based schedule's rotation, whose own gaps these are (other rotations may cover them). */
function handoffLine(prev: Shift | undefined, next: Shift | undefined, nameOf: (email: string) => string, rotation?: string): string {
  const gap = rotation === undefined ? 'nobody on call' : `nobody on call in rotation ${rotation}`
  const from = prev ? `takes over from ${nameOf(prev.user)}` : `starts after a gap (${gap})`
  const to = next ? `hands off to ${nameOf(next.user)}` : `ends in a gap (${gap})`
  return `Handoff: ${from}; ${to}.`
}

/** The escalation line of every event of a schedule: built once per schedule, not per shift or person. */
export function escalationText(policies: readonly PolicyUse[]): string {
  return policies.length > 0
    ? `Escalation policies paging this schedule: ${policies.map(describePolicyUse).join('; ')}.`
    : 'No escalation policy pages this schedule.'
}

/** True when shift `s` overlaps [start, end). */
export function inWindow(s: Shift, window: {readonly start: number; readonly end: number}): boolean {
  return s.end > window.start && s.start < window.end
}

/**
 * Event drafts for the shifts of one schedule that overlap [from, to) — written whole, not cut at
 * the window, so an event's times and UID do not change as the export window slides day by day.
 * `onlyUser` restricts the result to one person (their personal feed).
 */
export function shiftEventDrafts(
  input: ScheduleShifts,
  feed: FeedKind,
  window: {readonly start: number; readonly end: number},
  nameOf: (email: string) => string,
  onlyUser?: string,
): EventDraft[] {
  const escalation = escalationText(input.policies)
  const drafts: EventDraft[] = []
  input.shifts.forEach((s, i) => {
    if (!inWindow(s, window)) return
    if (onlyUser !== undefined && s.user !== onlyUser) return
    drafts.push(shiftEventDraft(input, i, feed, nameOf, escalation))
  })
  return drafts
}

/**
 * The shifts before and after shift `index` that hand off to and from it. A layer-based final
 * schedule has one person at a time, so these are its list neighbours. A shift-based schedule's
 * rotations run at once, so the handoff is within the shift's own rotation (Shift.layer): the
 * shift of that rotation ending where this one starts, and the one starting where it ends.
 */
function handoffNeighbours(schedule: Schedule, shifts: readonly Shift[], index: number): {prev: Shift | undefined; next: Shift | undefined} {
  const s = shifts[index] as Shift
  if (schedule.rotations === undefined) {
    const prev = shifts[index - 1]
    const next = shifts[index + 1]
    return {prev: prev?.end === s.start ? prev : undefined, next: next?.start === s.end ? next : undefined}
  }
  let prev: Shift | undefined
  for (let j = index - 1; j >= 0 && prev === undefined; j--) {
    const p = shifts[j] as Shift
    if (p.layer === s.layer && p.end === s.start) prev = p
  }
  let next: Shift | undefined
  for (let j = index + 1; j < shifts.length && next === undefined; j++) {
    const n = shifts[j] as Shift
    if (n.start > s.end) break // sorted by start: nothing later can start at s.end
    if (n.layer === s.layer && n.start === s.end) next = n
  }
  return {prev, next}
}

/**
 * The UID of shift `index`: schedule, person and start identify a shift, except in a shift-based
 * schedule where one person is in two concurrent rotations that start together (they are
 * double-booked, which the team rules report); the second such shift adds its rotation's name
 * so that the two events keep distinct UIDs.
 */
function uidOf(schedule: Schedule, shifts: readonly Shift[], index: number, feed: FeedKind): string {
  const s = shifts[index] as Shift
  let twin = false
  for (let j = index - 1; j >= 0 && (shifts[j] as Shift).start === s.start && !twin; j--) twin = (shifts[j] as Shift).user === s.user
  const scheduleKey = twin ? `${schedule.key}\u0000${sourceName(schedule, s.layer) ?? s.layer}` : schedule.key
  return shiftUid(feed, scheduleKey, s.user, s.start)
}

/** The event of shift `index` of a schedule (its handoff neighbours give the handoff line). */
export function shiftEventDraft(
  input: ScheduleShifts,
  index: number,
  feed: FeedKind,
  nameOf: (email: string) => string,
  escalation: string,
): EventDraft {
  const {schedule, shifts} = input
  const s = shifts[index] as Shift
  const {prev, next} = handoffNeighbours(schedule, shifts, index)
  const word = schedule.rotations !== undefined ? 'rotation' : 'layer'
  const layer = s.layer === LIVE_FINAL_SCHEDULE ? "the account's final schedule" : (sourceName(schedule, s.layer) ?? `${word} ${s.layer + 1}`)
  const person = nameOf(s.user)
  const label = overrideLabel(s, nameOf)
  return {
    uid: uidOf(schedule, shifts, index, feed),
    start: s.start,
    end: s.end,
    summary: shiftSummary(schedule.name, person) + (label ? ` [${label.short}]` : ''),
    description: [
      label ? `${person} is on call for ${schedule.name} (${label.long}).` : `${person} is on call for ${schedule.name} (${word}: ${layer}).`,
      `From ${localTime(s.start, schedule.timeZone)} to ${localTime(s.end, schedule.timeZone)} (${schedule.timeZone}), ${formatDuration((s.end - s.start) / 1000)}.`,
      handoffLine(prev, next, nameOf, schedule.rotations !== undefined && s.layer !== LIVE_FINAL_SCHEDULE ? layer : undefined),
      escalation,
    ].join('\n'),
  }
}

/** How an override-derived shift is labelled: short in SUMMARY, long in DESCRIPTION. */
export function overrideLabel(s: Shift, nameOf: (email: string) => string): {short: string; long: string} | undefined {
  const o = s.override
  if (!o) return undefined
  const note = o.note ? `: ${o.note}` : ''
  if (o.kind === 'time_off') {
    const who = o.replaces ? nameOf(o.replaces) : 'someone'
    return {short: 'covering time off', long: `override covering ${who}'s time off${note}`}
  }
  if (o.kind === 'outside') return {short: 'override', long: 'override made outside the config (in PagerDuty)'}
  return {short: 'override', long: `override${note}`}
}
