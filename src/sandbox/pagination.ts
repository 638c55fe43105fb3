import {invalidInput} from './errors.js'
import {boolParam, intParam} from './query.js'

/** Classic offset pagination (DevDocs 09-Pagination): limit default 25, max 100, offset+limit ≤ 10000. */
export const DEFAULT_LIMIT = 25
export const MAX_LIMIT = 100
export const MAX_OFFSET_PLUS_LIMIT = 10_000

export interface Page {
  limit: number
  offset: number
  more: boolean
  total: number | null
}

export function paginate<T>(query: URLSearchParams, items: readonly T[]): {page: T[]; meta: Page} {
  const requested = intParam(query, 'limit')
  const offset = intParam(query, 'offset') ?? 0
  if (requested !== undefined && requested < 1) throw invalidInput('limit must be at least 1')
  if (offset < 0) throw invalidInput('offset must not be negative')
  // PD silently clamps limits above 100 to 100.
  const limit = Math.min(requested ?? DEFAULT_LIMIT, MAX_LIMIT)
  if (offset + limit > MAX_OFFSET_PLUS_LIMIT) {
    throw invalidInput(`Offset must be less than or equal to ${MAX_OFFSET_PLUS_LIMIT - limit}`)
  }
  const page = items.slice(offset, offset + limit)
  return {
    page,
    meta: {limit, offset, more: offset + page.length < items.length, total: boolParam(query, 'total') ? items.length : null},
  }
}

/**
 * `{<key>: [...], limit, offset, more, total}`. `render` turns a record into its wire object; it
 * runs on the requested page only, so reading a list of n objects page by page costs O(n), not
 * O(n²) (rendering can be costly: a user's teams, a schedule's layers).
 */
export function listBody<T, W = T>(key: string, query: URLSearchParams, items: readonly T[], render?: (item: T) => W): Record<string, unknown> {
  const {page, meta} = paginate(query, items)
  return {[key]: render ? page.map(render) : page, ...meta}
}
