import {IANAZone} from 'luxon'

/**
 * Canonical zone names, so that a schedule written as `Etc/UTC` and read back as `UTC` (or as
 * PagerDuty's Rails name `Tokyo`) does not show up as a change forever.
 *
 * PagerDuty's v2 API documents schedule zones as "activesupport-time-zone" and user zones as
 * tzinfo names, and accepts both kinds on write; what it returns is the IANA name in practice,
 * but older objects and the UI can carry Rails names. Canonical means exactly what the config
 * side uses (src/config/time-zone.ts canonicalZone: the runtime's ICU canonical name, e.g.
 * `Etc/UTC` → `UTC`, `US/Eastern` → `America/New_York`), so desired and live compare equal;
 * Rails names are first mapped to their IANA zone. Unknown names are returned unchanged so
 * that the diff shows them instead of this mapping guessing.
 */
const RAILS_NAMES: Readonly<Record<string, string>> = {
  // Rails (ActiveSupport::TimeZone) names PagerDuty accepts for schedules
  'Eastern Time (US & Canada)': 'America/New_York',
  'Central Time (US & Canada)': 'America/Chicago',
  'Mountain Time (US & Canada)': 'America/Denver',
  'Pacific Time (US & Canada)': 'America/Los_Angeles',
  Alaska: 'America/Juneau',
  Hawaii: 'Pacific/Honolulu',
  Arizona: 'America/Phoenix',
  London: 'Europe/London',
  Dublin: 'Europe/Dublin',
  Lisbon: 'Europe/Lisbon',
  Amsterdam: 'Europe/Amsterdam',
  Berlin: 'Europe/Berlin',
  Paris: 'Europe/Paris',
  Madrid: 'Europe/Madrid',
  Rome: 'Europe/Rome',
  Stockholm: 'Europe/Stockholm',
  Warsaw: 'Europe/Warsaw',
  Kyiv: 'Europe/Kyiv',
  Moscow: 'Europe/Moscow',
  Istanbul: 'Europe/Istanbul',
  Jerusalem: 'Asia/Jerusalem',
  'Abu Dhabi': 'Asia/Muscat',
  Mumbai: 'Asia/Kolkata',
  'New Delhi': 'Asia/Kolkata',
  Kolkata: 'Asia/Kolkata',
  Bangkok: 'Asia/Bangkok',
  Beijing: 'Asia/Shanghai',
  'Hong Kong': 'Asia/Hong_Kong',
  Seoul: 'Asia/Seoul',
  Tokyo: 'Asia/Tokyo',
  Osaka: 'Asia/Tokyo',
  Sapporo: 'Asia/Tokyo',
  Sydney: 'Australia/Sydney',
  Melbourne: 'Australia/Melbourne',
  Brisbane: 'Australia/Brisbane',
  Perth: 'Australia/Perth',
  Auckland: 'Pacific/Auckland',
  Brasilia: 'America/Sao_Paulo',
  'Buenos Aires': 'America/Argentina/Buenos_Aires',
  'Mexico City': 'America/Mexico_City',
  Bogota: 'America/Bogota',
  Lima: 'America/Lima',
  Santiago: 'America/Santiago',
  'Atlantic Time (Canada)': 'America/Halifax',
  Newfoundland: 'America/St_Johns',
}

/**
 * Answers per zone name: checking a zone builds an Intl.DateTimeFormat (about 0.5 ms), and an
 * account read maps every user's zone, so 2,000 users cost seconds without this. The set of
 * names is small (tz database + Rails names), so the cache stays small.
 */
const canonicalCache = new Map<string, string>()

/** The canonical name of `zone`, or `zone` unchanged when it is neither a Rails name nor valid. */
export function canonicalTimeZone(zone: string): string {
  let canonical = canonicalCache.get(zone)
  if (canonical === undefined) {
    canonical = computeCanonicalTimeZone(zone)
    canonicalCache.set(zone, canonical)
  }
  return canonical
}

function computeCanonicalTimeZone(zone: string): string {
  const trimmed = zone.trim()
  const name = RAILS_NAMES[trimmed] ?? trimmed
  if (!IANAZone.isValidZone(name)) return trimmed
  try {
    return new Intl.DateTimeFormat('en-US', {timeZone: name}).resolvedOptions().timeZone
  } catch {
    return trimmed
  }
}

/** True when `zone` (after canonicalisation) is a zone the runtime's tz database knows. */
export function isKnownTimeZone(zone: string): boolean {
  let known = knownCache.get(zone)
  if (known === undefined) {
    known = IANAZone.isValidZone(canonicalTimeZone(zone))
    knownCache.set(zone, known)
  }
  return known
}

const knownCache = new Map<string, boolean>()
