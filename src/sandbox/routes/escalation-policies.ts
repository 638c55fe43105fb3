import {has, isObj, optString, refIds, reqString, unwrap, type Obj} from '../body.js'
import type {SandboxContext} from '../context.js'
import {invalidInput} from '../errors.js'
import {byName, findById, nameTaken, requireRef, servicesUsingPolicy} from '../lookup.js'
import {listBody} from '../pagination.js'
import {includes, listParam, matchesQuery} from '../query.js'
import type {PdRequest, Route} from '../router.js'
import type {PolicyRec, RuleRec, TargetRec} from '../state.js'
import {policyWire, type PolicyView} from '../wire/policy.js'

function parseTarget(ctx: SandboxContext, t: unknown): TargetRec {
  if (!isObj(t)) throw invalidInput('Escalation rule target must be an object')
  if (t.type === 'user' || t.type === 'user_reference') return {kind: 'user', id: requireRef(ctx.state.users, t.id, 'User').id}
  if (t.type === 'schedule' || t.type === 'schedule_reference') return {kind: 'schedule', id: requireRef(ctx.state.schedules, t.id, 'Schedule').id}
  // Shift-based schedules are targeted as schedule_v3_reference (spec target type enum, notes §3.5).
  if (t.type === 'schedule_v3_reference') return {kind: 'schedule_v3', id: requireRef(ctx.state.v3_schedules ?? [], t.id, 'Schedule').id}
  throw invalidInput(`Escalation rule target type ${String(t.type)} is not supported by the sandbox`)
}

function parseRules(ctx: SandboxContext, v: unknown, existing: RuleRec[]): RuleRec[] {
  if (!Array.isArray(v) || v.length === 0) throw invalidInput('Escalation rules must not be empty')
  if (v.length > 20) throw invalidInput('Escalation policies may have at most 20 rules')
  return v.map((r): RuleRec => {
    if (!isObj(r)) throw invalidInput('Escalation rule must be an object')
    const delay = r.escalation_delay_in_minutes
    if (typeof delay !== 'number' || !Number.isInteger(delay) || delay < 1) throw invalidInput('Escalation delay must be at least 1 minute')
    if (!Array.isArray(r.targets) || r.targets.length === 0) throw invalidInput('Escalation rule targets must not be empty')
    if (r.targets.length > 10) throw invalidInput('Escalation rules may have at most 10 targets')
    // Rule ids are readOnly; an id matching a stored rule keeps it, anything else gets a new id.
    const kept = typeof r.id === 'string' ? existing.find((x) => x.id === r.id) : undefined
    const rule: RuleRec = {id: kept?.id ?? ctx.newId(), escalation_delay_in_minutes: delay, targets: r.targets.map((t) => parseTarget(ctx, t))}
    if (r.escalation_rule_assignment_strategy !== undefined) rule.escalation_rule_assignment_strategy = r.escalation_rule_assignment_strategy
    return rule
  })
}

function parseTeams(ctx: SandboxContext, b: Obj): string[] {
  const ids = refIds(b.teams, 'teams').map((id) => requireRef(ctx.state.teams, id, 'Team').id)
  if (ids.length > 1) throw invalidInput('An escalation policy can belong to at most one team')
  return ids
}

function build(ctx: SandboxContext, b: Obj, current: PolicyRec | undefined): PolicyRec {
  const numLoops = has(b, 'num_loops') ? b.num_loops : (current?.num_loops ?? 0)
  if (typeof numLoops !== 'number' || !Number.isInteger(numLoops) || numLoops < 0 || numLoops > 9) throw invalidInput('num_loops must be 0..9')
  const handoff = optString(b, 'on_call_handoff_notifications', current?.on_call_handoff_notifications ?? 'if_has_services') ?? 'if_has_services'
  if (!['if_has_services', 'always'].includes(handoff)) throw invalidInput('on_call_handoff_notifications is invalid')
  const policy: PolicyRec = {
    id: current?.id ?? '',
    name: reqString(b, 'name', current?.name),
    description: optString(b, 'description', current?.description ?? null),
    num_loops: numLoops,
    on_call_handoff_notifications: handoff,
    rules: has(b, 'escalation_rules') || !current ? parseRules(ctx, b.escalation_rules, current?.rules ?? []) : current.rules,
    teams: has(b, 'teams') || !current ? parseTeams(ctx, b) : current.teams,
  }
  if (nameTaken(ctx.state.escalation_policies, policy.name, current?.id)) throw invalidInput('Name has already been taken')
  return policy
}

function view(req: PdRequest): PolicyView {
  // include[]=services is accepted but services stay references (not needed by the client).
  return {includeTeams: includes(req.query, 'teams'), includeTargets: includes(req.query, 'targets')}
}

export const policyRoutes: Route[] = [
  {
    method: 'GET',
    template: '/escalation_policies',
    handler: (req, ctx) => {
      const teamIds = listParam(req.query, 'team_ids')
      const userIds = listParam(req.query, 'user_ids')
      let policies = byName(ctx.state.escalation_policies)
        .filter((p) => matchesQuery(req.query, p.name))
        .filter((p) => teamIds.length === 0 || p.teams.some((t) => teamIds.includes(t)))
        .filter((p) => userIds.length === 0 || p.rules.some((r) => r.targets.some((t) => t.kind === 'user' && userIds.includes(t.id))))
      if (req.query.get('sort_by') === 'name:desc') policies = policies.reverse()
      return {status: 200, body: listBody('escalation_policies', req.query, policies, (p) => policyWire(ctx, p, view(req)))}
    },
  },
  {
    method: 'POST',
    template: '/escalation_policies',
    handler: (req, ctx) => {
      const policy = build(ctx, unwrap(req.body, 'escalation_policy'), undefined)
      policy.id = ctx.newId()
      ctx.state.escalation_policies.push(policy)
      return {status: 201, body: {escalation_policy: policyWire(ctx, policy)}}
    },
  },
  {
    method: 'GET',
    template: '/escalation_policies/{id}',
    handler: (req, ctx) => ({status: 200, body: {escalation_policy: policyWire(ctx, findById(ctx.state.escalation_policies, req.params.id ?? ''), view(req))}}),
  },
  {
    method: 'PUT',
    template: '/escalation_policies/{id}',
    handler: (req, ctx) => {
      const current = findById(ctx.state.escalation_policies, req.params.id ?? '')
      Object.assign(current, build(ctx, unwrap(req.body, 'escalation_policy'), current))
      return {status: 200, body: {escalation_policy: policyWire(ctx, current)}}
    },
  },
  {
    method: 'DELETE',
    template: '/escalation_policies/{id}',
    handler: (req, ctx) => {
      const p = findById(ctx.state.escalation_policies, req.params.id ?? '')
      if (servicesUsingPolicy(ctx, p.id).length > 0) throw invalidInput("Escalation policy can't be deleted if it's being used by services")
      ctx.state.escalation_policies = ctx.state.escalation_policies.filter((x) => x.id !== p.id)
      return {status: 204}
    },
  },
]
