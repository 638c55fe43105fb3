import {writeFile} from 'node:fs/promises'
import {UserError} from '../cli/user-error.js'
import {formatDiagnostic} from '../config/diagnostic.js'
import {checkSources, resolveConfigPath} from '../config/load-config.js'
import {readConfigFiles, type SourceText} from '../config/read-files.js'
import {normalizeRotations} from '../config/shift-based.js'
import {resourceKey} from '../model/keys.js'
import type {Schedule} from '../model/schedule.js'
import {layerScheduleToShiftBased} from '../migrate/layer-to-shift.js'
import {compareForms, type ShiftDifference} from '../migrate/prove.js'
import {renderRotations, replaceLayersWithRotations} from '../migrate/replace-layers.js'
import {formatLocalDateTime} from '../schedule/local-time.js'
import {ZoneClock} from '../schedule/zone-clock.js'

const WEEK = 7 * 86_400_000

export interface MigrationReport {
  readonly key: string
  readonly timeZone: string
  /** The `rotations:` written in place of the schedule's `layers:`. */
  readonly yaml: string
  readonly notes: readonly string[]
  readonly window: {readonly start: number; readonly end: number}
  readonly weeks: number
  /** The DST switch inside the window, if the zone has one within a year. */
  readonly dstSwitch: number | null
  readonly differences: readonly ShiftDifference[]
  /** Errors of the whole config with the edit (file:line:col lines); any stops --write. */
  readonly problems: readonly string[]
  /** The config file that defines the schedule (the one `--write` edits). */
  readonly file: string
  /** Whether the file was written. */
  readonly written: boolean
}

export interface MigrateOptions {
  readonly now: Date
  readonly weeks: number
  /** Write the shift-based form into the config file (`--write`). */
  readonly write?: boolean
  /** Write it even when the proof finds differences (`--accept-differences`). */
  readonly acceptDifferences?: boolean
}

/**
 * `oncall migrate SCHEDULE`: the shift-based form of a layer schedule, the proof that it puts the
 * same people on call over the window (extended, where needed, to cross the zone's next DST
 * switch, since that is where wall-clock forms most easily part), and with `write` the config
 * file edited in place.
 *
 * The proof compares the layer schedule with the schedule read back from the edited file text,
 * so what it proves is exactly what is (or would be) written. Safety rule: the file is written
 * only when the proof finds no difference, unless `acceptDifferences`; the edited config must
 * validate as a whole, else nothing is written.
 */
export async function migrateSchedule(pathArg: string | undefined, key: string, options: MigrateOptions): Promise<MigrationReport> {
  const path = resolveConfigPath(pathArg)
  const read = await readConfigFiles(path)
  const checked = checkSources(read.sources, {now: options.now})
  const errors = [...read.diagnostics, ...checked.diagnostics].filter((d) => d.severity === 'error')
  if (!checked.state || errors.length > 0) {
    throw new UserError(`the configuration at ${path} has ${errors.length} error(s); fix them first (nothing was written)`, 1, errors.map(formatDiagnostic))
  }
  const state = checked.state
  const schedule = state.schedules.get(key)
  if (schedule === undefined) throw new UserError(`no schedule \`${key}\` in the config`, 1, [`schedules: ${[...state.schedules.keys()].join(', ')}`])
  if (schedule.rotations !== undefined) throw new UserError(`schedule \`${key}\` is already shift-based`)
  const now = options.now.getTime()
  const clock = ZoneClock.of(schedule.timeZone)
  const conversion = layerScheduleToShiftBased(schedule, now, (t) => clock.toLocal(t))
  if (conversion.rotations.length === 0) {
    throw new UserError(`schedule \`${key}\` has no layer that is still running; nothing to migrate`, 1, conversion.notes.map((n) => `note: ${n}`))
  }

  const file = checked.sourceMap.get(resourceKey('schedule', key))?.file
  const source = read.sources.find((s) => s.file === file)
  const edit = (comment: string) => (source === undefined ? null : replaceLayersWithRotations(source.text, key, conversion.rotations, comment))
  const draft = edit('migrated from layers by `oncall migrate`')
  if (source === undefined || draft === null) {
    throw new UserError(`schedule \`${key}\`: cannot find its \`layers:\` in ${file ?? path} to replace (is it written through an alias?)`)
  }
  const edited = (text: string): SourceText[] => [...read.sources.filter((s) => s !== source), {file: source.file, text}]
  // The whole config with the edit, team rules included: what --write would leave behind. Its
  // errors stop --write (the config validated before, so they are the migration's).
  const after = checkSources(edited(draft), {now: options.now})
  const problems = after.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic)
  // The proof reads the schedule back from the edited text; when that does not validate (the
  // problems are shown and nothing is written), from the conversion itself.
  const shiftForm: Schedule = after.state?.schedules.get(key) ?? {
    ...schedule,
    layers: [],
    rotations: normalizeRotations(conversion.rotations, schedule.timeZone, (e) => e.toLowerCase(), (z) => z),
  }

  const dstSwitch = nextOffsetChange(clock, now)
  let end = now + options.weeks * WEEK
  if (dstSwitch !== null && dstSwitch >= end) end = dstSwitch + WEEK
  const window = {start: now, end}
  const differences = compareForms(schedule, shiftForm, window)
  const weeks = Math.round((end - now) / WEEK)
  const report: MigrationReport = {
    key,
    timeZone: schedule.timeZone,
    yaml: renderRotations(conversion.rotations),
    notes: conversion.notes,
    window,
    weeks,
    dstSwitch: dstSwitch !== null && dstSwitch < end ? dstSwitch : null,
    differences,
    problems,
    file: source.file,
    written: false,
  }
  if (options.write !== true) return report
  if (problems.length > 0) throw new MigrationRefused(report, `${source.file} was not written: the config does not validate with the shift-based form (listed above)`)
  if (differences.length > 0 && options.acceptDifferences !== true) {
    throw new MigrationRefused(report, `${source.file} was not written: the shift-based form differs in ${differences.length} place(s) (listed above); --accept-differences writes it anyway`)
  }
  const from = formatLocalDateTime(clock.toLocal(now)).slice(0, 10)
  const proof = differences.length === 0 ? `identical shifts for ${weeks} weeks from ${from}` : `${differences.length} difference(s) in ${weeks} weeks from ${from}, accepted`
  // Only the comment differs from the validated draft.
  const text = edit(`migrated from layers by \`oncall migrate\`: ${proof}`) as string
  await writeFile(source.file, text)
  return {...report, written: true}
}

