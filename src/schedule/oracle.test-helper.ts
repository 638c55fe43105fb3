import {IANAZone} from 'luxon'

/**
 * Slow, obviously-correct reference conversions for tests: every answer comes straight from Intl
 * (through luxon's IANAZone), with no caching and no transition table.
 */

const DAY = 86_400_000

export function oracleOffset(zone: string, t: number): number {
  return Math.round(IANAZone.create(zone).offset(t) * 60_000)
}

export function oracleToLocal(zone: string, t: number): number {
  return t + oracleOffset(zone, t)
}

/**
 * Earliest instant whose wall-clock reading is `local`; for a reading that never happens
 * (skipped by a DST change) the reading taken with the offset in force before the change.
 */
export function oracleToInstant(zone: string, local: number): number {
  const offsets = new Set([oracleOffset(zone, local - DAY), oracleOffset(zone, local), oracleOffset(zone, local + DAY)])
  const instants = [...offsets].map((o) => local - o).filter((t) => oracleToLocal(zone, t) === local)
  if (instants.length > 0) return Math.min(...instants)
  return local - oracleOffset(zone, local - DAY)
}
