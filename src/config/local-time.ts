import {DateTime} from 'luxon'
import type {LocalDateTime, TimeOfDay, Weekday} from '../model/time.js'
import {WEEKDAY_NAMES} from '../model/time.js'

/**
 * Parsing and arithmetic of wall-clock values. Computations here are pure local-calendar
 * arithmetic, done with luxon in UTC used as a zone-less calendar: a schedule's local times
 * must not move when its zone skips or repeats an hour (see docs/language.md "Layer timing rules").
 */
const CALENDAR = {zone: 'utc'} as const

/**
 * `2026-01-05`, `2026-01-05T10:00` or `2026-01-05T10:00:30` → `2026-01-05T00:00` /
 * `2026-01-05T10:00` / `2026-01-05T10:00:30` (`:00` seconds dropped, so one instant has one
 * spelling); undefined if no such date.
 */
export function toLocalDateTime(text: string): LocalDateTime | undefined {
  const withTime = text.includes('T') ? text : `${text}T00:00`
  const withSeconds = withTime.length === 16 ? `${withTime}:00` : withTime
  const parsed = DateTime.fromFormat(withSeconds, "yyyy-MM-dd'T'HH:mm:ss", CALENDAR)
  return parsed.isValid ? withoutZeroSeconds(withSeconds) : undefined
}

/** `HH:MM:00` → `HH:MM` (also at the end of a date-time); anything else unchanged. */
export function withoutZeroSeconds<T extends string>(text: T): T {
  return (/(^|T|\s)\d{2}:\d{2}:00$/.test(text) ? text.slice(0, -3) : text) as T
}

/** `mon` (any case) → 1 ... `sun` → 7. */
export function weekdayNumber(name: string): Weekday | undefined {
  const i = (WEEKDAY_NAMES as readonly string[]).indexOf(name.toLowerCase())
  return i < 0 ? undefined : ((i + 1) as Weekday)
}

/** `mon 09:00` → {day: 1, time: '09:00'}; `mon 09:00:30` → {day: 1, time: '09:00:30'}. */
export function parseWeeklyTime(text: string): {day: Weekday; time: TimeOfDay} | undefined {
  const match = /^([a-zA-Z]{3}) (\d{2}:\d{2}(?::\d{2})?)$/.exec(text)
  const day = match ? weekdayNumber(match[1] ?? '') : undefined
  return match && day && isTimeOfDay(match[2] ?? '') ? {day, time: withoutZeroSeconds(match[2] ?? '')} : undefined
}

/** `HH:MM` or `HH:MM:SS` on a 24 h clock. */
export function isTimeOfDay(text: string): boolean {
  return /^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/.test(text)
}

/** Minutes since midnight of `HH:MM` (seconds ignored). */
export function minuteOfDay(time: TimeOfDay): number {
  const [h, m] = time.split(':').map(Number)
  return (h ?? 0) * 60 + (m ?? 0)
}

/**
 * The first local date-time at or after `start` that falls on `time` (and on `day`, when
 * given): where a daily/weekly rotation anchored by a handoff time first hands off.
 */
export function firstHandoffAtOrAfter(start: LocalDateTime, time: TimeOfDay, day?: Weekday): LocalDateTime {
  const from = DateTime.fromISO(start, CALENDAR)
  const [hour, minute, second] = time.split(':').map(Number)
  let candidate = from.set({hour, minute, second: second ?? 0, millisecond: 0})
  if (day !== undefined) candidate = candidate.plus({days: (day - candidate.weekday + 7) % 7})
  if (candidate < from) candidate = candidate.plus({days: day === undefined ? 1 : 7})
  return withoutZeroSeconds(candidate.toFormat("yyyy-MM-dd'T'HH:mm:ss"))
}

/** Whether local date-time `a` is strictly before `b` (same format, so string order is time order). */
export function isBefore(a: LocalDateTime, b: LocalDateTime): boolean {
  return a < b
}

/** `2026-12-27` → `2026-12-28T00:00`: a written last day of time off lasts through its end. */
export function midnightAfter(date: string): LocalDateTime | undefined {
  const parsed = DateTime.fromFormat(date, 'yyyy-MM-dd', CALENDAR)
  return parsed.isValid ? parsed.plus({days: 1}).toFormat("yyyy-MM-dd'T'HH:mm") : undefined
}
