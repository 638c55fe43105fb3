import {mkdir, readdir, writeFile} from 'node:fs/promises'
import {dirname, join, relative, sep} from 'node:path'
import {UserError} from '../cli/user-error.js'
import {checkSources} from '../config/load-config.js'
import {hasErrors} from '../config/diagnostic.js'
import {layoutFiles, type ImportedFile} from '../import/file-layout.js'
import {label, selectObjects, type ImportFilter, type Selection} from '../import/select-objects.js'
import type {DesiredState} from '../model/state.js'
import type {Change} from '../plan/change.js'
import type {PagerDutyClient} from '../providers/pagerduty/client/index.js'
import type {RawAccount} from '../providers/pagerduty/dto.js'
import {assignKeys, slugify} from '../providers/pagerduty/mapping/derive-keys.js'
import {parseDescription} from '../providers/pagerduty/ownership.js'
import {readAccount} from '../providers/pagerduty/read-account.js'
import {readTeams} from '../providers/pagerduty/read-scoped.js'
import {liveStateFromRaw} from '../providers/pagerduty/read-live-state.js'
import {planAgainstAccount, type PlanOutcome} from './plan-against-account.js'
import type {WrittenOverride} from '../config/written.js'
import {renderOverridesSection, writtenOverrides, writtenV3Overrides} from '../import/overrides-to-written.js'
import type {Schedule} from '../model/schedule.js'
import {countV3CustomShifts, readV3Overrides, rotationNamesById} from '../providers/pagerduty/v3/read-v3-overrides.js'
import type {LiveState} from '../plan/live-state.js'
import {OVERRIDE_HORIZON_DAYS} from '../plan/override-plan.js'
import {readScheduleOverrides} from '../providers/pagerduty/read-overrides.js'

export interface ImportRequest {
  readonly client: Pick<PagerDutyClient, 'listAll' | 'get' | 'requestCount'>
  /** The instant of the read (layers that ended before it are history; written in the header). */
  readonly now: Date
  /** Where the account is, for the header comment (no token in it). */
  readonly source: string
  /** Owner for the config; default the slug of the first --team, else `imported`. */
  readonly owner?: string
  readonly filter: ImportFilter
  readonly singleFile: boolean
  /** File name of --single-file output. */
  readonly singleFileName?: string
  /** Absolute directory the files will be written to. */
  readonly outDir: string
  /** The schema for the modeline: an absolute path (made relative per file) or a URL. */
  readonly schema: string
}

export interface ImportOutcome {
  readonly owner: string
  readonly files: ImportedFile[]
  readonly selection: Selection
  /** One line per object left out, with the reasons. */
  readonly warnings: string[]
  /** The written config as loaded back (what `plan` will see). */
  readonly desired: DesiredState
  /** Requests the read took. */
  readonly requestCount: number
  /** What was read: `import --adopt` plans against it instead of reading the account again. */
  readonly raw: RawAccount
}

/**
 * read the account (the same list calls as `plan`) → map to the model → choose what to write
 * and what cannot be described → lay out files → load them back with the real loader, which
 * must find no errors (a bug otherwise). Writing the files is the caller's job.
 */