/** `--write` refused (differences not accepted, or the edited config does not validate): the command prints the report, then the refusal. */
export class MigrationRefused extends UserError {
  constructor(
    readonly report: MigrationReport,
    message: string,
    details: readonly string[] = [],
  ) {
    super(message, 1, details)
  }
}

function nextOffsetChange(clock: ZoneClock, from: number): number | null {
  const day = 86_400_000
  const base = clock.offsetAt(from)
  for (let t = from + day; t < from + 366 * day; t += day) {
    if (clock.offsetAt(t) !== base) {
      // Narrow down to the millisecond (about 27 probes).
      let lo = t - day
      let hi = t
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2)
        if (clock.offsetAt(mid) === base) lo = mid
        else hi = mid
      }
      return hi
    }
  }
  return null
}

export function renderMigrationText(r: MigrationReport): string {
  const clock = ZoneClock.of(r.timeZone)
  const local = (t: number) => formatLocalDateTime(clock.toLocal(t)).replace('T', ' ')
  const lines = [`# schedule \`${r.key}\` (${r.file}): replace its layers with`, r.yaml.trimEnd(), '']
  for (const n of r.notes) lines.push(`note: ${n}`)
  const span = `${local(r.window.start)} – ${local(r.window.end)} ${r.timeZone}${r.dstSwitch === null ? '' : `, crossing the DST switch at ${local(r.dstSwitch)}`}`
  if (r.differences.length === 0) lines.push(`proof: identical for ${r.weeks} weeks (${span}): nobody's on-call time changes`)
  else {
    lines.push(`proof: ${r.differences.length} difference(s) in ${r.weeks} weeks (${span}):`)
    for (const d of r.differences) lines.push(`  ${d.user} ${local(d.start)} – ${local(d.end)}: on call only in the ${d.onlyIn === 'layers' ? 'layer-based' : 'shift-based'} form`)
  }
  if (r.problems.length > 0) {
    lines.push(`the config would not validate with the shift-based form (so it cannot be written):`)
    for (const p of r.problems) lines.push(`  ${p}`)
  }
  if (r.written) lines.push(`wrote ${r.file}: \`rotations:\` in place of \`layers:\` of \`${r.key}\`; escalation policies keep referring to \`${r.key}\`. Next: oncall plan (docs/shift-based-schedules.md, "Migrating")`)
  else if (r.problems.length === 0) lines.push(`nothing written; --write writes it into ${r.file}${r.differences.length > 0 ? ' (with --accept-differences, since the forms differ)' : ''}`)
  return lines.join('\n') + '\n'
}
