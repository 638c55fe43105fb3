import type {SandboxContext} from '../context.js'
import {servicesUsingPolicy, userById} from '../lookup.js'
import {objectHead, reference, type Reference} from '../references.js'
import type {PolicyRec, TargetRec} from '../state.js'
import {scheduleRef, scheduleWire} from './schedule.js'
import {teamRef, teamWire} from './team.js'
import {userRef, userWire} from './user.js'
import {v3ScheduleReference} from '../v3/wire.js'

export function policyRef(ctx: SandboxContext, id: string): Reference {
  const p = ctx.state.escalation_policies.find((x) => x.id === id)
  return reference(ctx, 'escalation_policy', id, p?.name ?? 'Deleted Escalation Policy')
}

export interface PolicyView {
  includeTeams?: boolean
  includeTargets?: boolean
}

function targetWire(ctx: SandboxContext, t: TargetRec, full: boolean): Record<string, unknown> {
  if (t.kind === 'user') {
    const u = userById(ctx, t.id)
    return full && u ? userWire(ctx, u) : {...userRef(ctx, t.id)}
  }
  if (t.kind === 'schedule_v3') {
    const v3 = ctx.state.v3_schedules?.find((x) => x.id === t.id)
    return v3 ? v3ScheduleReference(ctx, v3) : {id: t.id, type: 'schedule_v3_reference', summary: 'Deleted Schedule'}
  }
  const s = ctx.state.schedules.find((x) => x.id === t.id)
  return full && s ? scheduleWire(ctx, s, {layers: false, subschedules: false, window: null, zone: s.time_zone}) : {...scheduleRef(ctx, t.id)}
}

export function policyWire(ctx: SandboxContext, p: PolicyRec, view: PolicyView = {}): Record<string, unknown> {
  return {
    ...objectHead(ctx, 'escalation_policy', p.id, p.name, false),
    name: p.name,
    description: p.description,
    num_loops: p.num_loops,
    on_call_handoff_notifications: p.on_call_handoff_notifications,
    escalation_rules: p.rules.map((r) => {
      const rule: Record<string, unknown> = {
        id: r.id,
        escalation_delay_in_minutes: r.escalation_delay_in_minutes,
        targets: r.targets.map((t) => targetWire(ctx, t, view.includeTargets === true)),
      }
      if (r.escalation_rule_assignment_strategy !== undefined) rule.escalation_rule_assignment_strategy = r.escalation_rule_assignment_strategy
      return rule
    }),
    services: servicesUsingPolicy(ctx, p.id).map((s) => reference(ctx, 'service', s.id, s.name)),
    teams: p.teams.map((id) => {
      const t = ctx.state.teams.find((x) => x.id === id)
      return view.includeTeams && t ? teamWire(ctx, t) : teamRef(ctx, id)
    }),
  }
}