export async function importAccount(request: ImportRequest): Promise<ImportOutcome> {
  const {client, now} = request
  const owner = request.owner ?? defaultOwner(request.filter)
  if (!/^[a-z0-9][a-z0-9_-]{0,63}$/.test(owner)) throw new UserError(`--owner ${JSON.stringify(owner)} is not a valid owner: use lower-case letters, digits, - and _ (e.g. payments)`)
  const raw = await readForImport(client, request.filter)
  const live = liveStateFromRaw(raw, {now, requestCount: client.requestCount})
  const selection = selectObjects(live, raw, owner, request.filter, now)
  if (selection.unmatched.length > 0) {
    throw new UserError(`nothing in the account matches ${selection.unmatched.join(', ')}`)
  }
  const warnings = [
    ...selection.skipped.map((s) => `${label(s.type)} ${s.key} ("${s.name}", ${s.id}) not imported: ${s.reasons.join('; ')}`),
    ...selection.notManaged,
  ]
  const headerLines = (path: string) => [
    `yaml-language-server: $schema=${schemaRef(request.schema, join(request.outDir, path))}`,
    `Imported from the PagerDuty account at ${request.source} by \`oncall import\` at ${now.toISOString()}.`,
    'From now on, change it here and apply it with `oncall plan` / `oncall apply`.',
  ]
  const files = layoutFiles(selection, {
    owner,
    singleFile: request.singleFile,
    singleFileName: request.singleFileName,
    notImported: selection.skipped.map((s) => `${label(s.type)} "${s.name}" (${s.id}): ${s.reasons.join('; ')}`),
    header: headerLines,
  })
  // The account's current and future overrides of the imported schedules (one GET per schedule).
  const overrides = await importOverrides(client, live, raw, selection, now)
  warnings.push(...overrides.warnings)
  if (overrides.list.length > 0) {
    const lines = ['Overrides in the account at import time (now managed here: plan creates missing ones, `oncall override` adds).']
    if (request.singleFile) {
      const single = files[0] as ImportedFile
      files[0] = {...single, text: `${single.text}\n${renderOverridesSection(overrides.list, lines)}`}
    } else {
      files.push({path: 'overrides.yaml', text: renderOverridesSection(overrides.list, [...headerLines('overrides.yaml'), '', ...lines])})
    }
  }
  const loaded = checkSources(files.map((f) => ({file: f.path, text: f.text})), {now})
  if (!loaded.state || hasErrors(loaded.diagnostics)) {
    const problems = loaded.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.file ?? ""}:${d.line ?? 0}:${d.col ?? 0} ${d.message}`)
    throw new Error(`import wrote a config that does not validate (a bug in oncall import):\n${problems.join('\n')}`)
  }
  return {owner, files, selection, warnings, desired: loaded.state, requestCount: client.requestCount, raw}
}

/**
 * `--team` alone reads those teams and what they pull in (read-scoped.ts readTeams); any other
 * filter, or none, reads the whole account. Teams match by ID, key (marker or derived from the
 * name, as the mapping derives it) or name, like select-objects.ts.
 */
async function readForImport(client: ImportRequest['client'], filter: ImportFilter): Promise<RawAccount> {
  const onlyTeams = filter.teams.length > 0 && filter.schedules.length + filter.policies.length + filter.services.length === 0
  if (!onlyTeams) return readAccount(client)
  return readTeams(client, (teams) => {
    const keys = assignKeys(
      teams.map((t) => ({id: t.id, name: t.name, markedKey: parseDescription(t.description).marker?.key ?? null})),
      'team',
    )
    const wanted = (t: (typeof teams)[number], w: string) =>
      t.id === w || keys.get(t.id) === w || t.name.trim().toLowerCase() === w.trim().toLowerCase()
    return teams.filter((t) => filter.teams.some((w) => wanted(t, w)))
  })
}

export function defaultOwner(filter: ImportFilter): string {
  const first = filter.teams[0]
  return (first === undefined ? '' : slugify(first)) || 'imported'
}

/** A URL as is; a file path relative to the file that names it (POSIX separators). */
function schemaRef(schema: string, file: string): string {
  if (/^[a-z]+:\/\//i.test(schema)) return schema
  const rel = relative(dirname(file), schema).split(sep).join('/')
  return rel.startsWith('.') ? rel : `./${rel}`
}

export interface AdoptionCheck {
  readonly outcome: PlanOutcome
  /** The adopt changes (marker only, no field changes). */
  readonly adopt: Change[]
  /** Anything else the plan holds: must be empty to adopt. */
  readonly problems: string[]
}

/**
 * Plans the imported config with --adopt. Right after an import, that plan must only mark
 * objects (adopt changes with no field changes): anything else means the account changed in
 * between or the import is wrong, and adopting is refused.
 */
export async function planAdoption(
  client: Pick<PagerDutyClient, 'listAll' | 'get' | 'requestCount'>,
  desired: DesiredState,
  now: Date,
  /** The account as import just read it: planned against instead of read a second time. */
  raw?: RawAccount,
): Promise<AdoptionCheck> {
  const outcome = await planAgainstAccount({desired, client, now, adopt: true, allowDestroy: false, force: false, raw})
  const {plan} = outcome
  const adopt = plan.changes.filter((c) => c.kind === 'adopt' && c.fields.length === 0)
  const problems = [
    ...plan.changes
      .filter((c) => !adopt.includes(c))
      .map((c) => `${c.kind} ${label(c.type)} ${c.key}${'fields' in c ? ` (${c.fields.map((f) => f.path).join(', ')})` : ''}`),
    ...plan.conflicts.map((c) => `${label(c.type)} ${c.key} is owned by ${c.owner}`),
    ...(plan.errors ?? []).map((e) => e.message),
    ...outcome.violations.map((v) => v.message),
  ]
  return {outcome, adopt, problems}
}

/**
 * Refuses an output directory that already has YAML files (a stale file left next to fresh ones
 * would be merged into the config). Run it before reading the account, so a refusal costs nothing.
 */
export async function assertEmptyOutput(outDir: string): Promise<void> {
  const existing = await yamlFilesUnder(outDir)
  if (existing.length > 0) {
    throw new UserError(`${outDir} already holds YAML files (${existing.slice(0, 3).join(', ')}${existing.length > 3 ? ', ...' : ''}); choose an empty directory or pass --force`)
  }
}

/** Writes the files under `outDir` (directories created as needed). */
export async function writeImportedFiles(outDir: string, files: readonly ImportedFile[]): Promise<void> {
  for (const file of files) {
    const path = join(outDir, ...file.path.split('/'))
    await mkdir(dirname(path), {recursive: true})
    await writeFile(path, file.text)
  }
}

async function yamlFilesUnder(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, {recursive: true})
    return entries.filter((e) => /\.ya?ml$/i.test(e)).sort()
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
    if ((error as NodeJS.ErrnoException).code === 'ENOTDIR') throw new UserError(`--out ${dir} is a file, not a directory`)
    throw error
  }
}

/** The nearest `schemas/oncall.schema.json` at or above `dir` (a checkout of this repo, or one that vendors the schema). */
export function findSchemaAbove(dir: string, exists: (path: string) => boolean): string | undefined {
  for (let at = dir; ; at = dirname(at)) {
    const candidate = join(at, 'schemas', 'oncall.schema.json')
    if (exists(candidate)) return candidate
    if (dirname(at) === at) return undefined
  }
}

/** Overrides of the selected schedules that end after `now`, as config entries (sorted by schedule, start). */
async function importOverrides(
  client: Pick<PagerDutyClient, 'get'>,
  live: LiveState,
  raw: RawAccount,
  selection: Selection,
  now: Date,
): Promise<{list: WrittenOverride[]; warnings: string[]}> {
  const emails = new Map([...live.users].map(([email, u]) => [u.id, email]))
  const window = {since: now.getTime(), until: now.getTime() + OVERRIDE_HORIZON_DAYS * 86_400_000}
  // A key may be both a legacy and a shift-based schedule mid-migration: look up each on its side.
  const ids = new Map(live.schedules.map((s) => [`${s.value.rotations !== undefined}|${s.value.key}`, s.id]))
  const read = await Promise.all(
    selection.schedules.map(async (schedule) => {
      const id = ids.get(`${schedule.rotations !== undefined}|${schedule.key}`)
      if (schedule.rotations !== undefined) {
        const result = id === undefined ? {overrides: [], warnings: []} : await importV3Overrides(client, id, schedule, raw, window, (userId) => emails.get(userId), now)
        return {schedule, gone: [], skipped: [], overrides: result.overrides, warnings: result.warnings}
      }
      const found = id === undefined ? [] : await readScheduleOverrides(client, id, window, (userId) => emails.get(userId))
      // A user the account no longer lists keeps its ID: such an override cannot be written.
      const known = found.filter((o) => o.user.includes('@'))
      return {schedule, gone: found.filter((o) => !known.includes(o)), warnings: [], ...writtenOverrides(schedule.key, schedule.timeZone, known)}
    }),
  )
  const list = read.flatMap((r) => r.overrides).sort((a, b) => (a.schedule < b.schedule ? -1 : a.schedule > b.schedule ? 1 : 0) || (a.start < b.start ? -1 : 1))
  const warnings = read.flatMap((r) => [
    ...r.warnings,
    ...r.skipped.map((o) => `schedule ${r.schedule.key}: override ${o.id} of ${o.user} not imported: its times have seconds, which the language cannot write`),
    ...r.gone.map((o) => `schedule ${r.schedule.key}: override ${o.id} not imported: its user ${o.user} is not in the account`),
  ])
  return {list, warnings}
}

/**
 * A shift-based schedule's v3 overrides as config entries, and warnings for what the language
 * cannot say: overrides it cannot write (overrides-to-written.ts) and custom shifts (one list
 * call each: two GETs per shift-based schedule).
 */
async function importV3Overrides(
  client: Pick<PagerDutyClient, 'get'>,
  scheduleId: string,
  schedule: Schedule,
  raw: RawAccount,
  window: {since: number; until: number},
  emailOf: (userId: string) => string | undefined,
  now: Date,
): Promise<{overrides: WrittenOverride[]; warnings: string[]}> {
  const wire = (raw.v3Schedules ?? []).find((s) => s.id === scheduleId)
  const [found, customShifts] = await Promise.all([readV3Overrides(client, scheduleId, window, emailOf), countV3CustomShifts(client, scheduleId, window)])
  const written = writtenV3Overrides(schedule, found, rotationNamesById(wire ?? {}, now.getTime()))
  if (customShifts > 0) {
    written.warnings.push(
      `schedule ${schedule.key}: ${customShifts} current or future custom shift${customShifts === 1 ? '' : 's'} not imported: the language has no custom shifts (apply leaves them alone)`,
    )
  }
  return written
}
