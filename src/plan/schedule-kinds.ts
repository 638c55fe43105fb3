import type {Schedule} from '../model/schedule.js'
import type {LiveResource} from './live-state.js'
import {planCollection, type CollectionPlan} from './match-owned.js'

/**
 * Layer-based (v2) and shift-based (v3) schedules are different objects in PagerDuty (different
 * endpoints and ID spaces), so each kind of desired schedule is matched only with live schedules
 * of its kind, by key/marker and, for --adopt, by name (match-owned.ts).
 *
 * A key that is layer-based in PagerDuty and shift-based in the config is a migration: makePlan
 * hands it to migration-plan.ts first (handoff, both targets, legacy schedule ended), which takes
 * the legacy schedule out of the live state this function sees. The reverse (shift-based in
 * PagerDuty, layer-based in the config) still plans safely here: the new kind is created and the
 * old one is deleted, a delete that apply refuses without --allow-destroy (safety.ts), and a
 * warning says what happens. Escalation policies that target the key are moved to the kind the
 * config declares (IdIndex.scheduleTarget).
 */
export function planSchedulesByKind(
  desired: ReadonlyMap<string, Schedule>,
  live: readonly LiveResource<Schedule>[],
  owner: string,
  adopt: boolean,
): CollectionPlan {
  const layerBased = planCollection('schedule', only(desired, false), live.filter((l) => !isShiftBased(l.value)), owner, adopt)
  const shiftBased = planCollection('schedule', only(desired, true), live.filter((l) => isShiftBased(l.value)), owner, adopt)
  const out: CollectionPlan = {
    changes: [...layerBased.changes, ...shiftBased.changes],
    unmanaged: [...layerBased.unmanaged, ...shiftBased.unmanaged],
    conflicts: [...layerBased.conflicts, ...shiftBased.conflicts],
    warnings: [...layerBased.warnings, ...shiftBased.warnings],
    errors: [...layerBased.errors, ...shiftBased.errors],
  }
  out.warnings.push(...kindChangeWarnings(out))
  return out
}

/**
 * How a live policy target reads when it points at the other kind of schedule than the config
 * declares for that key (providers/pagerduty/v3/target-kinds.ts): `primary (layer-based)`.
 */
export function otherKindKey(key: string, liveKind: 'layer-based' | 'shift-based'): string {
  return `${key} (${liveKind})`
}

/** The key an other-kind target stands for (otherKindKey undone); other keys unchanged. */
export function baseScheduleKey(key: string): string {
  return key.replace(/ \((layer|shift)-based\)$/, '')
}

export function isShiftBased(schedule: Schedule): boolean {
  return schedule.rotations !== undefined
}

function only(desired: ReadonlyMap<string, Schedule>, shiftBased: boolean): Map<string, Schedule> {
  return new Map([...desired].filter(([, s]) => isShiftBased(s) === shiftBased))
}

/** A key created as one kind and deleted as the other: say that this is a migration, and how it is done. */
function kindChangeWarnings(plan: CollectionPlan): CollectionPlan['warnings'] {
  const deleted = new Set(plan.changes.filter((c) => c.kind === 'delete').map((c) => c.key))
  return plan.changes
    .flatMap((c) => (c.kind === 'create' && deleted.has(c.key) ? [c] : []))
    .map((c) => {
      const to = isShiftBased(c.after as Schedule) ? 'shift-based' : 'layer-based'
      const from = to === 'shift-based' ? 'layer-based' : 'shift-based'
      return {
        code: 'SCHEDULE_KIND_CHANGED',
        message:
          `schedule ${c.key} is ${from} in PagerDuty and ${to} in the config: the plan creates the ${to} schedule, moves the ` +
          `escalation policies that target it, and deletes the ${from} one (needs --allow-destroy)`,
        type: 'schedule' as const,
        key: c.key,
      }
    })
}
