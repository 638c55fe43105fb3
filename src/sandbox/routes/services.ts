import {has, isObj, optString, reqString, unwrap, type Obj} from '../body.js'
import type {SandboxContext} from '../context.js'
import {invalidInput} from '../errors.js'
import {byName, findById, nameTaken, requireRef, serviceTeams} from '../lookup.js'
import {listBody} from '../pagination.js'
import {includes, listParam, matchesQuery} from '../query.js'
import type {PdRequest, Route} from '../router.js'
import type {ServiceRec} from '../state.js'
import {serviceWire} from '../wire/service.js'

const STATUSES = ['active', 'warning', 'critical', 'maintenance', 'disabled']

function timeout(b: Obj, key: string, fallback: number | null): number | null {
  if (!has(b, key)) return fallback
  const v = b[key]
  if (v === null) return null
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) throw invalidInput(`${key} must be a non-negative integer`)
  return v
}

function build(ctx: SandboxContext, b: Obj, current: ServiceRec | undefined, now: number): ServiceRec {
  const epId = has(b, 'escalation_policy') ? (isObj(b.escalation_policy) ? b.escalation_policy.id : undefined) : current?.escalation_policy
  const service: ServiceRec = {
    id: current?.id ?? '',
    name: reqString(b, 'name', current?.name),
    description: optString(b, 'description', current?.description ?? null),
    escalation_policy: requireRef(ctx.state.escalation_policies, epId, 'Escalation policy').id,
    // Defaults (notes §3.6): acknowledgement_timeout 1800; auto_resolve_timeout is documented as
    // 14400, but leaving it unset in a POST disables it, so a POST without it stores null.
    acknowledgement_timeout: timeout(b, 'acknowledgement_timeout', current ? current.acknowledgement_timeout : 1800),
    auto_resolve_timeout: timeout(b, 'auto_resolve_timeout', current ? current.auto_resolve_timeout : null),
    // Services can only be created active; a PUT may change the status.
    status: current ? (optString(b, 'status', current.status) ?? current.status) : 'active',
    created_at: current?.created_at ?? now,
    alert_creation: optString(b, 'alert_creation', current?.alert_creation ?? 'create_alerts_and_incidents') ?? 'create_alerts_and_incidents',
    incident_urgency_rule: has(b, 'incident_urgency_rule') ? b.incident_urgency_rule : (current?.incident_urgency_rule ?? {type: 'constant', urgency: 'high'}),
    support_hours: has(b, 'support_hours') ? b.support_hours : (current?.support_hours ?? null),
    scheduled_actions: has(b, 'scheduled_actions') && Array.isArray(b.scheduled_actions) ? b.scheduled_actions : (current?.scheduled_actions ?? []),
    alert_grouping_parameters: has(b, 'alert_grouping_parameters') ? b.alert_grouping_parameters : (current?.alert_grouping_parameters ?? {type: null}),
    auto_pause_notifications_parameters: has(b, 'auto_pause_notifications_parameters')
      ? b.auto_pause_notifications_parameters
      : (current?.auto_pause_notifications_parameters ?? {enabled: false, timeout: null}),
    response_play: has(b, 'response_play') ? b.response_play : (current?.response_play ?? null),
  }
  if (!STATUSES.includes(service.status)) throw invalidInput('Status is invalid')
  if (nameTaken(ctx.state.services, service.name, current?.id)) throw invalidInput('Name has already been taken')
  return service
}

function view(req: PdRequest) {
  return {
    includeEscalationPolicies: includes(req.query, 'escalation_policies'),
    includeTeams: includes(req.query, 'teams'),
    includeAutoPause: includes(req.query, 'auto_pause_notifications_parameters'),
  }
}

export const serviceRoutes: Route[] = [
  {
    method: 'GET',
    template: '/services',
    handler: (req, ctx) => {
      const teamIds = listParam(req.query, 'team_ids')
      const name = req.query.get('name')
      let services = byName(ctx.state.services)
        .filter((s) => matchesQuery(req.query, s.name))
        .filter((s) => name === null || s.name === name)
        .filter((s) => teamIds.length === 0 || serviceTeams(ctx, s).some((t) => teamIds.includes(t.id)))
      if (req.query.get('sort_by') === 'name:desc') services = services.reverse()
      return {status: 200, body: listBody('services', req.query, services, (s) => serviceWire(ctx, s, view(req)))}
    },
  },
  {
    method: 'POST',
    template: '/services',
    handler: (req, ctx) => {
      const service = build(ctx, unwrap(req.body, 'service'), undefined, ctx.now())
      service.id = ctx.newId()
      ctx.state.services.push(service)
      return {status: 201, body: {service: serviceWire(ctx, service)}}
    },
  },
  {
    method: 'GET',
    template: '/services/{id}',
    handler: (req, ctx) => ({status: 200, body: {service: serviceWire(ctx, findById(ctx.state.services, req.params.id ?? ''), view(req))}}),
  },
  {
    method: 'PUT',
    template: '/services/{id}',
    handler: (req, ctx) => {
      const current = findById(ctx.state.services, req.params.id ?? '')
      Object.assign(current, build(ctx, unwrap(req.body, 'service'), current, ctx.now()))
      return {status: 200, body: {service: serviceWire(ctx, current)}}
    },
  },
  {
    method: 'DELETE',
    template: '/services/{id}',
    handler: (req, ctx) => {
      const s = findById(ctx.state.services, req.params.id ?? '')
      ctx.state.services = ctx.state.services.filter((x) => x.id !== s.id)
      return {status: 204}
    },
  },
]
