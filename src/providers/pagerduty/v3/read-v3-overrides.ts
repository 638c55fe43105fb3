/**
 * Overrides and custom shifts of one shift-based (v3) schedule. Both lists need `since` and
 * `until` and page by offset (at most 100 a page, `more`, no `total`). Users become emails
 * (`emailOf`); a user the account no longer lists keeps its ID; `empty_member` reads as null.
 */
import type {LiveV3Override} from '../../../plan/override-plan.js'
import type {QueryParams} from '../client/query-string.js'
import {parseInstant} from '../mapping/wall-clock.js'
import type {PdRotationV3, PdScheduleV3} from './dto-v3.js'
import {rotationNameFromWire} from './event-names.js'
import {listV3} from './read-v3-schedules.js'
import {currentEvents} from './schedule-from-pd-v3.js'

type Client = {get<T>(path: string, params?: QueryParams): Promise<T>}

/** PagerDuty's largest page of v3 overrides and custom shifts. */
const PAGE = 100

type PdMember = {readonly type: string; readonly user_id?: string}

interface PdOverrideV3 {
  readonly id: string
  readonly rotation_id?: string
  readonly custom_shift_id?: string
  readonly start_time: string
  readonly end_time: string
  readonly overridden_member: PdMember
  readonly overriding_member: PdMember
}

/** The v3 overrides of a schedule that end after `window.since` and start before `window.until`, by start. */
export async function readV3Overrides(
  client: Client,
  scheduleId: string,
  window: {readonly since: number; readonly until: number},
  emailOf: (userId: string) => string | undefined,
): Promise<LiveV3Override[]> {
  const member = (m: PdMember) => (m.type === 'user_member' && m.user_id !== undefined ? (emailOf(m.user_id) ?? m.user_id) : null)
  const wire = await listV3<PdOverrideV3>(client, `/v3/schedules/${encodeURIComponent(scheduleId)}/overrides`, 'overrides', range(window), PAGE)
  return wire
    .map(
      (o): LiveV3Override => ({
        id: o.id,
        ...(o.rotation_id === undefined ? {} : {rotationId: o.rotation_id}),
        ...(o.custom_shift_id === undefined ? {} : {customShiftId: o.custom_shift_id}),
        overridden: member(o.overridden_member),
        user: member(o.overriding_member),
        start: parseInstant(o.start_time),
        end: parseInstant(o.end_time),
      }),
    )
    .filter((o) => o.end > window.since)
    .sort((a, b) => a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : 1))
}

/** How many custom shifts the schedule has in the window (import warns about them: the language has none). */
export async function countV3CustomShifts(client: Client, scheduleId: string, window: {readonly since: number; readonly until: number}): Promise<number> {
  const list = await listV3<{id: string; end_time: string}>(client, `/v3/schedules/${encodeURIComponent(scheduleId)}/custom_shifts`, 'custom_shifts', range(window), PAGE)
  return list.filter((c) => parseInstant(c.end_time) > window.since).length
}

/**
 * The model name of each live rotation of a schedule, by rotation ID (the naming rule of
 * event-names.ts, the same the mapping applies): what a v3 override's `rotation_id` becomes.
 */
export function rotationNamesById(raw: Pick<PdScheduleV3, 'rotations'>, now: number): Map<string, string> {
  return new Map(
    (raw.rotations ?? []).map((r: PdRotationV3, i) => [r.id, rotationNameFromWire(i + 1, currentEvents(r, now).map((e) => e.name)).name]),
  )
}

/** The `since`/`until` query of the time-ranged v3 lists. */
function range(window: {readonly since: number; readonly until: number}): {since: string; until: string} {
  return {since: new Date(window.since).toISOString(), until: new Date(window.until).toISOString()}
}
