import type {Schedule} from '../model/schedule.js'
import type {DesiredState} from '../model/state.js'
import type {PagerDutyClient} from '../providers/pagerduty/client/index.js'
import type {PdSchedule, PdUser, Read} from '../providers/pagerduty/dto.js'
import {parseDescription} from '../providers/pagerduty/ownership.js'
import {LIVE_FINAL_SCHEDULE, type OverrideLabel, type Shift, type TimeWindow} from '../schedule/shift.js'
import {UserError} from '../cli/user-error.js'
import {effectiveOverrides} from '../schedule/effective-overrides.js'
import {subtractIntervals} from '../schedule/interval.js'
import {labelOf} from '../schedule/overrides-on-top.js'
import type {PdScheduleV3} from '../providers/pagerduty/v3/dto-v3.js'
import {readAllV3Schedules} from '../providers/pagerduty/v3/read-v3-schedules.js'
import {emailsById, readV3FinalShifts, v3IdsByKey} from './live-v3-shifts.js'

/** An override of the account that the config does not have. */
const LIVE_OVERRIDE: OverrideLabel = {kind: 'outside', note: null, replaces: null}

interface RenderedEntry {
  readonly start: string
  readonly end: string
  readonly user?: {readonly id: string} | null
}

interface ScheduleWithFinal {
  readonly schedule: {
    readonly final_schedule?: {readonly rendered_schedule_entries?: readonly RenderedEntry[]}
    /** The account's overrides in the window (comes with the same GET): marks override shifts. */
    readonly overrides_subschedule?: {readonly rendered_schedule_entries?: readonly RenderedEntry[]}
  }
}

/**
 * `--live`: shifts as the account renders them (PagerDuty's final schedule: layers and overrides),
 * instead of computing them from the config. The config's schedules are found by their ownership
 * marker (this config's owner and key) or, failing that, by name; users' IDs become emails.
 * Two list calls up front, then one GET per schedule asked for.
 */
export async function liveShiftsSource(
  client: Pick<PagerDutyClient, 'listAll' | 'get'>,
  desired: DesiredState,
): Promise<(schedule: Schedule, window: TimeWindow) => Promise<Shift[]>> {
  const anyShiftBased = [...desired.schedules.values()].some((s) => s.rotations !== undefined)
  const [schedules, users, v3] = await Promise.all([
    client.listAll<Read<PdSchedule>>('/schedules', 'schedules'),
    client.listAll<Read<PdUser>>('/users', 'users'),
    // Shift-based schedules live under /v3 (one list page + one GET per v3 schedule for its marker).
    anyShiftBased ? readAllV3Schedules(client) : Promise.resolve([]),
  ])
  return finalScheduleReader(client, schedules, users, desired, v3)
}

/**
 * The same, from schedules and users already listed (the account-aware source reads them with
 * the rest of the account): null for a schedule not in the account yet, instead of an error.
 */
