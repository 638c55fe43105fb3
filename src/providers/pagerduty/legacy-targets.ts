import type {EscalationPolicy, EscalationTarget} from '../../model/escalation-policy.js'
import type {LiveResource, LiveState} from '../../plan/live-state.js'
import type {PdTarget, RawAccount} from './dto.js'

/**
 * During a migration (plan/migration-plan.ts) a policy may target both schedules of one key: the
 * layer-based one and the shift-based one. Both read back as `schedule: key`; this marks the
 * layer-based targets of keys the config declares shift-based as `legacy`, from the wire type
 * of each target, so the plan can tell them apart and finish the move.
 */
export function markLegacyTargets(live: LiveState, raw: RawAccount, shiftBasedKeys: ReadonlySet<string>): LiveState {
  if (shiftBasedKeys.size === 0) return live
  const rawById = new Map(raw.escalationPolicies.map((p) => [p.id, p]))
  const isLayerBased = (t: PdTarget | undefined) => t?.type === 'schedule' || t?.type === 'schedule_reference'
  const mark = (p: LiveResource<EscalationPolicy>): LiveResource<EscalationPolicy> => {
    const wire = rawById.get(p.id)
    if (wire === undefined) return p
    let changed = false
    const rules = p.value.rules.map((rule, i) => ({
      ...rule,
      targets: rule.targets.map((t, j): EscalationTarget => {
        if (t.type !== 'schedule' || !shiftBasedKeys.has(t.key) || !isLayerBased(wire.escalation_rules[i]?.targets[j])) return t
        changed = true
        return {...t, legacy: true}
      }),
    }))
    return changed ? {...p, value: {...p.value, rules}} : p
  }
  return {...live, escalationPolicies: live.escalationPolicies.map(mark)}
}
