import {ZoneClock} from '../schedule/zone-clock.js'

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const two = (n: number): string => String(n).padStart(2, '0')

/**
 * Wall-clock text in a zone, through the engine's cached zone clock: luxon's per-call Intl
 * offset lookup was the biggest cost of an export (about 1 s of 2 for the retail example).
 * Fixed English names, so output never depends on the machine's locale.
 */
function parts(ms: number, zone: string): {d: Date; offsetMinutes: number} {
  const clock = ZoneClock.of(zone)
  return {d: new Date(clock.toLocal(ms)), offsetMinutes: Math.round(clock.offsetAt(ms) / 60_000)}
}

/** `Mon 2026-01-05 10:00 +09:00` */
export function formatLocalWithOffset(ms: number, zone: string): string {
  const {d, offsetMinutes} = parts(ms, zone)
  const sign = offsetMinutes < 0 ? '-' : '+'
  const abs = Math.abs(offsetMinutes)
  return `${WEEKDAYS[d.getUTCDay()]} ${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())} ${sign}${two(Math.floor(abs / 60))}:${two(abs % 60)}`
}

/** `Mon Jan 5 10:00` */
export function formatLocalShort(ms: number, zone: string): string {
  const {d} = parts(ms, zone)
  return `${WEEKDAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`
}

/** `Jan 5` */
export function formatLocalDay(ms: number, zone: string): string {
  const {d} = parts(ms, zone)
  return `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}`
}
