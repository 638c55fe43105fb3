/**
 * Classic offset pagination with as few round trips as possible: the first page asks for
 * `total=true`, then every remaining offset is requested at once (the client's concurrency
 * budget decides how many actually fly). PagerDuty refuses offset + limit > 10000, so a list
 * longer than that cannot be read completely: that is an error, because a plan computed from a
 * truncated list would propose deleting or recreating what it did not see.
 *
 * Nothing the server says is trusted to size the work: the echoed `limit` must be an integer
 * from 1 to what we asked for (PagerDuty's maximum is 100), `total` a non-negative integer, a
 * page may hold at most `limit` items, and every item must be an object. Anything else is a
 * one-line PagerDutyResponseError naming the endpoint (`limit: 1e-9, total: 50` would otherwise
 * build billions of offsets; a `null` item would fail later without saying where it came from).
 */
import type {PdPage} from '../dto.js'
import {PagerDutyApiError, PagerDutyPaginationLimitError, PagerDutyResponseError} from './errors.js'
import type {QueryParams} from './query-string.js'

export const OFFSET_CAP = 10_000
/** PagerDuty's largest page. */
export const MAX_PAGE_SIZE = 100

type PageBody = PdPage & Readonly<Record<string, unknown>>
type GetPage = (path: string, params: QueryParams) => Promise<PageBody>

export async function listAllPages<T>(
  get: GetPage,
  path: string,
  wrapperKey: string,
  params: QueryParams,
  pageSize: number,
): Promise<T[]> {
  const asked = Math.min(pageSize, MAX_PAGE_SIZE)
  const first = await get(path, {...params, limit: asked, offset: 0, total: true})
  // The server may cap `limit` lower than asked; step by what it echoes.
  const limit = echoedLimit(first.limit, asked, path)
  const items = itemsOf<T>(first, path, wrapperKey, limit)
  if (first.more !== true) return items
  let offset = limit
  let more = true
  if (first.total !== undefined && first.total !== null) {
    if (!Number.isSafeInteger(first.total) || first.total < 0) {
      throw new PagerDutyResponseError('GET', path, `"total" is ${JSON.stringify(first.total)}, not a non-negative integer`)
    }
    if (first.total > OFFSET_CAP) throw new PagerDutyPaginationLimitError(path, first.total)
    const offsets: number[] = []
    for (let o = limit; o < first.total; o += limit) offsets.push(o)
    const pages = await Promise.all(offsets.map((o) => get(path, {...params, limit, offset: o})))
    for (const page of pages) items.push(...itemsOf<T>(page, path, wrapperKey, limit))
    offset = limit + offsets.length * limit
    more = pages.length === 0 ? true : pages.at(-1)?.more === true
  }
  // No total (or the list grew while we read it): walk on one page at a time.
  while (more) {
    if (offset + limit > OFFSET_CAP) throw new PagerDutyPaginationLimitError(path, undefined)
    const page = await get(path, {...params, limit, offset})
    const pageItems = itemsOf<T>(page, path, wrapperKey, limit)
    items.push(...pageItems)
    more = page.more === true && pageItems.length > 0
    offset += limit
  }
  return dedupeById(items)
}

function echoedLimit(value: unknown, asked: number, path: string): number {
  if (value === undefined || value === null) return asked
  if (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= asked) return value
  throw new PagerDutyResponseError('GET', path, `"limit" is ${JSON.stringify(value)}; expected an integer from 1 to ${asked} (what was asked)`)
}

function itemsOf<T>(page: PageBody, path: string, wrapperKey: string, limit: number): T[] {
  const items = page?.[wrapperKey]
  if (!Array.isArray(items)) {
    throw new PagerDutyApiError('GET', path, 200, undefined, `response has no "${wrapperKey}" list`, [])
  }
  if (items.length > limit) {
    throw new PagerDutyResponseError('GET', path, `the "${wrapperKey}" page holds ${items.length} items, more than its limit of ${limit}`)
  }
  const bad = items.findIndex((item) => typeof item !== 'object' || item === null || Array.isArray(item))
  if (bad >= 0) {
    const value: unknown = items[bad]
    const what = value === null ? 'null' : Array.isArray(value) ? 'a list' : `${typeof value} ${JSON.stringify(value)?.slice(0, 40)}`
    throw new PagerDutyResponseError('GET', path, `item ${bad} of the "${wrapperKey}" list is ${what}, not an object`)
  }
  return [...(items as T[])]
}

/**
 * Objects created or deleted while the pages are read shift offsets; a shift can show an object
 * twice, which would look like a duplicate in the account. Keep the first copy.
 */
function dedupeById<T>(items: T[]): T[] {
  const seen = new Set<string>()
  return items.filter((item) => {
    const id = (item as {id?: unknown}).id
    if (typeof id !== 'string') return true
    if (seen.has(id)) return false
    seen.add(id)
    return true
  })
}
