import type {Schedule} from '../model/schedule.js'
import {computeShifts} from '../schedule/compute-shifts.js'
import {formatInZone} from '../schedule/format-local.js'
import {formatLocalDateTime, parseLocalDateTime} from '../schedule/local-time.js'
import {ZoneClock} from '../schedule/zone-clock.js'
import type {Change} from './change.js'
import {nextHandoff} from './rollout.js'
import {coverageDifference} from './shift-preview.js'

/** How far ahead a change of who is on call needs `--force`. */
export const SOON_MS = 24 * 3_600_000

export interface OnCallChangeSoon {
  readonly schedule: string
  /** `a@x.io gains wed 2026-03-04 12:00, b@x.io loses wed 2026-03-04 12:00` */
  readonly who: string
  /**
   * What would let the change wait past the next 24 hours: `rollout: {at: 2026-03-16T10:00}` (the
   * running rotation's first handoff after that), or undefined when waiting cannot help (someone
   * leaves the rotation, which takes effect at once, or no running layer hands off).
   */
  readonly wait?: string
}

/**
 * Schedule updates that change who is on call in [now, now + 24 h), judged with the schedule
 * engine on the live layers and the layers the plan writes (after rollout.ts, so a change that
 * waits for the next handoff only counts if that handoff is within the day). Someone about to
 * be paged should not find out from a merged pull request.
 */
export function onCallChangesSoon(changes: readonly Change[], now: Date): OnCallChangeSoon[] {
  const window = {start: now.getTime(), end: now.getTime() + SOON_MS}
  const out: OnCallChangeSoon[] = []
  for (const c of changes) {
    if (c.type !== 'schedule' || (c.kind !== 'update' && c.kind !== 'adopt')) continue
    const before = c.before as Schedule
    const after = c.after as Schedule
    let people: ReturnType<typeof coverageDifference>
    try {
      people = coverageDifference(computeShifts(before, window).final, computeShifts(after, window).final)
    } catch {
      continue // an unknown zone: nothing to judge with
    }
    if (people.length === 0) continue
    const zone = after.timeZone
    const parts = people.map((p) => {
      const first = [...p.gained.map((i) => ['gains', i.start] as const), ...p.lost.map((i) => ['loses', i.start] as const)].sort((x, y) => x[1] - y[1])[0]
      return first === undefined ? p.user : `${p.user} ${first[0]} time from ${formatInZone(first[1], zone)}`
    })
    const wait = waitUntilAfterADay(before, after, now.getTime())
    out.push({schedule: c.key, who: `${parts.join(', ')} (${zone})`, ...(wait === undefined ? {} : {wait})})
  }
  return out
}

/**
 * The rollout that would move the change past the 24-hour window: the latest of the running live
 * layers' first handoffs at or after now + 24 h, as `rollout: {at: local}` in the schedule's zone.
 * "Use next_handoff" is no advice when next_handoff is what made the change start within the day.
 */
function waitUntilAfterADay(before: Schedule, after: Schedule, now: number): string | undefined {
  const zone = ZoneClock.of(before.timeZone)
  const running = before.layers.filter(
    (l) => zone.toInstant(parseLocalDateTime(l.start)) <= now && (l.end === null || zone.toInstant(parseLocalDateTime(l.end)) > now),
  )
  const staying = new Set(after.layers.flatMap((l) => l.users))
  if (running.length === 0 || running.some((l) => l.users.some((u) => !staying.has(u)))) return undefined
  const handoffs = running.map((l) => nextHandoff(l, now + SOON_MS - 1, zone))
  if (handoffs.some((h) => h === null)) return undefined
  const at = Math.max(...(handoffs as number[]))
  return `rollout: {at: ${formatLocalDateTime(ZoneClock.of(after.timeZone).toLocal(at))}}`
}
