/**
 * Reading shift-based (v3) schedules. The list (`GET /v3/schedules`, offset pages of up to 1000,
 * no `total`) returns `schedule_v3_reference`s only: no description (which carries the ownership
 * marker), no rotations. So every listed schedule costs one `GET /v3/schedules/{id}`, which returns
 * the description, teams and the live rotations with their events in one answer.
 *
 * Request cost: ⌈v3 schedules / 1000⌉ list pages (at least 1) + one GET per v3 schedule. An
 * account without shift-based schedules pays one request (the empty list page); fetching details
 * only for schedules whose name matches the config would save GETs but miss an owned schedule
 * renamed in PagerDuty or removed from the config, which the plan must update or delete.
 */
import {PagerDutyApiError} from '../client/index.js'
import type {PagerDutyClient} from '../client/index.js'
import type {Read} from '../dto.js'
import type {PdScheduleV3} from './dto-v3.js'

type Client = Pick<PagerDutyClient, 'get'>

/** PagerDuty's largest v3 schedule page. */
export const V3_SCHEDULE_PAGE = 1000

/** The references of every v3 schedule (optionally filtered by `query` / `team_ids[]`), all pages. */
export async function listV3Schedules(client: Client, filter: {query?: string; teamIds?: readonly string[]} = {}): Promise<{id: string; summary: string}[]> {
  const params: Record<string, string | number | readonly string[]> = {}
  if (filter.query !== undefined) params.query = filter.query
  if (filter.teamIds !== undefined && filter.teamIds.length > 0) params['team_ids[]'] = filter.teamIds
  let items: {readonly id: string; readonly summary?: string | null}[]
  try {
    items = await listV3<{readonly id: string; readonly summary?: string | null}>(client, '/v3/schedules', 'schedules', params, V3_SCHEDULE_PAGE)
  } catch (error) {
    // An API that does not serve /v3 at all (a 404 on the list itself) has no shift-based schedules.
    if (error instanceof PagerDutyApiError && error.status === 404) return []
    throw error
  }
  const seen = new Set<string>()
  return items.filter((s) => typeof s.id === 'string' && (seen.has(s.id) ? false : (seen.add(s.id), true))).map((s) => ({id: s.id, summary: s.summary ?? ''}))
}

/** Every item of a v3 offset-paginated list (`{<key>: [...], more}`, no `total`), page by page. */
export async function listV3<T>(client: Client, path: string, key: string, params: Record<string, string | number | readonly string[]>, limit: number): Promise<T[]> {
  const out: T[] = []
  for (let offset = 0; ; offset += limit) {
    const page = await client.get<Record<string, unknown> & {more?: boolean}>(path, {...params, limit, offset})
    const items = Array.isArray(page[key]) ? (page[key] as T[]) : []
    out.push(...items)
    if (page.more !== true || items.length === 0) return out
  }
}

/** Full v3 schedules by ID (a 404, e.g. deleted since the list, is left out). */
export async function v3SchedulesById(client: Client, ids: Iterable<string>): Promise<Read<PdScheduleV3>[]> {
  const found = await Promise.all(
    [...new Set(ids)].map(async (id) => {
      try {
        return (await client.get<{schedule?: Read<PdScheduleV3>}>(`/v3/schedules/${encodeURIComponent(id)}`)).schedule ?? null
      } catch (error) {
        if (error instanceof PagerDutyApiError && error.status === 404) return null
        throw error
      }
    }),
  )
  return found.filter((s): s is Read<PdScheduleV3> => s !== null)
}

/** Every v3 schedule of the account, in full (the full read). */
export async function readAllV3Schedules(client: Client): Promise<Read<PdScheduleV3>[]> {
  return v3SchedulesById(client, (await listV3Schedules(client)).map((s) => s.id))
}
