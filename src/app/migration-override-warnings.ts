import type {Override} from '../model/override.js'
import type {LiveState} from '../plan/live-state.js'
import type {Plan, PlanWarning} from '../plan/plan.js'
import type {QueryParams} from '../providers/pagerduty/client/query-string.js'
import {readScheduleOverrides} from '../providers/pagerduty/read-overrides.js'
import {formatSpanInZone} from '../schedule/format-local.js'

/** How far after the handoff the legacy schedule's overrides are looked for. */
const AHEAD_MS = 90 * 86_400_000

/**
 * A migration (plan/migration-plan.ts) moves the rotations, not the overrides someone made in
 * PagerDuty on the layer-based schedule: after the handoff the policy would page both the
 * override's person (legacy schedule) and the rotation's member (shift-based one), and once the
 * policy drops the legacy schedule the override is gone. The plan says so, naming the first.
 * One request per schedule still moving (start or transition), none otherwise.
 *
 * An override the config carries over is not named: `declared` (the config's overrides and
 * time-off covers, effectiveOverrides) puts the same person on call over the same time on the
 * shift-based schedule (`oncall migrate --write` gives them their `rotation:`), so both
 * schedules have that person then, nobody else is paged, and the override stays after the legacy
 * schedule goes.
 */
export async function withMigrationOverrideWarnings(
  plan: Plan,
  client: {get<T>(path: string, params?: QueryParams): Promise<T>},
  live: LiveState,
  declared: () => readonly Override[] = () => [],
): Promise<Plan> {
  const moving = (plan.migrations ?? []).filter((m) => m.phase !== 'finish' && m.handoff !== null)
  if (moving.length === 0) return plan
  const emails = new Map([...live.users.values()].map((u) => [u.id, u.value.email]))
  const warnings: PlanWarning[] = []
  let all: readonly Override[] | undefined
  for (const m of moving) {
    const since = Date.parse(m.handoff as string)
    const carried = (all ??= declared()).filter((o) => o.schedule === m.key)
    const read = await readScheduleOverrides(client, m.legacyId, {since, until: since + AHEAD_MS}, (id) => emails.get(id))
    const overrides = read.filter((o) => !coveredBy(o, carried))
    const first = overrides[0]
    if (first === undefined) continue
    warnings.push({
      code: 'MIGRATION_OVERRIDES_NOT_MOVED',
      message:
        `schedule ${m.key}: the layer-based schedule ${m.legacyId} has ${overrides.length} override(s) after the handoff (first: ${first.user} ${formatSpanInZone(Math.max(first.start, since), first.end, m.timeZone)}); ` +
        'the migration does not move them: until the policies drop the layer-based schedule they would page the override and the rotation, then the override is gone. ' +
        "Write them into the config's overrides: (or recreate them on the shift-based schedule)",
      type: 'schedule',
      key: m.key,
    })
  }
  return warnings.length === 0 ? plan : {...plan, warnings: [...plan.warnings, ...warnings]}
}

/** Whether `declared` overrides of the same person cover the live override's whole span (covers may come in pieces). */
function coveredBy(live: {readonly user: string; readonly start: number; readonly end: number}, declared: readonly Override[]): boolean {
  let at = live.start
  for (const d of [...declared].filter((o) => o.user === live.user.toLowerCase()).sort((a, b) => a.start - b.start)) {
    if (d.start > at) break
    at = Math.max(at, d.end)
    if (at >= live.end) return true
  }
  return at >= live.end
}
