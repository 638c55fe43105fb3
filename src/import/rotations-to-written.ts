/**
 * A shift-based schedule's model rotations → the `rotations:` a person would write (the inverse
 * of src/config/shift-based.ts normalizeRotations). Pure.
 *
 * The aim is that normalizeRotations(written) gives back the very same model rotations, so an
 * imported config plans empty: every default is left out only where it reads back the same
 * (check-expressible.ts checks the whole schedule afterwards).
 */
import {repeatToRecurrence} from '../config/shift-based.js'
import type {WrittenRepeat, WrittenRotation, WrittenShiftEvent} from '../config/written.js'
import type {ShiftEvent, ShiftRotation} from '../model/schedule.js'

const DAY_NAMES: Readonly<Record<string, string>> = {MO: 'mon', TU: 'tue', WE: 'wed', TH: 'thu', FR: 'fri', SA: 'sat', SU: 'sun'}

export function writtenRotations(rotations: readonly ShiftRotation[], scheduleZone: string): WrittenRotation[] {
  return rotations.map((r, i) => ({
    ...(r.name === `Rotation ${i + 1}` ? {} : {name: r.name}),
    events: r.events.map((e, j) => writtenEvent(e, j, scheduleZone)),
  }))
}

function writtenEvent(e: ShiftEvent, index: number, scheduleZone: string): WrittenShiftEvent {
  const effectiveFrom = e.effectiveFrom !== null && e.effectiveFrom > e.start ? e.effectiveFrom : null
  return {
    ...(e.name === `Event ${index + 1}` ? {} : {name: e.name}),
    ...(e.timeZone === scheduleZone ? {} : {time_zone: e.timeZone}),
    start: e.start,
    end: e.end,
    repeat: writtenRepeat(e.recurrence),
    members: [...e.members],
    ...(e.assignment.kind === 'every' ? {everyone: true} : e.assignment.shiftsPerMember === 1 ? {} : {shifts_per_member: e.assignment.shiftsPerMember}),
    // Before `start` an event has no occurrence to cut, so an earlier effective_from says nothing.
    ...(effectiveFrom === null ? {} : {effective_from: dateOrDateTime(effectiveFrom)}),
    ...(e.effectiveUntil === null ? {} : {effective_until: dateOrDateTime(e.effectiveUntil)}),
  }
}

/**
 * The shortest `repeat` whose recurrence lines are exactly `recurrence`, else `{rrule}` with the
 * lines as they are. Exactly, not just "means the same": the plan compares recurrences as text,
 * so `FREQ=WEEKLY;INTERVAL=1` written as `weekly` would read back as another rule and plan an
 * event change. A rule that matches no short form is passed through unchanged.
 */
export function writtenRepeat(recurrence: readonly string[]): WrittenRepeat {
  const exact = (candidate: WrittenRepeat) => sameLines(repeatToRecurrence(candidate), recurrence)
  for (const candidate of shortForms(recurrence)) if (exact(candidate)) return candidate
  const [rule = '', ...rest] = recurrence
  return {rrule: [rule.replace(/^RRULE:/i, ''), ...rest].join('\n')}
}

/** The short forms a single RRULE could be, shortest first (each is checked by writtenRepeat). */
function shortForms(recurrence: readonly string[]): WrittenRepeat[] {
  if (recurrence.length !== 1) return []
  const parts = new Map(
    (recurrence[0] ?? '')
      .replace(/^RRULE:/i, '')
      .split(';')
      .map((p) => p.split('=') as [string, string]),
  )
  const interval = Number(parts.get('INTERVAL') ?? '1')
  if (!Number.isInteger(interval) || interval < 1) return []
  const freq = parts.get('FREQ')
  if (freq === 'DAILY') return ['daily', {every_days: interval}]
  if (freq !== 'WEEKLY') return []
  const byDay = parts.get('BYDAY')
  const on = byDay?.split(',').map((d) => DAY_NAMES[d])
  if (on?.some((d) => d === undefined)) return []
  const forms: WrittenRepeat[] = ['weekly', 'weekdays']
  forms.push(on === undefined ? {every_weeks: interval} : {every_weeks: interval, on: on as string[]})
  return forms
}

function sameLines(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((line, i) => line === b[i])
}

/** `2026-02-01T00:00` → `2026-02-01` (a date means local midnight in the language). */
function dateOrDateTime(local: string): string {
  return local.endsWith('T00:00') ? local.slice(0, 10) : local
}
