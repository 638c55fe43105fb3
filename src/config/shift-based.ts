import type {Rollout, ShiftEvent, ShiftRotation} from '../model/schedule.js'
import {toLocalDateTime} from './local-time.js'
import {defaultRotationName} from '../model/rotation-name.js'
import type {WrittenRepeat, WrittenRollout, WrittenRotation, WrittenShiftEvent} from './written.js'

/** RFC 5545 day codes of our weekday names. */
const DAY_CODES: Record<string, string> = {mon: 'MO', tue: 'TU', wed: 'WE', thu: 'TH', fri: 'FR', sat: 'SA', sun: 'SU'}

/**
 * The recurrence lines of a written `repeat` (docs/shift-based-schedules.md, "Language"). Each
 * form is one RRULE; `rrule:` passes its text through (after "RRULE:"), and may carry EXDATE/RDATE
 * lines after a newline.
 */
export function repeatToRecurrence(repeat: WrittenRepeat): string[] {
  if (repeat === 'daily') return ['RRULE:FREQ=DAILY']
  if (repeat === 'weekly') return ['RRULE:FREQ=WEEKLY']
  if (repeat === 'weekdays') return ['RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR']
  if ('every_days' in repeat) return [repeat.every_days === 1 ? 'RRULE:FREQ=DAILY' : `RRULE:FREQ=DAILY;INTERVAL=${repeat.every_days}`]
  if ('every_weeks' in repeat) {
    const parts = ['FREQ=WEEKLY']
    if (repeat.every_weeks !== 1) parts.push(`INTERVAL=${repeat.every_weeks}`)
    if (repeat.on !== undefined) parts.push(`BYDAY=${repeat.on.map((d) => DAY_CODES[d.toLowerCase()] ?? d).join(',')}`)
    return [`RRULE:${parts.join(';')}`]
  }
  const [rule = '', ...rest] = repeat.rrule.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '')
  return [rule.toUpperCase().startsWith('RRULE:') ? rule : `RRULE:${rule}`, ...rest]
}

/** Model rotations of a shift-based schedule (schema-valid input; semantic checks are rules/shift-events.ts). */
export function normalizeRotations(
  rotations: readonly WrittenRotation[],
  scheduleZone: string,
  refer: (email: string) => string,
  zone: (name: string) => string,
  scheduleRollout?: WrittenRollout,
): ShiftRotation[] {
  return rotations.map((r, i) => ({name: r.name ?? defaultRotationName(i + 1), events: r.events.map((e, j) => shiftEvent(e, j, scheduleZone, refer, zone, scheduleRollout))}))
}

/** The model's rollout of a written one (layers and events). */
export function rolloutOf(r: WrittenRollout): Rollout {
  return typeof r === 'string' ? {kind: r} : {kind: 'at', at: r.at}
}

function shiftEvent(
  e: WrittenShiftEvent,
  index: number,
  scheduleZone: string,
  refer: (email: string) => string,
  zone: (name: string) => string,
  scheduleRollout: WrittenRollout | undefined,
): ShiftEvent {
  const written = e.rollout ?? scheduleRollout
  const local = (text: string | undefined) => (text === undefined ? null : (toLocalDateTime(text) ?? text))
  return {
    name: e.name ?? `Event ${index + 1}`,
    timeZone: e.time_zone === undefined ? scheduleZone : zone(e.time_zone),
    start: local(e.start) ?? e.start,
    end: local(e.end) ?? e.end,
    recurrence: repeatToRecurrence(e.repeat),
    members: e.members.map(refer),
    assignment: e.everyone === true ? {kind: 'every'} : {kind: 'rotating', shiftsPerMember: e.shifts_per_member ?? 1},
    effectiveFrom: local(e.effective_from),
    effectiveUntil: local(e.effective_until),
    // Only when written, as for layers: configs without it keep their canonical form.
    ...(written === undefined ? {} : {rollout: rolloutOf(written)}),
  }
}
