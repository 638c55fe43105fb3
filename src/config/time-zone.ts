import {IANAZone} from 'luxon'
import {closest} from './did-you-mean.js'

/**
 * The canonical IANA name of a zone (`Japan` → `Asia/Tokyo`, `asia/tokyo` → `Asia/Tokyo`), or
 * undefined when the zone is unknown. Canonical names keep the desired state comparable with
 * what PagerDuty returns.
 */
export function canonicalZone(name: string): string | undefined {
  // Cached: a config names a handful of zones many times, and each lookup builds an Intl formatter.
  if (cache.has(name)) return cache.get(name)
  let canonical: string | undefined
  try {
    canonical = IANAZone.isValidZone(name) ? new Intl.DateTimeFormat('en-US', {timeZone: name}).resolvedOptions().timeZone : undefined
  } catch {
    canonical = undefined
  }
  cache.set(name, canonical)
  return canonical
}

const cache = new Map<string, string | undefined>()

/** The nearest known zone name to a misspelt one (`Asia/Tokio` → `Asia/Tokyo`). */
export function nearestZone(name: string): string | undefined {
  return closest(name, Intl.supportedValuesOf('timeZone'))
}
