/**
 * Which file each imported object goes to, like examples/retail-org: `org.yaml` (version, owner,
 * and a comment listing what was not imported), then one directory per team with `team.yaml`
 * (the team and its schedules) and `services.yaml` (its escalation policies and services).
 * Objects of no team go to `_no-team/schedules.yaml` and `_no-team/services.yaml` (a directory name
 * no team key can have: keys start with [a-z0-9]).
 * A schedule of several teams goes with the first of them (by key); a service goes with its
 * escalation policy's team. `--single-file` puts everything in one file. Pure.
 */
import {posix} from 'node:path'
import type {EscalationPolicy} from '../model/escalation-policy.js'
import type {Schedule} from '../model/schedule.js'
import type {Service} from '../model/service.js'
import type {Team} from '../model/team.js'
import {writtenEscalationPolicy, writtenSchedule, writtenService, writtenTeam} from './model-to-written.js'
import type {Selection} from './select-objects.js'
import {renderYaml, type WrittenFile} from './yaml-writer.js'

export const NO_TEAM_DIR = '_no-team'

/** Users are referenced, not declared: a plan never changes them, so nothing about them can be lost. */
const USERS_NOTE = [
  '',
  'Users are referenced by email, not declared under users:, so oncall never changes them (their names,',
  'roles, contact methods and notification rules stay as they are in PagerDuty).',
]

export interface ImportedFile {
  /** Path relative to the output (POSIX separators). */
  readonly path: string
  readonly text: string
}

export interface LayoutOptions {
  readonly owner: string
  readonly singleFile: boolean
  /** File name of the single file (default `oncall.yaml`). */
  readonly singleFileName?: string
  /** Comment lines for the top of every file (without `#`), given the file's relative path. */
  readonly header: (path: string) => string[]
  /** Lines for the not-imported comment in org.yaml / the single file. */
  readonly notImported: readonly string[]
}

export function layoutFiles(selection: Selection, options: LayoutOptions): ImportedFile[] {
  const policyTeam = new Map(selection.escalationPolicies.map((p) => [p.key, p.team]))
  const serviceOf = (s: Service) => writtenService(s, policyTeam.get(s.escalationPolicy) ?? null)
  const orgHeader = (path: string) => [...options.header(path), ...USERS_NOTE, ...notImportedLines(options.notImported)]

  if (options.singleFile) {
    const path = options.singleFileName ?? 'oncall.yaml'
    const file: WrittenFile = {version: 1, owner: options.owner, ...sections(selection.teams, selection.schedules, selection.escalationPolicies, selection.services, serviceOf)}
    return [{path, text: renderYaml(file, orgHeader(path))}]
  }

  const files: ImportedFile[] = [{path: 'org.yaml', text: renderYaml({version: 1, owner: options.owner}, orgHeader('org.yaml'))}]
  const imported = new Set(selection.teams.map((t) => t.key))
  const dirOf = (team: string | null | undefined) => (team !== null && team !== undefined && imported.has(team) ? team : NO_TEAM_DIR)
  const scheduleDir = (s: Schedule) => dirOf(s.teams.find((t) => imported.has(t)))
  const dirs = [...[...imported].sort(), NO_TEAM_DIR]
  for (const dir of dirs) {
    const teams = selection.teams.filter((t) => t.key === dir)
    const schedules = selection.schedules.filter((s) => scheduleDir(s) === dir)
    const policies = selection.escalationPolicies.filter((p) => dirOf(p.team) === dir)
    const services = selection.services.filter((s) => dirOf(policyTeam.get(s.escalationPolicy)) === dir)
    const add = (name: string, file: WrittenFile) => {
      if (Object.keys(file).length === 0) return
      const path = posix.join(dir, name)
      files.push({path, text: renderYaml(file, options.header(path))})
    }
    add(dir === NO_TEAM_DIR ? 'schedules.yaml' : 'team.yaml', sections(teams, schedules, [], [], serviceOf))
    add('services.yaml', sections([], [], policies, services, serviceOf))
  }
  return files
}

function sections(
  teams: readonly Team[],
  schedules: readonly Schedule[],
  policies: readonly EscalationPolicy[],
  services: readonly Service[],
  serviceOf: (s: Service) => ReturnType<typeof writtenService>,
): WrittenFile {
  const out: WrittenFile = {}
  if (teams.length > 0) out.teams = Object.fromEntries(teams.map((t) => [t.key, writtenTeam(t)]))
  if (schedules.length > 0) out.schedules = Object.fromEntries(schedules.map((s) => [s.key, writtenSchedule(s)]))
  if (policies.length > 0) out.escalation_policies = Object.fromEntries(policies.map((p) => [p.key, writtenEscalationPolicy(p)]))
  if (services.length > 0) out.services = Object.fromEntries(services.map((s) => [s.key, serviceOf(s)]))
  return out
}

function notImportedLines(lines: readonly string[]): string[] {
  if (lines.length === 0) return []
  return ['', 'Not imported (the language cannot describe them, so oncall leaves them alone in PagerDuty):', ...lines.map((l) => `- ${l}`)]
}
