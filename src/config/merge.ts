import type {Diagnostic} from './diagnostic.js'
import type {ParsedFile} from './parse-yaml.js'
import {formatPath, positionOf, type DataPath, type SourcePosition} from './source-position.js'
import type {
  WrittenConfig,
  WrittenEscalationPolicy,
  WrittenOverride,
  WrittenRules,
  WrittenSchedule,
  WrittenService,
  WrittenTeam,
  WrittenTimeOff,
  WrittenUser,
} from './written.js'

export const KEYED_SECTIONS = ['teams', 'schedules', 'escalation_policies', 'services'] as const
export type KeyedSection = (typeof KEYED_SECTIONS)[number]
/** Sections whose lists are joined across files (in file order). */
export const LIST_SECTIONS = ['users', 'overrides', 'time_off'] as const
export type ListSection = (typeof LIST_SECTIONS)[number]

/**
 * All files of a config merged into one. Keyed sections are Maps (no prototype lookups on
 * user-chosen keys). Paths into it look like the written YAML: `['schedules', key, 'layers', 0]`,
 * `['users', index]` (index into the concatenated list).
 */
export interface MergedConfig {
  readonly version: number | undefined
  readonly owner: string | undefined
  readonly users: readonly WrittenUser[]
  readonly teams: ReadonlyMap<string, WrittenTeam>
  readonly schedules: ReadonlyMap<string, WrittenSchedule>
  readonly escalation_policies: ReadonlyMap<string, WrittenEscalationPolicy>
  readonly services: ReadonlyMap<string, WrittenService>
  /** Overrides of every file, in file order (paths: `['overrides', index]`); absent = none. */
  readonly overrides?: readonly WrittenOverride[]
  readonly time_off?: readonly WrittenTimeOff[]
  /** Top-level team rules, merged rule by rule across files (a rule set twice must agree). */
  readonly rules?: WrittenRules
}

/** A key defined more than once (across files; yaml itself rejects duplicates within a file). */
export interface DuplicateDefinition {
  readonly section: KeyedSection
  readonly key: string
  readonly first: SourcePosition
  readonly again: SourcePosition
}

/** Maps paths of the merged config back to the file, line and column they came from. */
export class ConfigSources {
  private readonly listOrigins = new Map<ListSection, {file: number; index: number}[]>(LIST_SECTIONS.map((s) => [s, []]))
  private readonly keyOrigins = new Map<KeyedSection, Map<string, number>>(KEYED_SECTIONS.map((s) => [s, new Map()]))
  private readonly scalarOrigins = new Map<'version' | 'owner', number>()
  private readonly ruleOrigins = new Map<string, number>()

  constructor(readonly files: readonly ParsedFile[]) {}

  /** Position of the node at `path` (of its key when `key` is set). */
  locate(path: DataPath, options: {key?: boolean} = {}): SourcePosition & {path: string} {
    const origin = this.origin(path)
    const parsed = origin ? this.files[origin.file] : this.files[0]
    if (!parsed) return {file: '', line: 1, col: 1, path: formatPath(path)}
    const local = origin?.localPath ?? []
    return {...positionOf(parsed.file, parsed.doc, parsed.lineCounter, local, options), path: formatPath(path)}
  }

  /** Index (into `files`) of the file that defines `key` of a keyed section, or undefined. */
  fileOfKey(section: KeyedSection, key: string): number | undefined {
    return this.keyOrigins.get(section)?.get(key)
  }

  /** @internal used while merging */
  recordUser(file: number, index: number): void {
    this.recordListItem('users', file, index)
  }

  /** @internal */
  recordListItem(section: ListSection, file: number, index: number): void {
    this.listOrigins.get(section)?.push({file, index})
  }

  /** @internal */
  recordKey(section: KeyedSection, key: string, file: number): void {
    this.keyOrigins.get(section)?.set(key, file)
  }

  /** @internal */
  recordRule(name: string, file: number): void {
    if (!this.ruleOrigins.has(name)) this.ruleOrigins.set(name, file)
  }

  /** @internal */
  recordScalar(name: 'version' | 'owner', file: number): void {
    if (!this.scalarOrigins.has(name)) this.scalarOrigins.set(name, file)
  }

  private origin(path: DataPath): {file: number; localPath: DataPath} | undefined {
    const [section, entry, ...rest] = path
    if ((LIST_SECTIONS as readonly unknown[]).includes(section) && typeof entry === 'number') {
      const o = this.listOrigins.get(section as ListSection)?.[entry]
      return o ? {file: o.file, localPath: [section as string, o.index, ...rest]} : undefined
    }
    if (section === 'rules') {
      const file = entry === undefined ? this.ruleOrigins.values().next().value : this.ruleOrigins.get(String(entry))
      return file === undefined ? undefined : {file, localPath: path}
    }
    if (section === 'version' || section === 'owner') {
      const file = this.scalarOrigins.get(section)
      return file === undefined ? undefined : {file, localPath: path}
    }
    if (typeof section === 'string' && entry !== undefined) {
      const file = this.keyOrigins.get(section as KeyedSection)?.get(String(entry))
      return file === undefined ? undefined : {file, localPath: path}
    }
    return undefined
  }
}

