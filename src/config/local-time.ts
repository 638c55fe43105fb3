import type {LocalDateTime, TimeOfDay, Weekday} from '../model/time.js'
import {WEEKDAY_NAMES} from '../model/time.js'

/**
 * Parsing and arithmetic of wall-clock values. Computations here are pure local-calendar
 * arithmetic on a zone-less (proleptic Gregorian) calendar: a schedule's local times must not move
 * when its zone skips or repeats an hour (see docs/language.md "Layer timing rules"). They were
 * written with luxon in UTC; plain Date.UTC arithmetic gives the same answers (local-time.test.ts
 * compares them with luxon) at a fraction of the cost: every layer of a config asks, and luxon's
 * format parser was a quarter of loading a large config (issue 14).
 */
const DAY_MS = 86_400_000
/** The Gregorian calendar repeats every 400 years (146,097 days, whole weeks): years are shifted by it so Date.UTC never reads 0–99 as 1900–1999. */
const YEAR_SHIFT = 400
const SHIFT_MS = 146_097 * DAY_MS

/** ms of a calendar reading; hour 24 (with zero minutes and seconds, as luxon allowed) is the next midnight. */
function calendarMs(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  return Date.UTC(year + YEAR_SHIFT, month - 1, day, hour, minute, second) - SHIFT_MS
}

/** `yyyy-MM-ddTHH:mm:ss` (or `yyyy-MM-ddTHH:mm` with `seconds: false`) of calendarMs's reading. */
function formatCalendar(ms: number, seconds: boolean): string {
  const d = new Date(ms + SHIFT_MS)
  const two = (n: number) => String(n).padStart(2, '0')
  const date = `${String(d.getUTCFullYear() - YEAR_SHIFT).padStart(4, '0')}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())}`
  return `${date}T${two(d.getUTCHours())}:${two(d.getUTCMinutes())}${seconds ? `:${two(d.getUTCSeconds())}` : ''}`
}

/** Whether the numbers name an existing date and time (luxon's rules: hour 24 only as 24:00:00). */
function existing(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): boolean {
  if (month < 1 || month > 12 || day < 1) return false
  const daysInMonth = new Date(Date.UTC(year + YEAR_SHIFT, month, 0)).getUTCDate()
  const hourOk = hour <= 23 || (hour === 24 && minute === 0 && second === 0)
  return day <= daysInMonth && hourOk && minute <= 59 && second <= 59
}

const DATE_TIME_SECONDS = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})$/i
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/**
 * `2026-01-05`, `2026-01-05T10:00` or `2026-01-05T10:00:30` → `2026-01-05T00:00` /
 * `2026-01-05T10:00` / `2026-01-05T10:00:30` (`:00` seconds dropped, so one instant has one
 * spelling); undefined if no such date.
 */
export function toLocalDateTime(text: string): LocalDateTime | undefined {
  const withTime = text.includes('T') ? text : `${text}T00:00`
  const withSeconds = withTime.length === 16 ? `${withTime}:00` : withTime
  const m = DATE_TIME_SECONDS.exec(withSeconds)
  if (!m) return undefined
  const [year, month, day, hour, minute, second] = m.slice(1).map(Number) as [number, number, number, number, number, number]
  return existing(year, month, day, hour, minute, second) ? withoutZeroSeconds(withSeconds) : undefined
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
  const m = DATE_TIME.exec(start)
  if (!m) throw new Error(`invalid local date-time: ${start}`)
  const [year, month, date, hour, minute, second] = m.slice(1).map((v) => Number(v ?? 0)) as [number, number, number, number, number, number]
  const from = calendarMs(year, month, date, hour, minute, second)
  const [h, mi, s] = time.split(':').map(Number)
  // The handoff time on the start's own day (hour 24 of the start is already the next day, as in luxon).
  const midnight = from - (((from % DAY_MS) + DAY_MS) % DAY_MS)
  let candidate = midnight + ((h ?? 0) * 3600 + (mi ?? 0) * 60 + (s ?? 0)) * 1000
  if (day !== undefined) candidate += ((day - isoWeekdayOf(candidate) + 7) % 7) * DAY_MS
  if (candidate < from) candidate += (day === undefined ? 1 : 7) * DAY_MS
  return withoutZeroSeconds(formatCalendar(candidate, true))
}

/** ISO weekday (1 = Monday) of calendarMs's reading; 1970-01-01 was a Thursday. */
function isoWeekdayOf(ms: number): number {
  const days = Math.floor(ms / DAY_MS)
  return ((((days + 3) % 7) + 7) % 7) + 1
}

/** Whether local date-time `a` is strictly before `b` (same format, so string order is time order). */
export function isBefore(a: LocalDateTime, b: LocalDateTime): boolean {
  return a < b
}

/** `2026-12-27` → `2026-12-28T00:00`: a written last day of time off lasts through its end. */
export function midnightAfter(date: string): LocalDateTime | undefined {
  const m = DATE.exec(date)
  if (!m) return undefined
  const [year, month, day] = m.slice(1).map(Number) as [number, number, number]
  return existing(year, month, day) ? formatCalendar(calendarMs(year, month, day) + DAY_MS, false) : undefined
}
