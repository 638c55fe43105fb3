import type {EscalationPolicy} from '../model/escalation-policy.js'
import type {Schedule} from '../model/schedule.js'
import type {Team} from '../model/team.js'
import type {Change, Resource} from './change.js'
import type {LiveResource, LiveState} from './live-state.js'
import type {Plan} from './plan.js'

/**
 * Pre-flight for a PagerDuty rule the diff cannot see: a team member cannot be removed while an
 * escalation policy of that team still reaches them ("User cannot be removed as they belong to an
 * escalation policy on this team"), directly or through a schedule it targets. Judged on the state
 * after the whole plan, since apply removes members last; found at plan time, so apply does not
 * stop half-way on PagerDuty's refusal.
 */
export function findBlockedMemberRemovals(plan: Plan, live: LiveState): string[] {
  const policies = endState<EscalationPolicy>(live.escalationPolicies, plan, 'escalation_policy')
  const schedules = endState<Schedule>(live.schedules, plan, 'schedule')
  const messages: string[] = []
  for (const change of plan.changes) {
    if (change.type !== 'team' || (change.kind !== 'update' && change.kind !== 'adopt')) continue
    const kept = new Set((change.after as Team).members.map((m) => m.email))
    const removed = (change.before as Team).members.map((m) => m.email).filter((e) => !kept.has(e))
    for (const email of removed) {
      for (const policy of policies.values()) {
        if (policy.team !== change.key) continue
        const via = reachedVia(policy, email, schedules)
        if (via === null) continue
        messages.push(
          `team ${change.key}: PagerDuty refuses to remove ${email} while escalation policy ${policy.key} of this team reaches them ${via}; ` +
            'take them out of it in the same change, or keep them in the team',
        )
        break
      }
    }
  }
  return messages
}

/** How a policy reaches a person (`directly`, `through schedule x`), or null. */
function reachedVia(policy: EscalationPolicy, email: string, schedules: ReadonlyMap<string, Schedule>): string | null {
  for (const rule of policy.rules) {
    for (const target of rule.targets) {
      if (target.type === 'user' && target.email === email) return 'directly'
      if (target.type !== 'schedule') continue
      const schedule = schedules.get(target.key)
      if (schedule?.layers.some((layer) => layer.users.includes(email))) return `through schedule ${target.key}`
    }
  }
  return null
}

/** Objects of this owner by key, as they will be once the plan is applied. */
function endState<T extends Resource & {readonly key: string}>(
  liveObjects: readonly LiveResource<T>[],
  plan: Plan,
  type: Change['type'],
): Map<string, T> {
  const byKey = new Map<string, T>()
  for (const l of liveObjects) if (l.owner === plan.owner) byKey.set(l.value.key, l.value)
  for (const c of plan.changes) {
    if (c.type !== type) continue
    if (c.kind === 'delete') byKey.delete(c.key)
    else byKey.set(c.key, c.after as T)
  }
  return byKey
}
