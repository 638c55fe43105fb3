import type {SandboxContext} from '../context.js'
import {serviceTeams} from '../lookup.js'
import {objectHead, reference} from '../references.js'
import type {ServiceRec} from '../state.js'
import {policyRef, policyWire} from './policy.js'
import {teamWire} from './team.js'

export interface ServiceView {
  includeEscalationPolicies?: boolean
  includeTeams?: boolean
  /** Like PagerDuty, auto_pause_notifications_parameters is in the object only when include[] asks for it (notes §2.5). */
  includeAutoPause?: boolean
}

export function serviceWire(ctx: SandboxContext, s: ServiceRec, view: ServiceView = {}): Record<string, unknown> {
  const policy = ctx.state.escalation_policies.find((p) => p.id === s.escalation_policy)
  return {
    ...objectHead(ctx, 'service', s.id, s.name, false),
    name: s.name,
    description: s.description,
    auto_resolve_timeout: s.auto_resolve_timeout,
    acknowledgement_timeout: s.acknowledgement_timeout,
    created_at: new Date(s.created_at).toISOString().replace('.000Z', 'Z'),
    status: s.status,
    last_incident_timestamp: null,
    escalation_policy: view.includeEscalationPolicies && policy ? policyWire(ctx, policy) : policyRef(ctx, s.escalation_policy),
    teams: serviceTeams(ctx, s).map((t) => (view.includeTeams ? teamWire(ctx, t) : reference(ctx, 'team', t.id, t.name))),
    integrations: [],
    addons: [],
    alert_creation: s.alert_creation,
    response_play: s.response_play ?? null,
    incident_urgency_rule: s.incident_urgency_rule,
    support_hours: s.support_hours,
    scheduled_actions: s.scheduled_actions,
    alert_grouping_parameters: s.alert_grouping_parameters,
    ...(view.includeAutoPause ? {auto_pause_notifications_parameters: s.auto_pause_notifications_parameters} : {}),
  }
}
