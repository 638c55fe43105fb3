import type {Override} from '../model/override.js'
import type {Schedule} from '../model/schedule.js'
import type {DesiredState} from '../model/state.js'
import type {PagerDutyClient} from '../providers/pagerduty/client/index.js'
import type {PdUser, Read} from '../providers/pagerduty/dto.js'
import {parseDescription} from '../providers/pagerduty/ownership.js'
import type {PdRotationV3, PdScheduleV3} from '../providers/pagerduty/v3/dto-v3.js'
import {rotationNameFromWire} from '../providers/pagerduty/v3/event-names.js'
import {labelOf} from '../schedule/overrides-on-top.js'
import {LIVE_FINAL_SCHEDULE, type OverrideLabel, type Shift, type TimeWindow} from '../schedule/shift.js'

/**
 * `--live` for shift-based (v3) schedules: the account's final schedule of a v3 schedule
 * (`GET /v3/schedules/{id}?include[]=final_schedule&since&until`), whose
 * `computed_shift_assignments` may hold several people at once (rotations are concurrent).
 * Each assignment becomes a Shift; its rotation (`source.rotation_id`) is named as the config
 * names it (the rotation name carried in its events' names, else "Rotation <n>"), so `who --live`
 * labels rotations like config-mode `who`. Assignments from an override are labelled like the
 * layer schedules' (the config's label when the config has that override, else "outside").
 */

interface ComputedAssignment {
  readonly start_time: string
  readonly end_time: string
  readonly member?: {readonly type: string; readonly user_id?: string} | null
  readonly source?: {readonly type?: string; readonly rotation_id?: string} | null
}

interface V3ScheduleWithFinal {
  readonly schedule: Read<PdScheduleV3> & {readonly final_schedule?: {readonly computed_shift_assignments?: readonly ComputedAssignment[]}}
}

/** An override of the account that the config does not have. */
const OUTSIDE: OverrideLabel = {kind: 'outside', note: null, replaces: null}

/** v3 schedule IDs by config key: this config's ownership marker, else an unmarked schedule of the same name. */
export function v3IdsByKey(v3: readonly Read<PdScheduleV3>[], desired: DesiredState): Map<string, string> {
  const ids = new Map<string, string>()
  const byName = new Map<string, string>()
  for (const s of v3) {
    if (typeof s.id !== 'string') continue
    const {marker} = parseDescription(s.description ?? null)
    if (marker?.owner === desired.owner) ids.set(marker.key, s.id)
    else if (marker === null) byName.set(s.name.toLowerCase(), s.id)
  }
  for (const schedule of desired.schedules.values()) {
    if (schedule.rotations === undefined || ids.has(schedule.key)) continue
    const id = byName.get(schedule.name.toLowerCase())
    if (id !== undefined) ids.set(schedule.key, id)
  }
  return ids
}

/** The name a live rotation has in the model (16a's mapping: the events' common name prefix). */
function rotationName(r: PdRotationV3, position: number): string {
  return rotationNameFromWire(position, (r.events ?? []).map((e) => e.name)).name
}

/** One GET of the v3 schedule's final schedule in `window`, as Shifts (sorted by start, then person). */
export async function readV3FinalShifts(
  client: Pick<PagerDutyClient, 'get'>,
  id: string,
  schedule: Schedule,
  window: TimeWindow,
  emailOf: ReadonlyMap<string, string>,
  configOverrides: readonly Override[],
): Promise<Shift[]> {
  const body = await client.get<V3ScheduleWithFinal>(`/v3/schedules/${encodeURIComponent(id)}`, {
    'include[]': ['final_schedule'],
    since: new Date(window.start).toISOString(),
    until: new Date(window.end).toISOString(),
    time_zone: 'UTC',
    overflow: true,
  })
  const names = (body.schedule.rotations ?? []).map((r, i) => [r.id, rotationName(r, i + 1)] as const)
  const indexOfRotation = (rotationId: string | undefined): number => {
    const name = names.find(([rid]) => rid === rotationId)?.[1]
    const index = name === undefined ? -1 : (schedule.rotations ?? []).findIndex((r) => r.name === name)
    return index >= 0 ? index : LIVE_FINAL_SCHEDULE
  }
  const out: Shift[] = []
  for (const a of body.schedule.final_schedule?.computed_shift_assignments ?? []) {
    const email = a.member?.type === 'user_member' && a.member.user_id !== undefined ? emailOf.get(a.member.user_id) : undefined
    if (email === undefined) continue // an empty member, or a user deleted since
    const start = Date.parse(a.start_time)
    const end = Date.parse(a.end_time)
    const layer = indexOfRotation(a.source?.rotation_id)
    if (!/override/.test(a.source?.type ?? '')) {
      out.push({user: email, start, end, layer})
      continue
    }
    const mine = configOverrides.find((o) => o.schedule === schedule.key && o.user === email && o.start < end && o.end > start)
    out.push({user: email, start, end, layer, override: mine ? labelOf(mine) : OUTSIDE})
  }
  return out.sort((a, b) => a.start - b.start || (a.user < b.user ? -1 : a.user > b.user ? 1 : 0) || a.end - b.end)
}

/** Users' emails by ID, lower-cased (as the config writes them). */
export function emailsById(users: readonly Read<PdUser>[]): Map<string, string> {
  return new Map(users.map((u) => [u.id, u.email.trim().toLowerCase()]))
}
