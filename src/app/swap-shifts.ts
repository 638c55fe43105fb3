import type {WrittenOverride} from '../config/written.js'
import type {DesiredState} from '../model/state.js'
import {effectiveOverrides} from '../schedule/effective-overrides.js'
import {formatSpanInZone} from '../schedule/format-local.js'
import {parseLocalDateTime} from '../schedule/local-time.js'
import {finalWithOverrides} from '../schedule/final-with-overrides.js'
import {ZoneClock} from '../schedule/zone-clock.js'
import {UserError} from '../cli/user-error.js'

const DAY = 86_400_000
/** How far around the shift `swap` looks for the other person's shift. */
const LOOK = 120 * DAY

/**
 * `oncall swap SCHEDULE --shift DATE --with EMAIL`: the shift on call at DATE (a bare date means
 * its noon, on the schedule's wall clock) goes to EMAIL, and that person's next shift (else their
 * latest earlier one) goes to whoever held the first: two overrides, as the config sees the
 * schedule now (layers, overrides and time-off covers).
 */
export function swapOverrides(state: DesiredState, scheduleKey: string, shift: string, withEmail: string): WrittenOverride[] {
  const schedule = state.schedules.get(scheduleKey)
  if (!schedule) throw new UserError(`no schedule named ${scheduleKey}`)
  const clock = ZoneClock.of(schedule.timeZone)
  let at: number
  try {
    at = clock.toInstant(parseLocalDateTime(/T/.test(shift) ? shift : `${shift}T12:00`))
  } catch {
    throw new UserError(`--shift ${shift}: write a date (YYYY-MM-DD) or a local date-time (YYYY-MM-DDTHH:MM) in ${schedule.timeZone}`)
  }
  const other = withEmail.toLowerCase()
  const window = {start: at - LOOK, end: at + LOOK}
  const final = finalWithOverrides(schedule, window, effectiveOverrides(state))
  // Shift-based schedules may have several people on at once (one per rotation): the swap is
  // within a rotation EMAIL is a member of, so both overrides name it and whom they replace.
  const rotations = schedule.rotations
  const members = (layer: number) => new Set(rotations?.[layer]?.events.flatMap((e) => e.members) ?? [])
  const current = final.filter((s) => s.start <= at && at < s.end)
  const first = rotations === undefined ? current[0] : (current.find((s) => s.user !== other && members(s.layer).has(other)) ?? current[0])
  if (!first) throw new UserError(`nobody is on call for ${scheduleKey} at ${shift}: there is no shift to swap`)
  if (first.user === other) throw new UserError(`${other} already has the shift of ${scheduleKey} at ${shift}`)
  const mine = (s: (typeof final)[number]) => s.user === other && (rotations === undefined || s.layer === first.layer)
  const theirs = final.find((s) => mine(s) && s.start >= first.end) ?? [...final].reverse().find((s) => mine(s) && s.end <= first.start)
  if (!theirs) throw new UserError(`${other} has no shift of ${scheduleKey} within ${LOOK / DAY} days of ${shift} to swap with`)
  const inRotation = (replaces: string) => (rotations === undefined ? {} : {rotation: rotations[first.layer]?.name, replaces})
  const local = (ms: number) => new Date(clock.toLocal(ms)).toISOString().slice(0, 16)
  const note = (a: string, b: string, s: {start: number; end: number}) => `swap: ${a} takes ${b}'s shift ${formatSpanInZone(s.start, s.end, schedule.timeZone)}`
  return [
    {schedule: scheduleKey, user: other, start: local(first.start), end: local(first.end), note: note(other, first.user, first), ...inRotation(first.user)},
    {schedule: scheduleKey, user: first.user, start: local(theirs.start), end: local(theirs.end), note: note(first.user, other, theirs), ...inRotation(other)},
  ]
}
