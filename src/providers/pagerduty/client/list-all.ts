/**
 * Classic offset pagination with as few round trips as possible: the first page asks for
 * `total=true`, then every remaining offset is requested at once (the client's concurrency
 * budget decides how many actually fly). PagerDuty refuses offset + limit > 10000, so a list
 * longer than that cannot be read completely: that is an error, because a plan computed from a
 * truncated list would propose deleting or recreating what it did not see.
 */
import type {PdPage} from '../dto.js'
import {PagerDutyApiError, PagerDutyPaginationLimitError} from './errors.js'
import type {QueryParams} from './query-string.js'

export const OFFSET_CAP = 10_000

type PageBody = PdPage & Readonly<Record<string, unknown>>
type GetPage = (path: string, params: QueryParams) => Promise<PageBody>

export async function listAllPages<T>(
  get: GetPage,
  path: string,
  wrapperKey: string,
  params: QueryParams,
  pageSize: number,
): Promise<T[]> {
  const first = await get(path, {...params, limit: pageSize, offset: 0, total: true})
  const items = itemsOf<T>(first, path, wrapperKey)
  if (first.more !== true) return items
  // The server may cap `limit` lower than asked; step by what it echoes.
  const limit = typeof first.limit === 'number' && first.limit > 0 ? first.limit : pageSize
  let offset = limit
  let more = true
  if (typeof first.total === 'number') {
    if (first.total > OFFSET_CAP) throw new PagerDutyPaginationLimitError(path, first.total)
    const offsets: number[] = []
    for (let o = limit; o < first.total; o += limit) offsets.push(o)
    const pages = await Promise.all(offsets.map((o) => get(path, {...params, limit, offset: o})))
    for (const page of pages) items.push(...itemsOf<T>(page, path, wrapperKey))
    offset = limit + offsets.length * limit
    more = pages.length === 0 ? true : pages.at(-1)?.more === true
  }
  // No total (or the list grew while we read it): walk on one page at a time.
  while (more) {
    if (offset + limit > OFFSET_CAP) throw new PagerDutyPaginationLimitError(path, undefined)
    const page = await get(path, {...params, limit, offset})
    const pageItems = itemsOf<T>(page, path, wrapperKey)
    items.push(...pageItems)
    more = page.more === true && pageItems.length > 0
    offset += limit
  }
  return dedupeById(items)
}

function itemsOf<T>(page: PageBody, path: string, wrapperKey: string): T[] {
  const items = page?.[wrapperKey]
  if (!Array.isArray(items)) {
    throw new PagerDutyApiError('GET', path, 200, undefined, `response has no "${wrapperKey}" list`, [])
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
