import type {Schedule} from '../model/schedule.js'
import {computeShifts} from '../schedule/compute-shifts.js'
import {formatInZone} from '../schedule/format-local.js'
import type {Change} from './change.js'
import {coverageDifference} from './shift-preview.js'

/** How far ahead a change of who is on call needs `--force`. */
export const SOON_MS = 24 * 3_600_000

export interface OnCallChangeSoon {
  readonly schedule: string
  /** `a@x.io gains wed 2026-03-04 12:00, b@x.io loses wed 2026-03-04 12:00` */
  readonly who: string
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
    out.push({schedule: c.key, who: `${parts.join(', ')} (${zone})`})
  }
  return out
}
