/**
 * Does one object survive the trip model → written YAML → normalize unchanged? If not, the
 * config could not describe it, a plan would show a change and an apply would rewrite it: such
 * an object is not imported (the warning names the fields). Pure.
 */
import type {MergedConfig} from '../config/merge.js'
import {normalize} from '../config/normalize.js'
import type {WrittenEscalationPolicy, WrittenSchedule, WrittenService, WrittenTeam} from '../config/written.js'
import type {ResourceType} from '../model/keys.js'
import type {Resource} from '../plan/change.js'
import {diffFields} from '../plan/field-diff.js'

const KEY_PATTERN = /^[a-z0-9][a-z0-9_-]{0,63}$/

export type WrittenObject = WrittenTeam | WrittenSchedule | WrittenEscalationPolicy | WrittenService

/** Reasons the written form of `live` does not say the same thing; empty when it does. */
export function expressibilityProblems(type: Exclude<ResourceType, 'user'>, live: Resource & {readonly key: string}, written: WrittenObject): string[] {
  if (!KEY_PATTERN.test(live.key)) return [`its key "${live.key}" is not a valid config key`]
  const one = <T>(value: T) => new Map([[live.key, value]])
  const merged: MergedConfig = {
    version: 1,
    owner: 'import-check',
    users: [],
    teams: type === 'team' ? one(written as WrittenTeam) : new Map(),
    schedules: type === 'schedule' ? one(written as WrittenSchedule) : new Map(),
    escalation_policies: type === 'escalation_policy' ? one(written as WrittenEscalationPolicy) : new Map(),
    services: type === 'service' ? one(written as WrittenService) : new Map(),
  }
  let state
  try {
    state = normalize(merged)
  } catch (error) {
    return [`its written form is not valid (${error instanceof Error ? error.message : String(error)})`]
  }
  const back =
    type === 'team'
      ? state.teams.get(live.key)
      : type === 'schedule'
        ? state.schedules.get(live.key)
        : type === 'escalation_policy'
          ? state.escalationPolicies.get(live.key)
          : state.services.get(live.key)
  if (back === undefined) return ['its written form is lost']
  return diffFields(type, live, back).map((f) => `${f.path} would read back as ${JSON.stringify(f.after)} instead of ${JSON.stringify(f.before)}`)
}
