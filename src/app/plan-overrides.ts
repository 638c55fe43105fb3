import type {DesiredState} from '../model/state.js'
import type {LiveState} from '../plan/live-state.js'
import {OVERRIDE_HORIZON_DAYS, overrideWork, planOverrides, schedulesWithOverrides, type LiveOverride, type LiveV3PlanOverride} from '../plan/override-plan.js'
import {readV3Overrides, rotationNamesById} from '../providers/pagerduty/v3/read-v3-overrides.js'
import type {Plan} from '../plan/plan.js'
import type {SafetyViolation} from '../plan/safety.js'
import type {IdIndex} from '../providers/pagerduty/id-index.js'
import {readScheduleOverrides} from '../providers/pagerduty/read-overrides.js'
import type {QueryParams} from '../providers/pagerduty/client/query-string.js'
import {effectiveOverrides} from '../schedule/effective-overrides.js'

export interface OverridesRequest {
  readonly desired: DesiredState
  readonly live: LiveState
  readonly ids: IdIndex
  readonly client: {get<T>(path: string, params?: QueryParams): Promise<T>; readonly requestCount: number}
  readonly now: Date
  readonly allowDestroy: boolean
  readonly previewDays: number
  readonly names: ReadonlyMap<string, string>
}

/**
 * The override part of a plan: reads overrides only for schedules of this config that have
 * overrides or time off (or `overrides: exclusive`) and that the plan manages (owned, or created
 * or adopted by it): one GET per such schedule, none for a config without overrides. Returns the
 * plan with `overrides`, their warnings, previews and counts, and the safety violation for deletes.
 */
export async function withOverridePlan(plan: Plan, request: OverridesRequest): Promise<{plan: Plan; violations: SafetyViolation[]}> {
  const {desired, now} = request
  const all = effectiveOverrides(desired)
  const exclusive = desired.exclusiveOverrides ?? new Set<string>()
  const wanted = schedulesWithOverrides(all, exclusive)
  if (wanted.length === 0) return {plan, violations: []}
  const blocked = new Set([...plan.unmanaged, ...plan.conflicts].filter((u) => u.type === 'schedule').map((u) => u.key))
  const created = new Set(plan.changes.filter((c) => c.type === 'schedule' && c.kind === 'create').map((c) => c.key))
  const emails = new Map([...request.live.users].map(([email, u]) => [u.id, email]))
  const until = Math.max(now.getTime() + OVERRIDE_HORIZON_DAYS * 86_400_000, ...all.map((o) => o.end))
  const live = new Map<string, readonly LiveOverride[]>()
  const liveV3 = new Map<string, readonly LiveV3PlanOverride[]>()
  const schedules = new Map([...desired.schedules].filter(([key]) => !blocked.has(key)))
  await Promise.all(
    wanted.map(async (key) => {
      if (blocked.has(key)) return
      const shiftBased = desired.schedules.get(key)?.rotations !== undefined
      const side = shiftBased ? liveV3 : live
      if (created.has(key)) {
        side.set(key, [])
        return
      }
      const window = {since: now.getTime(), until}
      if (shiftBased) {
        const id = request.ids.v3ScheduleId(key)
        if (id === undefined) return
        liveV3.set(key, await liveV3Overrides(request, id, window, (userId) => emails.get(userId)))
        return
      }
      const id = request.ids.id('schedule', key)
      if (id === undefined) return
      live.set(key, await readScheduleOverrides(request.client, id, window, (userId) => emails.get(userId)))
    }),
  )
  const readable = new Map([...schedules].filter(([key]) => live.has(key) || liveV3.has(key)))
  const result = planOverrides({schedules: readable, overrides: all, exclusive, live, liveV3, now, previewDays: request.previewDays, names: request.names})
  const work = overrideWork(result.plans)
  const next: Plan = {
    ...plan,
    summary: {...plan.summary, create: plan.summary.create + work.create, delete: plan.summary.delete + work.delete},
    warnings: [...plan.warnings, ...result.warnings],
    requestCount: request.client.requestCount,
    ...(result.previews.length > 0 ? {shiftPreviews: [...(plan.shiftPreviews ?? []), ...result.previews]} : {}),
    ...(result.plans.length > 0 ? {overrides: result.plans} : {}),
  }
  const violations: SafetyViolation[] =
    work.delete > 0 && !request.allowDestroy
      ? [{code: 'override-deletes', requires: 'allow-destroy', message: `${work.delete} override(s) made outside the config would be deleted (overrides: exclusive)`}]
      : []
  return {plan: next, violations}
}

/** A shift-based schedule's live v3 overrides with their rotations named as the mapping names them (v3/event-names.ts). */
async function liveV3Overrides(
  request: OverridesRequest,
  scheduleId: string,
  window: {since: number; until: number},
  emailOf: (userId: string) => string | undefined,
): Promise<LiveV3PlanOverride[]> {
  const names = rotationNamesById(request.ids.liveV3(scheduleId) ?? {}, request.now.getTime())
  const found = await readV3Overrides(request.client, scheduleId, window, emailOf)
  return found.map((o) => ({
    id: o.id,
    user: o.user,
    overridden: o.overridden,
    rotation: o.rotationId === undefined ? null : (names.get(o.rotationId) ?? null),
    start: o.start,
    end: o.end,
  }))
}
