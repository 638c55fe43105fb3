import type {TimeOff} from '../model/override.js'
import {parseLocalDateTime} from './local-time.js'
import type {TimeWindow} from './shift.js'
import {ZoneClock} from './zone-clock.js'

const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$/

/**
 * An override's `start`/`end` as an instant: a local date-time read on `timeZone`'s wall clock
 * (a skipped time moves forward, a repeated one takes the earlier instant), or a date-time with
 * an explicit offset. Undefined when the text is no such time (e.g. 2026-02-30T10:00).
 */
export function overrideInstant(text: string, timeZone: string): number | undefined {
  if (WITH_OFFSET.test(text)) {
    try {
      parseLocalDateTime(text.slice(0, 16))
    } catch {
      return undefined
    }
    const ms = Date.parse(text)
    return Number.isNaN(ms) ? undefined : ms
  }
  try {
    return ZoneClock.of(timeZone).toInstant(parseLocalDateTime(text))
  } catch {
    return undefined
  }
}

/** The instants a time-off entry covers, read in its own zone or else `scheduleZone`. */
export function timeOffSpan(timeOff: TimeOff, scheduleZone: string): TimeWindow {
  const clock = ZoneClock.of(timeOff.timeZone ?? scheduleZone)
  return {start: clock.toInstant(parseLocalDateTime(timeOff.from)), end: clock.toInstant(parseLocalDateTime(timeOff.to))}
}
