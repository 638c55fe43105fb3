/**
 * Turn boundaries of a rotation layer: the wall-clock rule (docs/language.md, "Layer timing rules").
 *
 * Turn k covers [B(k), B(k+1)) and belongs to users[k mod n] (k < 0 before the anchor), where
 *
 *     B(k) = toInstant(localAnchor + k × turn)
 *
 * `localAnchor` is the anchor's (PagerDuty's rotation_virtual_start) reading on the schedule's
 * local wall clock, and the addition is naive local arithmetic: adding 86 400 s is adding one
 * calendar day, adding 43 200 s is adding 12 hours to the clock reading, whatever the zone does
 * in between. `toInstant` reads the local time in the schedule's zone; a time that falls into a
 * skipped hour moves forward by the gap, a repeated time takes the earlier instant (ZoneClock).
 *
 * Consequences: a 10:00 handoff stays at 10:00 across daylight-saving changes, a daily turn that
 * contains a change lasts 23 or 25 hours, and a 12 h turn that contains it lasts 11 or 13 hours.
 * For zones without DST this is exactly PagerDuty's fixed grid rvs + k·L.
 *
 * Since turns are at least one hour and DST gaps at most one hour, B is non-decreasing, so the turn
 * containing an instant can be found from its local reading and a small correction.
 */
import type {ZoneClock} from './zone-clock.js'

export interface RotationTiming {
  readonly users: readonly string[]
  readonly turnSeconds: number
  /** users[0]'s first turn begins at this local naive time. */
  readonly anchorLocal: number
}

/** A turn clipped to a range: who holds it and when (epoch ms). */
export interface TurnPiece {
  readonly user: string
  readonly start: number
  readonly end: number
}

/** The pieces of turns that cover [from, to), in order; turns of zero length are skipped. */
export function turnsWithin(clock: ZoneClock, rotation: RotationTiming, from: number, to: number): TurnPiece[] {
  const n = rotation.users.length
  if (n === 0 || to <= from) return []
  const turnMs = rotation.turnSeconds * 1000
  const boundary = (k: number): number => clock.toInstant(rotation.anchorLocal + k * turnMs)

  let k = Math.floor((clock.toLocal(from) - rotation.anchorLocal) / turnMs)
  while (boundary(k) > from) k--
  while (boundary(k + 1) <= from) k++

  const pieces: TurnPiece[] = []
  let start = boundary(k)
  while (start < to) {
    const end = boundary(k + 1)
    const s = Math.max(start, from)
    const e = Math.min(end, to)
    if (e > s) pieces.push({user: rotation.users[(((k % n) + n) % n)] as string, start: s, end: e})
    k++
    start = end
  }
  return pieces
}
