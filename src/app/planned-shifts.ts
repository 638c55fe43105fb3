import type {Schedule} from '../model/schedule.js'
import type {DesiredState} from '../model/state.js'
import type {PagerDutyClient} from '../providers/pagerduty/client/index.js'
import {readAccount} from '../providers/pagerduty/read-account.js'
import {liveAccountFor} from '../providers/pagerduty/read-live-state.js'
import {computeShifts} from '../schedule/compute-shifts.js'
import {LIVE_FINAL_SCHEDULE, type Shift, type TimeWindow} from '../schedule/shift.js'
import {finalScheduleReader} from './live-shifts.js'

/**
 * Where config-mode `who` and `export` get their shifts (docs/language.md, "Who and calendars
 * after a rotation change"):
 *
 * - `config+account` (a token is available): before `now`, what the account recorded (its final
 *   schedule); from `now`, the config's layers as apply writes them against this account, i.e.
 *   a rotation change of a running layer only from its effective time (the next handoff, or
 *   `rollout.at`; plan/rollout.ts). After an apply this is exactly what the account will do (its
 *   pending pair is recognised and kept), and on a pull-request branch it previews what the
 *   account would do once merged and applied now.
 * - `config`: no token; the config's layers alone, as if applied long ago. Rollout times and
 *   overrides made in PagerDuty are unknown: output says so.
 * - `account`: `--live`, the account's final schedule only.
 */
export type ShiftsBasis = 'config' | 'config+account' | 'account'

/** One line for people: what the shifts shown are computed from (text, page, feed description). */
export function basisNote(basis: ShiftsBasis): string {
  if (basis === 'config') {
    return (
      'Computed from the config alone: a rotation change waiting for its handoff in PagerDuty and overrides made in PagerDuty are not shown ' +
      '(set PAGERDUTY_TOKEN to include them, or use --live).'
    )
  }
  if (basis === 'config+account') return 'From the config as applied to the PagerDuty account: past shifts as the account recorded them, rotation changes from their handoff.'
  return "From the PagerDuty account's final schedules (overrides included)."
}

/** `(schedule, window)` → final shifts, sorted, one person at a time. */
export type ScheduleShiftsSource = (schedule: Schedule, window: TimeWindow) => Promise<Shift[]>

/**
 * The `config+account` source: one read of the account (list calls), then per schedule asked
 * one GET of its final schedule for the part of the window before `now` (none for a schedule
 * the account does not have yet: it has no past). Asked again (an export asks up to three times,
 * keeping no schedule's shifts for long), it answers from that one read: only the account's part
 * is remembered; the config's part is computed again (issue 14: remembering whole answers held a
 * year of every schedule's shifts).
 */
export async function plannedShiftsSource(client: Pick<PagerDutyClient, 'listAll' | 'get'>, desired: DesiredState, now: Date): Promise<ScheduleShiftsSource> {
  const raw = await readAccount(client, {membersFor: () => false})
  const planned = liveAccountFor(raw, desired, {now}).desired
  const history = finalScheduleReader(client, raw.schedules, raw.users, desired, raw.v3Schedules ?? [])
  const t = now.getTime()
  const pasts = new Map<string, Promise<Shift[]>>()
  const pastOf = (schedule: Schedule, window: TimeWindow): Promise<Shift[]> => {
    const id = `${schedule.key} ${window.start} ${window.end}`
    let past = pasts.get(id)
    if (past === undefined) pasts.set(id, (past = history(schedule, window)))
    return past
  }
  return async (schedule, window) => {
    const rolledOut = planned.schedules.get(schedule.key) ?? schedule
    const future =
      window.end <= t
        ? []
        : computeShifts(rolledOut, {start: Math.max(window.start, t), end: window.end}).final.map((s) => ({
            ...s,
            layer: configLayerIndex(schedule, rolledOut, s.layer),
          }))
    const past =
      window.start >= t || !history.has(schedule.key)
        ? []
        : (await pastOf(schedule, {start: window.start, end: Math.min(window.end, t)}))
            .filter((s) => s.start < t)
            .map((s) => (s.end > t ? {...s, end: t} : s))
    return joinAt(t, [...past, ...future])
  }
}

/**
 * The rolled-out schedule may hold a pair (ended layer + new one) where the config has one
 * layer, and lacks layers that have ended: shifts name the config layer with the same name.
 * Shift-based schedules: the config rotation with the same name.
 */
function configLayerIndex(config: Schedule, rolledOut: Schedule, index: number): number {
  if (config.rotations !== undefined) {
    const name = rolledOut.rotations?.[index]?.name
    const found = config.rotations.findIndex((r) => r.name === name)
    return found >= 0 ? found : LIVE_FINAL_SCHEDULE
  }
  const name = rolledOut.layers[index]?.name
  const found = config.layers.findIndex((l) => l.name === name)
  return found >= 0 ? found : LIVE_FINAL_SCHEDULE
}

/**
 * The shift cut at `t` (now) becomes one again (named by its config layer when it has one). A
 * shift-based schedule has several people at once, so the piece to join is looked up among all
 * pieces that end at `t` (same person, and the same rotation when both sides know it), not only
 * the last one.
 */
function joinAt(t: number, shifts: readonly Shift[]): Shift[] {
  const out: Shift[] = []
  const endingAtT: number[] = [] // indexes in `out` of past pieces ending at t, not yet joined
  for (const s of shifts) {
    if (s.start === t) {
      const k = endingAtT.findIndex((i) => {
        const last = out[i] as Shift
        return last.user === s.user && (last.layer === LIVE_FINAL_SCHEDULE || s.layer === LIVE_FINAL_SCHEDULE || last.layer === s.layer)
      })
      if (k >= 0) {
        const i = endingAtT[k] as number
        const last = out[i] as Shift
        out[i] = {...last, end: s.end, layer: last.layer === LIVE_FINAL_SCHEDULE ? s.layer : last.layer}
        endingAtT.splice(k, 1)
        continue
      }
    }
    out.push(s)
    if (s.end === t && s.start < t) endingAtT.push(out.length - 1)
  }
  return out
}