export function finalScheduleReader(
  client: Pick<PagerDutyClient, 'get'>,
  schedules: readonly Read<PdSchedule>[],
  users: readonly Read<PdUser>[],
  desired: DesiredState,
  /** The account's shift-based schedules in full (with descriptions): shift-based config schedules are read there. */
  v3Schedules: readonly Read<PdScheduleV3>[] = [],
): ((schedule: Schedule, window: TimeWindow) => Promise<Shift[]>) & {readonly has: (key: string) => boolean} {
  const emailOf = emailsById(users)
  const {marked: legacyIdOf, byKey: idOf} = scheduleIdsByKey(schedules, desired)
  const v3IdOf = v3IdsByKey(v3Schedules, desired)
  const configOverrides = effectiveOverrides(desired)
  const readLayerBased = async (id: string, schedule: Schedule, window: TimeWindow): Promise<Shift[]> => {
    const body = await client.get<ScheduleWithFinal>(`/schedules/${encodeURIComponent(id)}`, {
      since: new Date(window.start).toISOString(),
      until: new Date(window.end).toISOString(),
      time_zone: 'UTC',
      overflow: true,
    })
    const overrides = (body.schedule.overrides_subschedule?.rendered_schedule_entries ?? []).flatMap((e) =>
      e.user ? [{user: e.user.id, start: Date.parse(e.start), end: Date.parse(e.end)}] : [],
    )
    return (body.schedule.final_schedule?.rendered_schedule_entries ?? []).flatMap((entry): Shift[] => {
      const email = entry.user ? emailOf.get(entry.user.id) : undefined
      if (email === undefined) return [] // a gap, or a user deleted since
      const start = Date.parse(entry.start)
      const end = Date.parse(entry.end)
      const byOverride = overrides.some((o) => o.user === entry.user?.id && o.start < end && o.end > start)
      if (!byOverride) return [{user: email, start, end, layer: LIVE_FINAL_SCHEDULE}]
      // The config's label when the config has this override (declared or a time-off cover), else "outside".
      const mine = configOverrides.find((o) => o.schedule === schedule.key && o.user === email && o.start < end && o.end > start)
      return [{user: email, start, end, layer: LIVE_FINAL_SCHEDULE, override: mine ? labelOf(mine) : LIVE_OVERRIDE}]
    })
  }
  const read = async (schedule: Schedule, window: TimeWindow): Promise<Shift[]> => {
    if (schedule.rotations !== undefined) {
      const v3Id = v3IdOf.get(schedule.key)
      // A schedule being migrated (docs/shift-based-schedules.md, "Migrating") is, in the account,
      // the legacy layer schedule until the handoff and the shift-based one from it: its layers end
      // where the new events start, so the union is what PagerDuty pages, before, during and after.
      const legacyId = legacyIdOf.get(schedule.key)
      if (v3Id === undefined && legacyId === undefined) {
        throw new UserError(`shift-based schedule ${schedule.key} ("${schedule.name}") is not in the account yet: run \`oncall apply\`, or leave out --live`)
      }
      const [legacy, shiftBased] = await Promise.all([
        legacyId === undefined ? [] : readLayerBased(legacyId, schedule, window),
        v3Id === undefined ? [] : readV3FinalShifts(client, v3Id, schedule, window, emailOf, configOverrides),
      ])
      if (legacy.length === 0) return shiftBased
      return [...legacyNotCarried(legacy, shiftBased), ...shiftBased].sort((a, b) => a.start - b.start || a.end - b.end || a.user.localeCompare(b.user))
    }
    const id = idOf.get(schedule.key)
    if (id === undefined) {
      throw new UserError(`schedule ${schedule.key} ("${schedule.name}") is not in the account yet: run \`oncall apply\`, or leave out --live`)
    }
    return readLayerBased(id, schedule, window)
  }
  return Object.assign(read, {
    has: (key: string) => (desired.schedules.get(key)?.rotations !== undefined ? v3IdOf.has(key) || legacyIdOf.has(key) : idOf.has(key)),
  })
}

/**
 * Layer schedules by config key: `marked` those carrying this config's marker (a migration's
 * legacy schedule is always marked), `byKey` those plus unmarked ones matched by name. One pass.
 */
function scheduleIdsByKey(schedules: readonly Read<PdSchedule>[], desired: DesiredState): {marked: Map<string, string>; byKey: Map<string, string>} {
  const marked = new Map<string, string>()
  const byName = new Map<string, string>()
  for (const s of schedules) {
    const {marker} = parseDescription(s.description)
    if (marker?.owner === desired.owner) marked.set(marker.key, s.id)
    else if (marker === null) byName.set(s.name.toLowerCase(), s.id)
  }
  const byKey = new Map(marked)
  for (const schedule of desired.schedules.values()) {
    const id = byName.get(schedule.name.toLowerCase())
    if (!byKey.has(schedule.key) && id !== undefined) byKey.set(schedule.key, id)
  }
  return {marked, byKey}
}

/**
 * The legacy schedule's shifts less the times its person is on call in the shift-based one too:
 * an override that `migrate --write` carried over stays on the legacy schedule until that is
 * deleted, and PagerDuty notifies a person once however many schedules name them, so showing
 * them twice would misstate who is on call.
 */
function legacyNotCarried(legacy: readonly Shift[], shiftBased: readonly Shift[]): Shift[] {
  return legacy.flatMap((shift) => {
    const same = shiftBased.filter((x) => x.user === shift.user && x.start < shift.end && x.end > shift.start)
    return same.length === 0 ? [shift] : subtractIntervals([shift], same).map((piece) => ({...shift, start: piece.start, end: piece.end}))
  })
}
