import {ZoneClock} from '../zone-clock.js'
import {rrule, type RRuleOptions, type RRuleSetInstance} from './rrule-lib.js'

/**
 * An event's `recurrence` (RFC 5545 lines: exactly one RRULE, any EXDATE and RDATE) read on the
 * event's wall clock.
 *
 * Expansion is done in "floating" time: the rrule library sees local naive times (the zone's
 * wall-clock reading written as UTC, see ZoneClock) and no TZID, so its arithmetic is pure
 * calendar arithmetic (every day has 24 hours, 09:00 stays 09:00 across a DST switch), and we
 * convert each occurrence to an instant afterwards with ZoneClock's gap/repeat rule. We do not
 * use rrule's own `tzid` support: it converts through the host's local zone and is documented as
 * surprising ("returned dates will be in UTC but represent local time"); floating input avoids
 * that class of bug entirely.
 */
export interface ParsedRecurrence {
  readonly options: Partial<RRuleOptions>
  /** EXDATE values as local naive ms of the event's zone. */
  readonly exdates: readonly number[]
  /** RDATE values as local naive ms of the event's zone. */
  readonly rdates: readonly number[]
}

export class RecurrenceError extends Error {}

/** The FREQ values PagerDuty's schedule editor can load (spec, CreateEventRequest.recurrence). */
export const EDITABLE_FREQS = ['WEEKLY', 'DAILY', 'MONTHLY', 'HOURLY'] as const

const DAYS = new Set(['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'])

/** Parses and checks the lines; throws RecurrenceError with a message fit for a 400 or a diagnostic. */
export function parseRecurrence(lines: readonly string[], timeZone: string): ParsedRecurrence {
  const clock = ZoneClock.of(timeZone)
  const rrules = lines.filter((l) => /^RRULE[:;]/i.test(l))
  if (rrules.length !== 1) throw new RecurrenceError(`must contain exactly one RRULE (found ${rrules.length})`)
  const other = lines.filter((l) => !/^(RRULE|EXDATE|RDATE)[:;]/i.test(l))
  if (other.length > 0) throw new RecurrenceError(`only RRULE, EXDATE and RDATE lines are allowed, not ${JSON.stringify(other[0])}`)
  const rule = (rrules[0] as string).replace(/^RRULE[:;]/i, '')
  if (/(^|;)DTSTART/i.test(rule)) throw new RecurrenceError('the RRULE must not carry DTSTART (start_time is the start)')
  if (!/(^|;)FREQ=/i.test(rule)) throw new RecurrenceError('the RRULE needs a FREQ')
  let options: Partial<RRuleOptions>
  try {
    options = rrule().RRule.parseString(rule)
  } catch (error) {
    throw new RecurrenceError(`RRULE ${JSON.stringify(rule)} is not valid: ${(error as Error).message}`)
  }
  const byday = /(?:^|;)BYDAY=([^;]*)/i.exec(rule)?.[1]
  if (byday !== undefined) {
    for (const d of byday.split(',')) {
      if (!DAYS.has(d.replace(/^[+-]?\d+/, '').toUpperCase())) throw new RecurrenceError(`BYDAY value ${JSON.stringify(d)} is not a day code`)
    }
  }
  // UNTIL is an instant (…Z) by RFC 5545 when DTSTART has a zone: move it onto the wall clock.
  if (options.until) options = {...options, until: new Date(clock.toLocal(options.until.getTime()))}
  const dates = (prefix: string) =>
    lines
      .filter((l) => l.toUpperCase().startsWith(prefix))
      .flatMap((l) => readDateList(l, clock))
  return {options, exdates: dates('EXDATE'), rdates: dates('RDATE')}
}

/** "EXDATE;TZID=Europe/Berlin:20260310T090000,20260317T090000" or "EXDATE:20260310T080000Z". */
function readDateList(line: string, clock: ZoneClock): number[] {
  const colon = line.indexOf(':')
  if (colon < 0) throw new RecurrenceError(`${JSON.stringify(line)} has no values`)
  const params = line.slice(0, colon).split(';').slice(1)
  const tzid = params.find((p) => p.toUpperCase().startsWith('TZID='))?.slice(5)
  const from = tzid === undefined ? undefined : zoneOrThrow(tzid)
  return line
    .slice(colon + 1)
    .split(',')
    .map((value) => {
      const m = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z?))?$/.exec(value.trim())
      if (!m) throw new RecurrenceError(`${JSON.stringify(value)} is not an RFC 5545 date or date-time`)
      const naive = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0))
      if (m[7] === 'Z') return clock.toLocal(naive)
      // A value with TZID is a wall-clock time of that zone; without one, of the event's zone.
      return from === undefined ? naive : clock.toLocal(from.toInstant(naive))
    })
}

function zoneOrThrow(name: string): ZoneClock {
  try {
    return ZoneClock.of(name)
  } catch {
    throw new RecurrenceError(`unknown TZID ${name}`)
  }
}

/** The rrule set of `parsed` starting at `startLocal` (local naive ms). */
export function recurrenceSet(parsed: ParsedRecurrence, startLocal: number): RRuleSetInstance {
  const {RRule, RRuleSet} = rrule()
  const set = new RRuleSet()
  set.rrule(new RRule({...parsed.options, dtstart: new Date(startLocal)}))
  for (const d of parsed.exdates) set.exdate(new Date(d))
  for (const d of parsed.rdates) set.rdate(new Date(d))
  return set
}
