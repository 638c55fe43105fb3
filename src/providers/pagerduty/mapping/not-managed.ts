import type {PdEscalationPolicy, PdSchedule, PdService, PdTeam, PdUser, Read} from '../dto.js'
import {AUTO_PAUSE_SECONDS} from '../../../model/service.js'

/**
 * The "preserved" fields of docs/fields.md that hold something other than PagerDuty's default on
 * one wire object, as `field (value)` texts: what the config does not control about it. apply
 * carries these through unchanged (partial PUT bodies; escalation rules keep their live ID and
 * assignment strategy); the plan names them on every object it changes ("not managed here: ...")
 * and `oncall import` warns about each one. Pure.
 */
export type WireObject =
  | {readonly type: 'user'; readonly raw: Read<PdUser>}
  | {readonly type: 'team'; readonly raw: Read<PdTeam>}
  | {readonly type: 'schedule'; readonly raw: Read<PdSchedule>}
  | {readonly type: 'escalation_policy'; readonly raw: Read<PdEscalationPolicy>}
  | {readonly type: 'service'; readonly raw: Read<PdService>}

export function notManagedFields(object: WireObject): string[] {
  switch (object.type) {
    case 'user':
      return userFields(object.raw)
    case 'team':
      return teamFields(object.raw)
    case 'schedule':
      return [] // every writable schedule and layer field is managed
    case 'escalation_policy':
      return policyFields(object.raw)
    case 'service':
      return serviceFields(object.raw)
  }
}

/** Fields of the wire object beyond the typed DTO (PagerDuty sends more than we type). */
type Extra = Readonly<Record<string, unknown>>

function userFields(raw: Read<PdUser>): string[] {
  const extra = raw as unknown as Extra
  return typeof extra.job_title === 'string' && extra.job_title !== '' ? [`job_title (${JSON.stringify(extra.job_title)})`] : []
}

function teamFields(raw: Read<PdTeam>): string[] {
  const extra = raw as unknown as Extra
  const out: string[] = []
  // PagerDuty's default for default_role is manager.
  if (raw.default_role === 'none') out.push('default_role (none)')
  if (extra.parent !== undefined && extra.parent !== null) out.push(`parent (${referenceId(extra.parent)})`)
  return out
}

function policyFields(raw: Read<PdEscalationPolicy>): string[] {
  const out: string[] = []
  for (const [i, rule] of raw.escalation_rules.entries()) {
    const strategy = assignmentStrategy(rule.escalation_rule_assignment_strategy)
    // assign_to_everyone and round_robin are managed (rules[].assignment); any other is preserved.
    if (strategy !== undefined && strategy !== 'assign_to_everyone' && strategy !== 'round_robin') out.push(`rules[${i}].assignment_strategy (${strategy})`)
  }
  return out
}

function serviceFields(raw: Read<PdService>): string[] {
  const extra = raw as unknown as Extra
  const out: string[] = []
  if (raw.status !== undefined && raw.status !== 'active' && raw.status !== null) out.push(`status (${raw.status})`)
  if (typeof extra.alert_creation === 'string' && extra.alert_creation !== 'create_alerts_and_incidents') out.push(`alert_creation (${extra.alert_creation})`)
  if (extra.response_play !== undefined && extra.response_play !== null) out.push(`response_play (${referenceId(extra.response_play)})`)
  const pause = raw.auto_pause_notifications_parameters
  if (pause?.enabled === true) {
    const timeout = pause.timeout ?? 0
    // An expressible setting is managed (auto_pause_notifications); only an odd one is preserved.
    if (timeout !== 0 && !(AUTO_PAUSE_SECONDS as readonly number[]).includes(timeout)) out.push(`auto_pause_notifications (on, ${timeout} s)`)
  }
  return out
}

function referenceId(value: unknown): string {
  return value !== null && typeof value === 'object' && 'id' in value ? String(value.id) : JSON.stringify(value)
}

/** The spec types the strategy as a string, its example (and terraform) as `{type}`: read both. */
export function assignmentStrategy(value: unknown): string | undefined {
  if (typeof value === 'string') return value
  if (value !== null && typeof value === 'object' && 'type' in value && typeof value.type === 'string') return value.type
  return undefined
}
