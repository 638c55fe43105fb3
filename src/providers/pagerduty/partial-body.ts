import type {ResourceType} from '../../model/keys.js'
import type {Change} from '../../plan/change.js'

/**
 * The lossless-update rule (docs/fields.md): an update's PUT body names only the fields the plan
 * changes. PagerDuty documents partial updates ("Not all required fields for the resource must be
 * specified; only those whose state is to be changed must be included", DevDocs 05-Endpoints) and
 * keeps every field a PUT does not name, so a field the change does not touch stays byte-identical
 * in the account: a disabled timeout stored as null is not rewritten as 0, a schedule's team list
 * keeps its order, unchanged layers (ended ones included) are not written back. `type`, `name`
 * and `description` (which carries the ownership marker) are always sent.
 *
 * Each plan path (its first segment, plan/human-fields.ts) maps to the wire keys that carry it;
 * a path no entry names sends the whole body, so a field added to the model without an entry here
 * errs on the side of writing, never of silently not writing.
 */
const WIRE_KEYS: Readonly<Record<ResourceType, Readonly<Record<string, readonly string[]>>>> = {
  user: {time_zone: ['time_zone'], role: ['role'], email: ['email']},
  team: {members: []}, // members are separate calls (apply-operations.ts syncMembers)
  schedule: {time_zone: ['time_zone', 'schedule_layers'], teams: ['teams'], layers: ['schedule_layers']},
  escalation_policy: {team: ['teams'], repeat: ['num_loops'], handoff_notifications: ['on_call_handoff_notifications'], rules: ['escalation_rules']},
  service: {
    escalation_policy: ['escalation_policy'],
    acknowledgement_timeout: ['acknowledgement_timeout'],
    auto_resolve_timeout: ['auto_resolve_timeout'],
    // A rule of another kind has no scheduled actions (the language has them only with support hours).
    urgency: ['incident_urgency_rule', 'support_hours', 'scheduled_actions'],
    'urgency.scheduled_actions': ['scheduled_actions'],
    alert_grouping: ['alert_grouping_parameters'],
    auto_pause_notifications: ['auto_pause_notifications_parameters'],
  },
}

const ALWAYS = ['type', 'name', 'description']

export function changedFieldsOnly(change: Extract<Change, {kind: 'update' | 'adopt'}>, body: unknown): unknown {
  const full = body as Record<string, unknown>
  const keys = new Set(ALWAYS)
  for (const field of change.fields) {
    const segment = field.path.startsWith('urgency.scheduled_actions') ? 'urgency.scheduled_actions' : (field.path.split(/[.[]/)[0] as string)
    if (ALWAYS.includes(segment)) continue
    const wire = WIRE_KEYS[change.type][segment]
    if (wire === undefined) return body
    for (const key of wire) keys.add(key)
  }
  return Object.fromEntries(Object.entries(full).filter(([key]) => keys.has(key)))
}
