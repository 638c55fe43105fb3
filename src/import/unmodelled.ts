/**
 * What the model cannot hold about a PagerDuty object, found on the raw wire object (the mapping
 * to the model drops or approximates these, so the written config could not say them and a later
 * apply would overwrite them). An object with such a reason is not imported: `oncall import`
 * lists it in a warning instead, and since the config then does not describe it, `apply` never
 * touches it. Pure.
 *
 * Fields apply carries through unchanged (docs/fields.md "preserved": an assignment strategy,
 * a service's status, ...) are no reason to leave an object out: import warns about them
 * instead (mapping/not-managed.ts).
 */
import type {PdEscalationPolicy, PdSchedule, PdService, Read} from '../providers/pagerduty/dto.js'
import type {Schedule} from '../model/schedule.js'
import type {PdScheduleV3} from '../providers/pagerduty/v3/dto-v3.js'
import {v3NotManaged} from '../providers/pagerduty/v3/schedule-from-pd-v3.js'
import {URGENCIES} from '../model/service.js'
import {scheduledActionsFromPd} from '../providers/pagerduty/mapping/service-from-pd.js'

const GROUPING_TYPES: readonly unknown[] = ['time', 'intelligent', 'content_based', null, undefined]
const TARGET_TYPES: readonly string[] = ['user', 'user_reference', 'schedule', 'schedule_reference', 'schedule_v3_reference']
const MIN_TURN_SECONDS = 3600
const MAX_TURN_SECONDS = 365 * 86_400

export function scheduleUnmodelled(raw: Read<PdSchedule>, isCurrent: (layer: PdSchedule['schedule_layers'][number]) => boolean): string[] {
  const reasons: string[] = []
  for (const layer of (raw.schedule_layers ?? []).filter(isCurrent)) {
    const name = layer.name ?? '(unnamed layer)'
    const turn = layer.rotation_turn_length_seconds
    if (turn < MIN_TURN_SECONDS || turn > MAX_TURN_SECONDS) reasons.push(`layer "${name}" turns every ${turn}s (the language allows 1h .. 365d)`)
    else if (turn % 60 !== 0) reasons.push(`layer "${name}" turns every ${turn}s (not whole minutes)`)
    for (const r of layer.restrictions ?? []) {
      if (r.duration_seconds % 60 !== 0 || !/^\d{1,2}:\d{2}(:00)?$/.test(r.start_time_of_day)) {
        reasons.push(`layer "${name}" has a restriction with seconds (${r.start_time_of_day} for ${r.duration_seconds}s)`)
      }
    }
  }
  return reasons
}

/**
 * A shift-based schedule the language cannot say: no rotation at all, a rotation whose events
 * have all ended (the language needs at least one event per rotation; the ended ones are history
 * PagerDuty keeps), or an `empty_member` slot in a current event. The model leaves such slots out,
 * so a config written from it would give their turns to the other members: who and export from
 * the config would name someone where the account has nobody. Such a schedule is not imported.
 */
export function shiftBasedUnmodelled(schedule: Schedule, raw: PdScheduleV3 | undefined, now: number): string[] {
  const rotations = schedule.rotations ?? []
  if (rotations.length === 0) return ['it has no rotations']
  // Rotations are named from their events' "<name> · " prefix: two with one prefix cannot be told apart in the config.
  const twice = [...new Set(rotations.map((r) => r.name).filter((name, i, all) => all.indexOf(name) !== i))]
  return [
    ...rotations.flatMap((r, i) => (r.events.length === 0 ? [`rotation ${i + 1} ("${r.name}") has no current events (every event has ended)`] : [])),
    ...twice.map((name) => `two rotations are named "${name}" (their events' names start with "${name} · "): rename the events of one in PagerDuty`),
    ...(raw === undefined ? [] : v3NotManaged(raw, now)).map((field) => `${field}: the language has no form for a slot nobody covers`),
  ]
}

export function policyUnmodelled(raw: Read<PdEscalationPolicy>): string[] {
  const reasons: string[] = []
  for (const [i, rule] of raw.escalation_rules.entries()) {
    for (const t of rule.targets) {
      if (!TARGET_TYPES.includes(t.type)) reasons.push(`rule ${i + 1} targets a ${t.type} (${t.id}), which the language has no form for`)
    }
  }
  if ((raw.teams ?? []).length > 1) reasons.push(`it belongs to ${(raw.teams ?? []).length} teams (the language allows one)`)
  return reasons
}

export function serviceUnmodelled(raw: Read<PdService>): string[] {
  const reasons: string[] = []
  const grouping = raw.alert_grouping_parameters?.type
  if (!GROUPING_TYPES.includes(grouping)) reasons.push(`alert grouping "${String(grouping)}"`)
  const actions = raw.scheduled_actions ?? []
  const rule = raw.incident_urgency_rule
  if (actions.length > 0 && (rule?.type !== 'use_support_hours' || !raw.support_hours)) {
    reasons.push('scheduled actions without a support-hours urgency rule (the language has them only with support hours)')
  } else if (scheduledActionsFromPd(actions).length !== actions.length) {
    reasons.push(`a scheduled action the language has no form for (${JSON.stringify(actions)})`)
  }
  const hours = raw.support_hours
  if (rule?.type === 'use_support_hours' && hours && [hours.start_time, hours.end_time].some((t) => /:\d{2}:(?!00)\d{2}$/.test(t))) {
    reasons.push(`support hours with seconds (${hours.start_time} to ${hours.end_time})`)
  }
  if (rule?.type === 'use_support_hours') {
    if (!raw.support_hours) reasons.push('a support-hours urgency rule without support hours')
    for (const u of [rule.during_support_hours?.urgency, rule.outside_support_hours?.urgency]) {
      if (!(URGENCIES as readonly unknown[]).includes(u)) reasons.push(`urgency "${String(u)}"`)
    }
  } else if (rule && rule.type !== 'constant') {
    reasons.push(`urgency rule "${String((rule as {type: unknown}).type)}"`)
  } else if (rule?.type === 'constant' && !(URGENCIES as readonly unknown[]).includes(rule.urgency)) {
    reasons.push(`urgency "${rule.urgency}"`)
  }
  return reasons
}
