import type {EscalationPolicy} from '../../../model/escalation-policy.js'
import type {DesiredState} from '../../../model/state.js'
import type {LiveState} from '../../../plan/live-state.js'
import {otherKindKey} from '../../../plan/schedule-kinds.js'
import type {RawAccount} from '../dto.js'

/**
 * A policy target names a schedule by key, but a key can be a layer-based schedule in PagerDuty
 * and a shift-based one in the config (a migration, plan/schedule-kinds.ts). Such a live target
 * reads as `<key> (layer-based)` (or `(shift-based)`), so the diff moves the policy to the kind the
 * config declares (`rules[0].targets: schedule:primary (layer-based) → schedule:primary`) before
 * the old schedule is deleted.
 */
export function markTargetsOfOtherKind(live: LiveState, raw: RawAccount, desired: DesiredState): LiveState {
  const shiftBased = new Set([...desired.schedules.values()].filter((s) => s.rotations !== undefined).map((s) => s.key))
  const layerBased = new Set([...desired.schedules.values()].filter((s) => s.rotations === undefined).map((s) => s.key))
  const rawById = new Map(raw.escalationPolicies.map((p) => [p.id, p]))
  let changed = false
  const escalationPolicies = live.escalationPolicies.map((resource) => {
    const rawPolicy = rawById.get(resource.id)
    if (rawPolicy === undefined) return resource
    let touched = false
    const rules = resource.value.rules.map((rule, i) => ({
      ...rule,
      targets: rule.targets.map((target, j) => {
        // A migration's legacy target (legacy-targets.ts, plan/migration-plan.ts) keeps its key.
        if (target.type !== 'schedule' || target.legacy === true) return target
        const wire = rawPolicy.escalation_rules[i]?.targets[j]
        const isV3 = wire?.type === 'schedule_v3_reference'
        if (isV3 && layerBased.has(target.key)) return (touched = true), {...target, key: otherKindKey(target.key, 'shift-based')}
        if (!isV3 && shiftBased.has(target.key)) return (touched = true), {...target, key: otherKindKey(target.key, 'layer-based')}
        return target
      }),
    }))
    if (!touched) return resource
    changed = true
    return {...resource, value: {...resource.value, rules} satisfies EscalationPolicy}
  })
  return changed ? {...live, escalationPolicies} : live
}
