import {DateTime, IANAZone} from 'luxon'
import {invalidInput} from './errors.js'

const UTC_ZONES = new Set(['UTC', 'Etc/UTC', 'Etc/UCT', 'UCT', 'Etc/Universal', 'Universal', 'Etc/Zulu', 'Zulu', 'Etc/GMT', 'GMT', 'Etc/GMT0', 'GMT0'])

/**
 * PD returns instants in the schedule's (or the request's time_zone) UTC offset, not as sent
 * (terraform PR #321): 2026-03-02T10:00:00+09:00 for Asia/Tokyo. The offset is the zone's at that instant.
 */
export function formatInZone(ms: number, zone: string): string {
  // UTC zones print "Z" (as Ruby's Time#iso8601 does for UTC); other zones print their offset,
  // even when it is +00:00 (Europe/London in winter).
  const dt = DateTime.fromMillis(ms, {zone: UTC_ZONES.has(zone) ? 'utc' : zone})
  return dt.toISO({suppressMilliseconds: true}) ?? new Date(ms).toISOString()
}

/** Parses an ISO 8601 instant; a value without an offset is read as wall-clock time in `zone`. */
export function parseInstant(value: unknown, zone: string, field: string): number {
  if (typeof value !== 'string') throw invalidInput(`${field} must be an ISO 8601 date-time`)
  const dt = DateTime.fromISO(value, {zone, setZone: false})
  if (!dt.isValid) throw invalidInput(`${field} must be an ISO 8601 date-time`)
  return dt.toMillis()
}

export function isValidZone(zone: unknown): zone is string {
  if (typeof zone !== 'string') return false
  // Checking builds an Intl.DateTimeFormat (about 0.5 ms); lists and seeds check the same few zones thousands of times.
  let valid = validZones.get(zone)
  if (valid === undefined) {
    valid = IANAZone.isValidZone(zone)
    validZones.set(zone, valid)
  }
  return valid
}

const validZones = new Map<string, boolean>()

/** Seconds since local midnight for "HH:mm:ss" (or "HH:mm"). */
export function secondsOfDay(value: string): number {
  const m = /^(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value)
  if (!m) throw invalidInput(`start_time_of_day must be HH:mm:ss, got ${value}`)
  const [h, min, s] = [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)]
  if (h > 23 || min > 59 || s > 59) throw invalidInput(`start_time_of_day out of range: ${value}`)
  return h * 3600 + min * 60 + s
}
