import type {PagerDutyClient} from '../client/index.js'
import {utcIso} from './schedule-to-pd-v3.js'
import {listV3} from './read-v3-schedules.js'

/** How far ahead overrides and custom shifts are counted before a v3 schedule is deleted. */
const AHEAD_MS = 366 * 86_400_000
/** PagerDuty's largest page of custom shifts and overrides. */
const PAGE = 100

/**
 * Custom shifts and overrides of a v3 schedule from now on: the config does not manage them, and
 * deleting the schedule deletes them, so the plan names them (two list requests, made only for
 * schedules the plan deletes).
 */
export async function v3Extras(client: Pick<PagerDutyClient, 'get'>, scheduleId: string, now: Date): Promise<{customShifts: number; overrides: number}> {
  const range = {since: utcIso(now.getTime()), until: utcIso(now.getTime() + AHEAD_MS)}
  const base = `/v3/schedules/${encodeURIComponent(scheduleId)}`
  const [customShifts, overrides] = await Promise.all([
    listV3<unknown>(client, `${base}/custom_shifts`, 'custom_shifts', range, PAGE),
    listV3<unknown>(client, `${base}/overrides`, 'overrides', range, PAGE),
  ])
  return {customShifts: customShifts.length, overrides: overrides.length}
}
