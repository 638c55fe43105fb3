import type {Schedule} from '../model/schedule.js'
import type {Plan, PlanWarning} from '../plan/plan.js'
import type {PagerDutyClient} from '../providers/pagerduty/client/index.js'
import {v3Extras} from '../providers/pagerduty/v3/read-v3-extras.js'

/**
 * A shift-based schedule the plan deletes takes its custom shifts and overrides with it; the
 * config does not manage them, so the plan says so (never a silent loss). Costs two requests per
 * deleted shift-based schedule, none otherwise.
 */
export async function withV3DeleteWarnings(plan: Plan, client: Pick<PagerDutyClient, 'get'>, now: Date): Promise<Plan> {
  const deletes = plan.changes.flatMap((c) => (c.kind === 'delete' && c.type === 'schedule' && (c.before as Schedule).rotations !== undefined ? [c] : []))
  if (deletes.length === 0) return plan
  const warnings: PlanWarning[] = []
  for (const c of deletes) {
    const {customShifts, overrides} = await v3Extras(client, c.id, now)
    if (customShifts + overrides === 0) continue
    warnings.push({
      code: 'V3_EXTRAS_DELETED',
      message: `schedule ${c.key}: deleting it also deletes ${count(overrides, 'override')} and ${count(customShifts, 'custom shift')} from now on, which the config does not manage`,
      type: 'schedule',
      key: c.key,
    })
  }
  return warnings.length === 0 ? plan : {...plan, warnings: [...plan.warnings, ...warnings]}
}

function count(n: number, what: string): string {
  return `${n} ${what}${n === 1 ? '' : 's'}`
}
