import type {LocalDateTime, TimeOfDay} from '../../../model/time.js'
import {formatLocalDateTime, parseLocalDateTime} from '../../../schedule/local-time.js'
import {ZoneClock} from '../../../schedule/zone-clock.js'
import {isKnownTimeZone} from './time-zone.js'

/**
 * Conversions between PagerDuty's timestamps (ISO 8601 with an offset, re-offset by the server
 * into whatever zone it likes) and the model's wall-clock values in a schedule's zone.
 *
 * Both directions use the schedule engine's ZoneClock, so a local time in a DST gap or overlap
 * means the same instant here as in `oncall export` (gap: moved forward; overlap: the earlier
 * instant). Seconds are kept (PagerDuty keeps them); the model writes them only when not zero.
 */

const ISO_WITH_OFFSET = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/

/** Epoch ms of an ISO timestamp with offset (throws on anything without one). */
export function parseInstant(iso: string): number {
  if (!ISO_WITH_OFFSET.test(iso)) throw new Error(`expected an ISO 8601 timestamp with offset, got ${JSON.stringify(iso)}`)
  return Date.parse(iso)
}

/** The wall-clock reading, `YYYY-MM-DDTHH:MM`, of a PagerDuty timestamp in `zone`. */
export function isoToLocal(iso: string, zone: string): LocalDateTime {
  const t = parseInstant(iso)
  if (!isKnownTimeZone(zone)) {
    // A zone this runtime does not know: the best reading left is the timestamp's own offset.
    return (ISO_WITH_OFFSET.exec(iso) as RegExpExecArray)[1] as string
  }
  return formatLocalDateTime(ZoneClock.of(zone).toLocal(t))
}

/** The instant (epoch ms) of a local date-time in `zone`. */
export function localToInstant(local: LocalDateTime, zone: string): number {
  return ZoneClock.of(zone).toInstant(parseLocalDateTime(local))
}

/** A local date-time as the ISO timestamp PagerDuty expects, with the zone's offset at that instant. */
export function localToIso(local: LocalDateTime, zone: string): string {
  return instantToIso(localToInstant(local, zone), zone)
}

/** An instant as ISO 8601 with seconds and the zone's offset, e.g. `2026-01-05T10:00:00+09:00`. */
export function instantToIso(t: number, zone: string): string {
  const offset = ZoneClock.of(zone).offsetAt(t)
  const wall = new Date(t + offset).toISOString().slice(0, 19)
  const sign = offset < 0 ? '-' : '+'
  const abs = Math.abs(offset) / 60_000
  const hh = String(Math.floor(abs / 60)).padStart(2, '0')
  const mm = String(abs % 60).padStart(2, '0')
  return `${wall}${sign}${hh}:${mm}`
}

/** PagerDuty's `HH:mm:ss` → the model's `HH:MM` (`HH:MM:SS` when the seconds are not zero). */
export function timeOfDayFromPd(value: string): TimeOfDay {
  const m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?/.exec(value)
  if (!m) throw new Error(`expected a time of day HH:mm:ss, got ${JSON.stringify(value)}`)
  const seconds = m[3] === undefined || m[3] === '00' ? '' : `:${m[3]}`
  return `${(m[1] as string).padStart(2, '0')}:${m[2] as string}${seconds}`
}

/** The model's `HH:MM` or `HH:MM:SS` → PagerDuty's `HH:mm:ss`. */
export function timeOfDayToPd(value: TimeOfDay): string {
  return value.length === 5 ? `${value}:00` : value
}
