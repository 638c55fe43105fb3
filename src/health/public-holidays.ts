import {createRequire} from 'node:module'
import type HolidaysClass from 'date-holidays'
import type {Interval} from '../schedule/interval.js'
import type {TimeWindow} from '../schedule/shift.js'
import type {HolidayCalendar} from './settings.js'

/**
 * Public holidays from `date-holidays` (offline data shipped with the package; no list is
 * written by hand). Only type `public` counts: bank, school and observance days are not days off
 * for most people. Each holiday is the instant span of its day in the country's own zone, as the
 * library computes it (Japan's 1 January is 2025-12-31T15:00Z – 2026-01-01T15:00Z), so a person in
 * another zone is charged for the hours that are the holiday where the schedule's country is.
 */
const cache = new Map<string, Interval[]>()

const require = createRequire(import.meta.url)
let holidaysClass: typeof HolidaysClass | undefined

/**
 * date-holidays, loaded on first use: only configs that declare `holidays:` need it, and loading
 * it cost every command that reads a config ~130 ms of CPU and ~25 MB (issue 14).
 */
function newHolidays(country?: string, state?: string): HolidaysClass {
  // Its CommonJS build (lib/index.cjs, the same code and data) exports the class itself.
  holidaysClass ??= require('date-holidays') as typeof HolidaysClass
  return country === undefined ? new holidaysClass() : new holidaysClass(country, state ?? '')
}

export function holidayIntervals(calendar: HolidayCalendar, window: TimeWindow): Interval[] {
  const firstYear = new Date(window.start).getUTCFullYear() - 1
  const lastYear = new Date(window.end).getUTCFullYear() + 1
  const out: Interval[] = []
  for (let year = firstYear; year <= lastYear; year++) {
    for (const h of holidaysOf(calendar, year)) {
      if (h.end > window.start && h.start < window.end) out.push(h)
    }
  }
  return out
}

/** Names of the public holidays touching `window` (for messages and the report), e.g. `2026-05-04 みどりの日`. */
export function holidayNames(calendar: HolidayCalendar, window: TimeWindow): string[] {
  const names: string[] = []
  const firstYear = new Date(window.start).getUTCFullYear() - 1
  const lastYear = new Date(window.end).getUTCFullYear() + 1
  for (let year = firstYear; year <= lastYear; year++) {
    for (const h of newHolidays(calendar.country, calendar.region ?? '').getHolidays(year) || []) {
      if (h.type === 'public' && h.end.getTime() > window.start && h.start.getTime() < window.end) names.push(`${h.date.slice(0, 10)} ${h.name}`)
    }
  }
  return names
}

/** Whether `date-holidays` knows the country (and region): the config check uses it. */
export function isKnownCalendar(calendar: HolidayCalendar): {ok: true} | {ok: false; reason: string} {
  const countries = newHolidays().getCountries() ?? {}
  if (!Object.hasOwn(countries, calendar.country)) return {ok: false, reason: `unknown country code \`${calendar.country}\` (ISO 3166-1 alpha-2, e.g. JP, DE, US)`}
  if (calendar.region !== undefined) {
    const regions = newHolidays().getStates(calendar.country) ?? {}
    if (!Object.hasOwn(regions, calendar.region)) {
      const known = Object.keys(regions)
      return {ok: false, reason: `unknown region \`${calendar.region}\` of ${calendar.country}${known.length > 0 ? ` (known: ${known.slice(0, 20).join(', ')}${known.length > 20 ? ', …' : ''})` : ' (it has none)'}`}
    }
  }
  return {ok: true}
}

function holidaysOf(calendar: HolidayCalendar, year: number): Interval[] {
  const key = `${calendar.country}/${calendar.region ?? ''}/${year}`
  let list = cache.get(key)
  if (list === undefined) {
    const lib = newHolidays(calendar.country, calendar.region ?? '')
    list = (lib.getHolidays(year) || [])
      .filter((h) => h.type === 'public')
      .map((h) => ({start: h.start.getTime(), end: h.end.getTime()}))
      .sort((a, b) => a.start - b.start)
    cache.set(key, list)
  }
  return list
}
