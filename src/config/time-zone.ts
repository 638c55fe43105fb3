import {IANAZone} from 'luxon'
import {closest} from './did-you-mean.js'

/**
 * The canonical IANA name of a zone (`Japan` → `Asia/Tokyo`, `asia/tokyo` → `Asia/Tokyo`), or
 * undefined when the zone is unknown. Canonical names keep the desired state comparable with
 * what PagerDuty returns.
 */
export function canonicalZone(name: string): string | undefined {
  if (!IANAZone.isValidZone(name)) return undefined
  try {
    return new Intl.DateTimeFormat('en-US', {timeZone: name}).resolvedOptions().timeZone
  } catch {
    return undefined
  }
}

/** The nearest known zone name to a misspelt one (`Asia/Tokio` → `Asia/Tokyo`). */
export function nearestZone(name: string): string | undefined {
  return closest(name, Intl.supportedValuesOf('timeZone'))
}
