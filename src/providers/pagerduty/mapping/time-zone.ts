import {IANAZone} from 'luxon'

/**
 * Canonical zone names, so that a schedule written as `UTC` and read back as `Etc/UTC` (or as
 * PagerDuty's Rails name `Tokyo`) does not show up as a change forever.
 *
 * PagerDuty's v2 API documents schedule zones as "activesupport-time-zone" and user zones as
 * tzinfo names, and accepts both kinds on write; what it returns is the IANA name in practice,
 * but older objects and the UI can carry Rails names. Canonical here means: the current IANA
 * name of the zone (links such as `US/Eastern` or `Asia/Calcutta` resolved), UTC spelled
 * `Etc/UTC`. Unknown names are returned unchanged so that the diff shows them instead of this
 * mapping guessing.
 */
const ALIASES: Readonly<Record<string, string>> = {
  // UTC and its links
  UTC: 'Etc/UTC',
  'Etc/UTC': 'Etc/UTC',
  'Etc/UCT': 'Etc/UTC',
  UCT: 'Etc/UTC',
  'Etc/Universal': 'Etc/UTC',
  Universal: 'Etc/UTC',
  'Etc/Zulu': 'Etc/UTC',
  Zulu: 'Etc/UTC',
  GMT: 'Etc/UTC',
  'Etc/GMT': 'Etc/UTC',
  'Etc/GMT+0': 'Etc/UTC',
  'Etc/GMT-0': 'Etc/UTC',
  'Etc/GMT0': 'Etc/UTC',
  Greenwich: 'Etc/UTC',
  'Etc/Greenwich': 'Etc/UTC',
  // Renamed or linked IANA zones that accounts still carry
  'US/Eastern': 'America/New_York',
  'US/Central': 'America/Chicago',
  'US/Mountain': 'America/Denver',
  'US/Pacific': 'America/Los_Angeles',
  'US/Alaska': 'America/Anchorage',
  'US/Hawaii': 'Pacific/Honolulu',
  'US/Arizona': 'America/Phoenix',
  'Asia/Calcutta': 'Asia/Kolkata',
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'Asia/Rangoon': 'Asia/Yangon',
  'Europe/Kiev': 'Europe/Kyiv',
  'America/Buenos_Aires': 'America/Argentina/Buenos_Aires',
  'Australia/ACT': 'Australia/Sydney',
  'Australia/NSW': 'Australia/Sydney',
  Japan: 'Asia/Tokyo',
  Singapore: 'Asia/Singapore',
  GB: 'Europe/London',
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

/** The canonical name of `zone`, or `zone` unchanged when it is neither an alias nor valid. */
export function canonicalTimeZone(zone: string): string {
  const trimmed = zone.trim()
  const alias = ALIASES[trimmed]
  if (alias !== undefined) return ALIASES[alias] ?? alias
  return trimmed
}

/** True when `zone` (after canonicalisation) is a zone the runtime's tz database knows. */
export function isKnownTimeZone(zone: string): boolean {
  return IANAZone.isValidZone(canonicalTimeZone(zone))
}
