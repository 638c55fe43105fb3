import {isMap, isScalar} from 'yaml'
import type {ResourceKey} from '../model/keys.js'
import {resourceKey} from '../model/keys.js'
import type {DesiredState} from '../model/state.js'
import {hasErrors, sortDiagnostics, type Diagnostic} from './diagnostic.js'
import {healthSettings} from './health-settings.js'
import {mergeFiles, type ConfigSources} from './merge.js'
import {normalize, NotNormalizable} from './normalize.js'
import {parseYamlFile, type ParsedFile} from './parse-yaml.js'
import {readConfigFiles, type SourceText} from './read-files.js'
import {createRuleContext} from './rules/context.js'
import {RULES} from './rules/index.js'
import type {Rule} from './rules/index.js'
import type {SourcePosition} from './source-position.js'
import {validateFileSchema} from './validate-schema.js'

export {resolveConfigPath} from './read-files.js'

/**
 * One line saying which files a directory config was read from when others under PATH were left
 * out, or undefined when every YAML file under PATH was read.
 */
export function ignoredFilesNote(path: string, files: readonly string[], ignored: readonly string[]): string | undefined {
  if (ignored.length === 0) return undefined
  const list = (names: readonly string[], n: number) => names.slice(0, n).join(', ') + (names.length > n ? `, and ${names.length - n} more` : '')
  return (
    `note: read ${files.length} file(s) under ${path}, those in it and below directories with a file that sets \`version:\` (${list(files, 5)}); ` +
    `ignored ${ignored.length} other YAML file(s) (${list(ignored, 3)}). Pass the config directory to read only it.`
  )
}

export interface LoadResult {
  /** The desired state, or undefined when there is any error. */
  state: DesiredState | undefined
  /** Every problem found, sorted by file, line and column. */
  diagnostics: Diagnostic[]
  /** The config files read, in merge order. */
  files: string[]
  /** YAML files under a directory PATH that were not read as config (read-files.ts, selectConfigFiles). */
  ignored: string[]
  /** Where each resource is defined (`schedule:primary` → file:line:col), for messages about model objects. */
  sourceMap: ReadonlyMap<ResourceKey, SourcePosition>
}

export interface LoadOptions {
  /** Clock for rules (e.g. "this layer has ended"); defaults to the real time. */
  now?: Date
  /** How far ahead the team rules look, in days (`--horizon`; default 8 weeks). */
  horizonDays?: number
  /** Rules to run (tests; defaults to all). */
  rules?: readonly Rule[]
}

/**
 * Reads a config file or directory and returns the normalized desired state, or every
 * problem found: IO and encoding, YAML syntax, schema (per file), merge, then semantic rules.
 * Later stages run only when the earlier ones found no errors, so their input is well-typed.
 */
export async function loadConfig(path: string, options: LoadOptions = {}): Promise<LoadResult> {
  const read = await readConfigFiles(path)
  const checked = checkSources(read.sources, options)
  const diagnostics = sortDiagnostics([...read.diagnostics, ...checked.diagnostics])
  return {...checked, state: hasErrors(diagnostics) ? undefined : checked.state, diagnostics, files: read.files, ignored: read.ignored}
}

/** The in-memory part of loadConfig: parse, schema, merge, normalize, rules (also used by tests). */
export function checkSources(sources: readonly SourceText[], options: LoadOptions = {}): Omit<LoadResult, 'files' | 'ignored'> {
  const diagnostics: Diagnostic[] = []
  const parsed: ParsedFile[] = []
  for (const source of sources) {
    const result = parseYamlFile(source)
    diagnostics.push(...result.diagnostics)
    if (result.file) parsed.push(result.file)
  }
  for (const file of parsed) diagnostics.push(...validateFileSchema(file))
  const done = (state?: DesiredState, sourceMap: ReadonlyMap<ResourceKey, SourcePosition> = new Map()) => {
    const sorted = sortDiagnostics(diagnostics)
    return {state: hasErrors(sorted) ? undefined : state, diagnostics: sorted, sourceMap}
  }
  if (parsed.length === 0 && !hasErrors(diagnostics) && sources[0] !== undefined) {
    const file = sources[0].file
    diagnostics.push({severity: 'error', code: 'no-settings', message: 'the config holds no settings', file, line: 1, col: 1, hint: 'start with `version: 1` and `owner: my-team`'})
  }
  if (hasErrors(diagnostics) || parsed.length === 0) return done()

  const merged = mergeFiles(parsed)
  diagnostics.push(...merged.diagnostics)
  let state: DesiredState | undefined
  let normalizeError: unknown
  try {
    state = {...normalize(merged.config), health: healthSettings(merged.config)}
  } catch (e) {
    if (!(e instanceof NotNormalizable)) throw e
    normalizeError = e
  }
  const ctx = createRuleContext({config: merged.config, state, now: options.now ?? new Date(), duplicates: merged.duplicates, sources: merged.sources, ...(options.horizonDays === undefined ? {} : {horizonDays: options.horizonDays})})
  for (const rule of options.rules ?? RULES) rule(ctx)
  diagnostics.push(...ctx.diagnostics)
  if (normalizeError && !hasErrors(diagnostics)) {
    // A rule should have explained this; say something rather than return no state silently.
    diagnostics.push({severity: 'error', code: 'not-normalizable', message: (normalizeError as Error).message})
  }
  return done(state, buildSourceMap(merged.config, merged.sources))
}

function buildSourceMap(config: ReturnType<typeof mergeFiles>['config'], sources: ConfigSources): Map<ResourceKey, SourcePosition> {
  const map = new Map<ResourceKey, SourcePosition>()
  const at = (path: (string | number)[]) => {
    const {file, line, col} = sources.locate(path, {key: true})
    return {file, line, col}
  }
  config.users.forEach((u, i) => {
    const key = resourceKey('user', u.email.toLowerCase())
    if (!map.has(key)) map.set(key, at(['users', i]))
  })
  const sections = [
    ['team', 'teams'],
    ['schedule', 'schedules'],
    ['escalation_policy', 'escalation_policies'],
    ['service', 'services'],
  ] as const
  // One pass over each file's section mappings finds the keys written there (locating each key
  // from the top of its file was ~10 % of loading a large config); keys it does not find, written
  // through a `<<: *anchor` merge, are located as before. Entries keep their order (sections, keys).
  const written = new Map<ResourceKey, SourcePosition>()
  sources.files.forEach((parsed, fileIndex) => {
    if (!isMap(parsed.doc.contents)) return
    for (const top of parsed.doc.contents.items) {
      const section = sections.find(([, name]) => isScalar(top.key) && top.key.value === name)
      if (!section || !isMap(top.value)) continue
      const [type, name] = section
      for (const pair of top.value.items) {
        if (!isScalar(pair.key) || typeof pair.key.value === 'symbol' || pair.key.range === undefined || pair.key.range === null) continue
        const key = String(pair.key.value)
        if (sources.fileOfKey(name, key) !== fileIndex || !config[name].has(key)) continue
        const resource = resourceKey(type, key)
        if (!written.has(resource)) written.set(resource, {file: parsed.file, ...parsed.lineCounter.linePos(pair.key.range[0])})
      }
    }
  })
  for (const [type, section] of sections) {
    for (const key of config[section].keys()) {
      const resource = resourceKey(type, key)
      map.set(resource, written.get(resource) ?? at([section, key]))
    }
  }
  return map
}
