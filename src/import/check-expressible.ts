/**
 * Does one object survive the trip model → written YAML → normalize unchanged? If not, the
 * config could not describe it, a plan would show a change and an apply would rewrite it: such
 * an object is not imported (the warning names the fields). Pure.
 */
import type {MergedConfig} from '../config/merge.js'
import {stringify} from 'yaml'
import {checkSources} from '../config/load-config.js'
import {normalize} from '../config/normalize.js'
import {shiftEvents} from '../config/rules/shift-events.js'
import {loadSchema} from '../config/schema.js'
import type {WrittenEscalationPolicy, WrittenSchedule, WrittenService, WrittenTeam} from '../config/written.js'
import type {ResourceType} from '../model/keys.js'
import type {Resource} from '../plan/change.js'
import {diffFields} from '../plan/field-diff.js'

const KEY_PATTERN = /^[a-z0-9][a-z0-9_-]{0,63}$/

export type WrittenObject = WrittenTeam | WrittenSchedule | WrittenEscalationPolicy | WrittenService

const SECTION: Readonly<Record<Exclude<ResourceType, 'user'>, string>> = {
  team: 'teams',
  schedule: 'schedules',
  escalation_policy: 'escalation_policies',
  service: 'services',
}

/**
 * What the config's JSON Schema refuses in the written form (e.g. a 150-character name made by
 * hand in PagerDuty, where the language allows 100): such an object is skipped with a warning
 * rather than written into a config that would not load.
 */
function schemaProblems(type: Exclude<ResourceType, 'user'>, key: string, written: WrittenObject): string[] {
  const {validate} = loadSchema()
  const document = JSON.parse(JSON.stringify({version: 1, owner: 'import-check', [SECTION[type]]: {[key]: written}})) as unknown
  if (validate(document)) return []
  const prefix = `/${SECTION[type]}/${key}`
  const problems = (validate.errors ?? []).map((e) => {
    const field = e.instancePath.startsWith(prefix) ? e.instancePath.slice(prefix.length + 1).replace(/\//g, '.') : e.instancePath
    return `its ${field === '' ? 'definition' : field} is not valid in the config (${e.message ?? e.keyword})`
  })
  return [...new Set(problems)]
}

/** Reasons the written form of `live` does not say the same thing; empty when it does. */
export function expressibilityProblems(type: Exclude<ResourceType, 'user'>, live: Resource & {readonly key: string}, written: WrittenObject): string[] {
  if (!KEY_PATTERN.test(live.key)) return [`its key "${live.key}" is not a valid config key`]
  const invalid = schemaProblems(type, live.key, written)
  if (invalid.length > 0) return invalid
  if (type === 'schedule' && (written as WrittenSchedule).rotations !== undefined) {
    const refused = shiftBasedRuleProblems(live.key, written as WrittenSchedule)
    if (refused.length > 0) return refused
  }
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

/**
 * What validate's shift-based rules refuse in the written form (PagerDuty's own data can still
 * break them: a recurrence the engine cannot expand, two events of a rotation with overlapping
 * shifts once PagerDuty's history is left out): such a schedule is skipped with the reasons
 * rather than written into a config that would not load.
 */
function shiftBasedRuleProblems(key: string, written: WrittenSchedule): string[] {
  const text = stringify({version: 1, owner: 'import-check', schedules: {[key]: written}})
  // The rules judge shapes and times, not "now"; a fixed clock keeps import deterministic.
  const {diagnostics} = checkSources([{file: 'import-check.yaml', text}], {rules: [shiftEvents], now: new Date(0)})
  return diagnostics
    .filter((d) => d.severity === 'error')
    .map((d) => `its ${(d.path ?? '').replace(new RegExp(`^schedules\\.${key}\\.`), '') || 'definition'} is refused by validate (${d.message})`)
}
