import type {LocalDateTime, TimeOfDay} from '../model/time.js'

/**
 * Wall-clock values as "local naive" epoch ms: the local reading written as if it were UTC.
 * See ZoneClock for converting them to and from instants.
 */

export const MINUTE_MS = 60_000
export const HOUR_MS = 3_600_000
export const DAY_MS = 86_400_000
export const WEEK_MS = 7 * DAY_MS

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?$/

/** `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM[:SS]` → local naive ms. Throws on anything else. */
export function parseLocalDateTime(text: LocalDateTime): number {
  const m = LOCAL_DATE_TIME.exec(text)
  if (!m) throw new Error(`invalid local date-time: ${text}`)
  const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4], m[5], m[6]].map((v) => Number(v ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ]
  const ms = Date.UTC(y, mo - 1, d, h, mi, s)
  const back = new Date(ms)
  // Date.UTC silently rolls 2026-02-30 over into March: reject such values instead.
  if (back.getUTCDate() !== d || back.getUTCMonth() !== mo - 1 || h > 23 || mi > 59 || s > 59) {
    throw new Error(`invalid local date-time: ${text}`)
  }
  return ms
}

/** `HH:MM` or `HH:MM:SS` → seconds after local midnight. */
export function parseTimeOfDay(text: TimeOfDay): number {
  const m = /^(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(text)
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59 || Number(m[3] ?? 0) > 59) throw new Error(`invalid time of day: ${text}`)
  return Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3] ?? 0)
}

/** ISO weekday (1 = Monday .. 7 = Sunday) of a local naive time. 1970-01-01 was a Thursday. */
export function isoWeekday(local: number): number {
  const days = Math.floor(local / DAY_MS)
  return ((((days + 3) % 7) + 7) % 7) + 1
}

/**
 * `YYYY-MM-DDTHH:MM` of a local naive time, `YYYY-MM-DDTHH:MM:SS` when the seconds are not zero
 * (PagerDuty keeps seconds: a start it moved to "now" carries them).
 */
export function formatLocalDateTime(local: number): string {
  const iso = new Date(local).toISOString()
  return iso.slice(17, 19) === '00' ? iso.slice(0, 16) : iso.slice(0, 19)
}
