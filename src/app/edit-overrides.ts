import {existsSync} from 'node:fs'
import {readFile, stat, writeFile} from 'node:fs/promises'
import {join, resolve} from 'node:path'
import {isSeq, parseDocument} from 'yaml'
import {formatDiagnostic, hasErrors} from '../config/diagnostic.js'
import {checkSources, resolveConfigPath} from '../config/load-config.js'
import {readConfigFiles} from '../config/read-files.js'
import type {WrittenOverride, WrittenTimeOff} from '../config/written.js'
import type {DesiredState} from '../model/state.js'
import {coverageDifference} from '../plan/shift-preview.js'
import {computeShifts} from '../schedule/compute-shifts.js'
import {effectiveOverrides} from '../schedule/effective-overrides.js'
import {formatSpanInZone} from '../schedule/format-local.js'
import {overridesApplied} from '../schedule/final-with-overrides.js'
import {UserError} from '../cli/user-error.js'

/**
 * `oncall override`, `swap` and `time-off`: they edit the config for a pull request, never the
 * account. Entries are appended to the overrides file with yaml's Document API, so its comments
 * and layout stay; the whole config is validated with the change before anything is written.
 */
export interface Addition {
  readonly overrides?: readonly WrittenOverride[]
  readonly timeOff?: readonly WrittenTimeOff[]
}

export interface EditResult {
  /** The file written. */
  readonly file: string
  /** The entries as appended (YAML). */
  readonly entryText: string
  /** Who gains and loses on-call time, one line each: `+ ken@… sched tue … – wed … Asia/Tokyo`. */
  readonly shiftChanges: readonly string[]
  /** Warnings of the validated result (errors stop the edit). */
  readonly warnings: readonly string[]
}

/** The file entries go to: `--file`, else the config file itself, else `<dir>/overrides.yaml`. */
export async function defaultOverridesFile(configPath: string): Promise<string> {
  const info = await stat(configPath).catch(() => undefined)
  if (info?.isDirectory()) return join(configPath, 'overrides.yaml')
  return configPath
}

/** The config as it is now (must be valid: an edit never starts from a broken config). */
export async function loadForEdit(pathArg: string | undefined, now: Date): Promise<{path: string; state: DesiredState}> {
  const path = resolveConfigPath(pathArg)
  const read = await readConfigFiles(path)
  const checked = checkSources(read.sources, {now})
  const errors = [...read.diagnostics, ...checked.diagnostics].filter((d) => d.severity === 'error')
  if (!checked.state || errors.length > 0) {
    throw new UserError(`the configuration at ${path} has ${errors.length} error(s); fix them first`, 1, errors.map(formatDiagnostic))
  }
  return {path, state: checked.state}
}

export async function appendToOverridesFile(request: {
  readonly configPath: string
  readonly file?: string
  readonly addition: Addition
  readonly now: Date
}): Promise<EditResult> {
  const {configPath, addition, now} = request
  const file = request.file ?? (await defaultOverridesFile(configPath))
  const before = existsSync(file) ? await readFile(file, 'utf8') : '# Overrides and time off (docs/language.md). `oncall override`, `swap` and `time-off` append here.\n'
  const doc = parseDocument(before)
  if (doc.errors.length > 0) throw new UserError(`${file}: ${doc.errors[0]?.message ?? 'not valid YAML'}`)
  const appended = parseDocument('')
  for (const [section, entries] of [
    ['overrides', addition.overrides ?? []],
    ['time_off', addition.timeOff ?? []],
  ] as const) {
    if (entries.length === 0) continue
    let list = doc.get(section)
    if (!isSeq(list)) {
      if (list !== undefined && list !== null) throw new UserError(`${file}: \`${section}\` is not a list`)
      doc.set(section, doc.createNode([]))
      list = doc.get(section)
    }
    for (const entry of entries) (list as {add(v: unknown): void}).add(doc.createNode(clean(entry)))
    appended.set(section, appended.createNode(entries.map(clean)))
  }
  const after = doc.toString()

  // Validate the config as it would be with the change.
  const read = await readConfigFiles(configPath)
  const target = resolve(file)
  const sources = read.sources.filter((s) => resolve(s.file) !== target)
  const checkedBefore = checkSources(read.sources, {now})
  const checked = checkSources([...sources, {file, text: after}], {now})
  const known = new Set(checkedBefore.diagnostics.map(formatDiagnostic))
  const fresh = checked.diagnostics.filter((d) => !known.has(formatDiagnostic(d)))
  if (!checked.state || hasErrors(checked.diagnostics)) {
    const errors = checked.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic)
    throw new UserError(`the change does not validate; ${file} was not written`, 1, errors)
  }
  await writeFile(file, after)
  return {
    file,
    entryText: appended.toString(),
    shiftChanges: checkedBefore.state ? shiftChanges(checkedBefore.state, checked.state) : [],
    warnings: fresh.filter((d) => d.severity === 'warning').map(formatDiagnostic),
  }
}

/** Who gains and loses on-call time between two configs, over the span the overrides changed. */
export function shiftChanges(before: DesiredState, after: DesiredState): string[] {
  const was = effectiveOverrides(before)
  const will = effectiveOverrides(after)
  const key = (o: {schedule: string; user: string; start: number; end: number}) => `${o.schedule}|${o.user}|${o.start}|${o.end}`
  const wasKeys = new Set(was.map(key))
  const willKeys = new Set(will.map(key))
  const changed = [...was.filter((o) => !willKeys.has(key(o))), ...will.filter((o) => !wasKeys.has(key(o)))]
  const lines: string[] = []
  for (const scheduleKey of [...new Set(changed.map((o) => o.schedule))].sort()) {
    const schedule = after.schedules.get(scheduleKey)
    if (!schedule) continue
    const mine = changed.filter((o) => o.schedule === scheduleKey)
    const window = {start: Math.min(...mine.map((o) => o.start)), end: Math.max(...mine.map((o) => o.end))}
    const layers = computeShifts(schedule, window).final
    const diff = coverageDifference(
      overridesApplied(schedule, layers, was, window),
      overridesApplied(schedule, layers, will, window),
    )
    for (const person of diff) {
      for (const g of person.gained) lines.push(`+ ${person.user} gains ${scheduleKey} ${formatSpanInZone(g.start, g.end, schedule.timeZone)}`)
      for (const l of person.lost) lines.push(`- ${person.user} loses ${scheduleKey} ${formatSpanInZone(l.start, l.end, schedule.timeZone)}`)
    }
  }
  return lines
}

/** Drops unset optional keys so the YAML shows only what was given. */
function clean<T extends object>(entry: T): T {
  return Object.fromEntries(Object.entries(entry).filter(([, v]) => v !== undefined)) as T
}

