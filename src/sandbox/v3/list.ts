import {intParam} from '../query.js'
import {v3Invalid} from './errors.js'

/**
 * v3 offset pagination: `{<key>: [...], limit, offset, more}` with no `total`. Schedules default
 * to 100 per page (max 1000, notes §2.4), rotations/events/shifts/overrides to 25 (max 100).
 */
export function v3List<T>(key: string, query: URLSearchParams, items: readonly T[], defaults: {limit: number; max: number}, render: (t: T) => unknown): Record<string, unknown> {
  const limit = intParam(query, 'limit') ?? defaults.limit
  const offset = intParam(query, 'offset') ?? 0
  if (limit < 1 || limit > defaults.max) throw v3Invalid('limit', `must be between 1 and ${defaults.max}`)
  if (offset < 0) throw v3Invalid('offset', 'must not be negative')
  const page = items.slice(offset, offset + limit)
  return {[key]: page.map(render), limit, offset, more: offset + page.length < items.length}
}

/** since/until of the time-ranged lists; the spec marks both required. */
export function requiredRange(query: URLSearchParams): {start: number; end: number} {
  const since = query.get('since')
  const until = query.get('until')
  if (!since) throw v3Invalid('since', 'is required')
  if (!until) throw v3Invalid('until', 'is required')
  const start = Date.parse(since)
  const end = Date.parse(until)
  if (Number.isNaN(start)) throw v3Invalid('since', 'must be an ISO 8601 date-time')
  if (Number.isNaN(end)) throw v3Invalid('until', 'must be an ISO 8601 date-time')
  if (end <= start) throw v3Invalid('until', 'must be after since')
  return {start, end}
}
