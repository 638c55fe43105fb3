import {WEEKDAY_NAMES} from '../model/time.js'
import {isoWeekday} from './local-time.js'
import {ZoneClock} from './zone-clock.js'

/**
 * Human wall-clock rendering of instants in a schedule's zone, e.g. `sat 2026-03-07 18:00`.
 * Locale-free on purpose: output must be byte-identical on every machine.
 */
export function formatInZone(instant: number, timeZone: string): string {
  const local = ZoneClock.of(timeZone).toLocal(instant)
  const iso = new Date(local).toISOString()
  return `${WEEKDAY_NAMES[isoWeekday(local) - 1]} ${iso.slice(0, 10)} ${iso.slice(11, 16)}`
}

/** `sat 2026-03-07 18:00 – mon 2026-03-09 09:00 Asia/Tokyo` */
export function formatSpanInZone(start: number, end: number, timeZone: string): string {
  return `${formatInZone(start, timeZone)} – ${formatInZone(end, timeZone)} ${timeZone}`
}

/** ISO 8601 with the zone's offset at that instant, e.g. `2026-03-07T18:00:00+09:00` (for JSON). */
export function isoInZone(instant: number, timeZone: string): string {
  const offsetMs = ZoneClock.of(timeZone).offsetAt(instant)
  const local = new Date(instant + offsetMs).toISOString().slice(0, 19)
  const sign = offsetMs < 0 ? '-' : '+'
  const minutes = Math.abs(Math.round(offsetMs / 60_000))
  const hh = String(Math.floor(minutes / 60)).padStart(2, '0')
  const mm = String(minutes % 60).padStart(2, '0')
  return `${local}${sign}${hh}:${mm}`
}
