import {identity, type PlannedOverride, type ScheduleOverridePlan} from '../../plan/override-plan.js'
import type {ApplyClient} from './apply-client.js'
import type {IdIndex} from './id-index.js'
import {isAmbiguous} from './ambiguous-failure.js'
import {readScheduleOverrides} from './read-overrides.js'
import {applyV3Overrides} from './v3/apply-v3-overrides.js'

/** What applying the override part of a plan did; stops at the first failure, like the rest of apply. */
export interface OverrideApplyReport {
  readonly created: number
  readonly deleted: number
  readonly failed: {readonly schedule: string; readonly message: string} | null
}

type Line = (text: string) => void

interface BatchResult {
  readonly status?: number
  readonly errors?: readonly string[]
  readonly override?: {readonly id?: string}
}

/**
 * Per schedule: deletes (exclusive schedules only) one by one, then every create in one POST
 * (the array form). Overrides carry no ownership marker, so a POST whose answer was lost cannot
 * be looked up by marker: the schedule's overrides are read again and only the ones still
 * missing are sent once more (never a duplicate).
 */
export async function applyOverrides(
  client: ApplyClient,
  plans: readonly ScheduleOverridePlan[],
  ids: IdIndex,
  line: Line = () => {},
  /** The apply's clock: which events have ended decides a v3 rotation's name. */
  now: Date = new Date(),
): Promise<OverrideApplyReport> {
  let created = 0
  let deleted = 0
  for (const plan of plans) {
    if (plan.shiftBased) {
      try {
        const done = await applyV3Overrides(client, plan, ids, now, line)
        created += done.created
        deleted += done.deleted
      } catch (error) {
        const message = (error as Error)?.message?.split('\n')[0] ?? String(error)
        line(`✗ overrides ${plan.schedule}: ${message}`)
        return {created, deleted, failed: {schedule: plan.schedule, message}}
      }
      continue
    }
    try {
      const scheduleId = ids.requireId('schedule', plan.schedule)
      for (const o of plan.delete) {
        await client.delete(`/schedules/${encodeURIComponent(scheduleId)}/overrides/${encodeURIComponent(o.id ?? '')}`)
        deleted++
        line(`- override ${plan.schedule}: ${o.user} ${o.start} – ${o.end} deleted`)
      }
      if (plan.create.length > 0) {
        await createAll(client, scheduleId, plan.create, ids)
        created += plan.create.length
        line(`+ overrides ${plan.schedule}: ${plan.create.length} created`)
      }
    } catch (error) {
      const message = (error as Error)?.message?.split('\n')[0] ?? String(error)
      line(`✗ overrides ${plan.schedule}: ${message}`)
      return {created, deleted, failed: {schedule: plan.schedule, message}}
    }
  }
  return {created, deleted, failed: null}
}

async function createAll(client: ApplyClient, scheduleId: string, wanted: readonly PlannedOverride[], ids: IdIndex): Promise<void> {
  const userIds = new Map(wanted.map((o) => [o.user, ids.requireId('user', o.user)]))
  const post = (list: readonly PlannedOverride[]) =>
    client.post<readonly BatchResult[]>(`/schedules/${encodeURIComponent(scheduleId)}/overrides`, {
      overrides: list.map((o) => ({start: o.start, end: o.end, time_zone: 'UTC', user: {id: userIds.get(o.user), type: 'user_reference'}})),
    })
  let results: readonly BatchResult[]
  try {
    results = await post(wanted)
  } catch (error) {
    // The answer may have been lost after PagerDuty created some or all: look before sending again.
    const missing = await stillMissing(client, scheduleId, wanted, userIds)
    if (missing.length === 0) return
    if (missing.length === wanted.length && !isAmbiguous(error)) throw error
    results = await post(missing)
  }
  const rejected = (Array.isArray(results) ? results : []).filter((r) => r.status !== undefined && r.status >= 300)
  if (rejected.length > 0) throw new Error(`PagerDuty refused ${rejected.length} override(s): ${rejected.flatMap((r) => r.errors ?? []).join('; ')}`)
}

async function stillMissing(
  client: ApplyClient,
  scheduleId: string,
  wanted: readonly PlannedOverride[],
  userIds: ReadonlyMap<string, string>,
): Promise<PlannedOverride[]> {
  const emailOf = new Map([...userIds].map(([email, id]) => [id, email]))
  const since = Math.min(...wanted.map((o) => Date.parse(o.start)))
  const until = Math.max(...wanted.map((o) => Date.parse(o.end)))
  const live = await readScheduleOverrides(client, scheduleId, {since, until}, (id) => emailOf.get(id))
  const present = new Set(live.map(identity))
  return wanted.filter((o) => !present.has(identity(o)))
}
