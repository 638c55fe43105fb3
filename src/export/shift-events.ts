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

function handoffLine(prev: Shift | undefined, next: Shift | undefined, nameOf: (email: string) => string): string {
  const from = prev ? `takes over from ${nameOf(prev.user)}` : 'starts after a gap (nobody on call)'
  const to = next ? `hands off to ${nameOf(next.user)}` : 'ends in a gap (nobody on call)'
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

/** The event of shift `index` of a schedule (its neighbours give the handoff line). */
export function shiftEventDraft(
  input: ScheduleShifts,
  index: number,
  feed: FeedKind,
  nameOf: (email: string) => string,
  escalation: string,
): EventDraft {
  const {schedule, shifts} = input
  const s = shifts[index] as Shift
  const prev = shifts[index - 1]
  const next = shifts[index + 1]
  const layer = s.layer === LIVE_FINAL_SCHEDULE ? "the account's final schedule" : (sourceName(schedule, s.layer) ?? `layer ${s.layer + 1}`)
  const person = nameOf(s.user)
  const label = overrideLabel(s, nameOf)
  return {
    uid: shiftUid(feed, schedule.key, s.user, s.start),
    start: s.start,
    end: s.end,
    summary: shiftSummary(schedule.name, person) + (label ? ` [${label.short}]` : ''),
    description: [
      label ? `${person} is on call for ${schedule.name} (${label.long}).` : `${person} is on call for ${schedule.name} (layer: ${layer}).`,
      `From ${localTime(s.start, schedule.timeZone)} to ${localTime(s.end, schedule.timeZone)} (${schedule.timeZone}), ${formatDuration((s.end - s.start) / 1000)}.`,
      handoffLine(prev?.end === s.start ? prev : undefined, next?.start === s.end ? next : undefined, nameOf),
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
