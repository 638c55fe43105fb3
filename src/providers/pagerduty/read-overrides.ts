import type {LiveOverride} from '../../plan/override-plan.js'
import type {QueryParams} from './client/query-string.js'

/** An override as PagerDuty returns it (GET /schedules/{id}/overrides). */
interface PdOverride {
  readonly id: string
  readonly start: string
  readonly end: string
  readonly user?: {readonly id: string} | null
}

/**
 * The overrides of one schedule that end after `since` (past ones are never touched, so never
 * read): one unpaginated GET with overflow=true, so each comes whole (not cut at the bounds) and
 * compares by (user, start, end) with the config's. Users become emails (`emailOf`); an override
 * of a user the account no longer lists keeps the user's ID.
 */
export async function readScheduleOverrides(
  client: {get<T>(path: string, params?: QueryParams): Promise<T>},
  scheduleId: string,
  window: {readonly since: number; readonly until: number},
  emailOf: (userId: string) => string | undefined,
): Promise<LiveOverride[]> {
  const body = await client.get<{overrides?: readonly PdOverride[]}>(`/schedules/${encodeURIComponent(scheduleId)}/overrides`, {
    since: new Date(window.since).toISOString(),
    until: new Date(window.until).toISOString(),
    overflow: true,
  })
  return (body.overrides ?? [])
    .flatMap((o): LiveOverride[] => {
      const userId = o.user?.id
      if (userId === undefined) return []
      return [{id: o.id, user: emailOf(userId) ?? userId, start: Date.parse(o.start), end: Date.parse(o.end)}]
    })
    .filter((o) => o.end > window.since)
    .sort((a, b) => a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : 1))
}