export interface MergeResult {
  readonly config: MergedConfig
  readonly sources: ConfigSources
  readonly duplicates: readonly DuplicateDefinition[]
  readonly diagnostics: readonly Diagnostic[]
}

/** Merges schema-valid files in the given (sorted path) order. */
export function mergeFiles(files: readonly ParsedFile[]): MergeResult {
  const sources = new ConfigSources(files)
  const users: WrittenUser[] = []
  const overrides: WrittenOverride[] = []
  const timeOff: WrittenTimeOff[] = []
  const sections = new Map<KeyedSection, Map<string, unknown>>(KEYED_SECTIONS.map((s) => [s, new Map()]))
  const duplicates: DuplicateDefinition[] = []
  const diagnostics: Diagnostic[] = []
  const scalars: {version?: {value: number; file: number}; owner?: {value: string; file: number}} = {}
  const rules: Record<string, unknown> = {}

  files.forEach((parsed, fileIndex) => {
    const written = parsed.value as WrittenConfig
    const here = (path: DataPath, key = true) => positionOf(parsed.file, parsed.doc, parsed.lineCounter, path, {key})
    for (const name of ['version', 'owner'] as const) {
      const value = written[name]
      if (value === undefined) continue
      const seen = scalars[name]
      if (!seen) {
        ;(scalars as Record<string, {value: unknown; file: number}>)[name] = {value, file: fileIndex}
        sources.recordScalar(name, fileIndex)
      } else if (seen.value !== value) {
        const first = files[seen.file]
        diagnostics.push({
          severity: 'error',
          code: `conflicting-${name}`,
          message: `\`${name}: ${String(value)}\` disagrees with \`${name}: ${String(seen.value)}\` in ${first?.file ?? '?'}`,
          ...here([name], false),
          path: name,
        })
      }
    }
    for (const [name, value] of Object.entries(written.rules ?? {})) {
      if (!Object.hasOwn(rules, name)) {
        rules[name] = value
        sources.recordRule(name, fileIndex)
      } else if (JSON.stringify(rules[name]) !== JSON.stringify(value)) {
        diagnostics.push({
          severity: 'error',
          code: 'conflicting-rules',
          message: `\`rules.${name}\` disagrees with the same rule in ${sources.locate(['rules', name]).file}`,
          ...here(['rules', name]),
          path: `rules.${name}`,
          hint: 'set each rule once (per schedule differences go under the schedule\'s own `rules:`)',
        })
      }
    }
    ;(written.users ?? []).forEach((user, index) => {
      users.push(user)
      sources.recordUser(fileIndex, index)
    })
    ;(written.overrides ?? []).forEach((entry, index) => {
      overrides.push(entry)
      sources.recordListItem('overrides', fileIndex, index)
    })
    ;(written.time_off ?? []).forEach((entry, index) => {
      timeOff.push(entry)
      sources.recordListItem('time_off', fileIndex, index)
    })
    for (const section of KEYED_SECTIONS) {
      const target = sections.get(section) as Map<string, unknown>
      for (const [key, value] of Object.entries(written[section] ?? {})) {
        if (target.has(key)) {
          duplicates.push({section, key, first: sources.locate([section, key], {key: true}), again: here([section, key])})
          continue
        }
        target.set(key, value)
        sources.recordKey(section, key, fileIndex)
      }
    }
  })

  const start = files[0] ? {file: files[0].file, line: 1, col: 1} : {}
  if (scalars.version === undefined && files.length > 0) {
    diagnostics.push({severity: 'error', code: 'missing-version', message: 'no file sets `version`', ...start, hint: 'add `version: 1`'})
  }
  if (scalars.owner === undefined && files.length > 0) {
    diagnostics.push({
      severity: 'error',
      code: 'missing-owner',
      message: 'no file sets `owner`',
      ...start,
      hint: 'add e.g. `owner: my-team`: it marks the PagerDuty objects this config manages',
    })
  }

  const sorted = <T>(section: KeyedSection) =>
    new Map([...(sections.get(section) as Map<string, T>)].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
  const config: MergedConfig = {
    version: scalars.version?.value,
    owner: scalars.owner?.value,
    users,
    teams: sorted<WrittenTeam>('teams'),
    schedules: sorted<WrittenSchedule>('schedules'),
    escalation_policies: sorted<WrittenEscalationPolicy>('escalation_policies'),
    services: sorted<WrittenService>('services'),
    overrides,
    time_off: timeOff,
    rules: rules as WrittenRules,
  }
  return {config, sources, duplicates, diagnostics}
}
