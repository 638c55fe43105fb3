import {jsonOutput} from '../output/json-keys.js'
import {formatDiagnostic, type Diagnostic} from '../config/diagnostic.js'
import {ignoredFilesNote, loadConfig, resolveConfigPath} from '../config/load-config.js'

export interface ValidateReport {
  /** The config path that was read (after the default-path rule). */
  readonly path: string
  readonly files: readonly string[]
  /** YAML files under a directory PATH that were not read as config. */
  readonly ignoredFiles: readonly string[]
  readonly diagnostics: readonly Diagnostic[]
  readonly errors: number
  readonly warnings: number
  /** No errors, and no warnings either when strict. */
  readonly valid: boolean
  readonly strict: boolean
}

/** `oncall validate`: load the config and judge it; printing is the caller's. */
export async function validateConfig(pathArg: string | undefined, options: {strict: boolean; now: Date; horizonDays?: number}): Promise<ValidateReport> {
  const path = resolveConfigPath(pathArg)
  const {diagnostics, files, ignored} = await loadConfig(path, {now: options.now, ...(options.horizonDays === undefined ? {} : {horizonDays: options.horizonDays})})
  const errors = diagnostics.filter((d) => d.severity === 'error').length
  const warnings = diagnostics.length - errors
  return {path, files, ignoredFiles: ignored, diagnostics, errors, warnings, valid: errors === 0 && (!options.strict || warnings === 0), strict: options.strict}
}

/** One line per diagnostic, then a summary line. */
export function renderValidateText(report: ValidateReport): string {
  const lines = report.diagnostics.map(formatDiagnostic)
  const note = ignoredFilesNote(report.path, report.files, report.ignoredFiles)
  if (note !== undefined) lines.push(note)
  const files = `${report.files.length} file${report.files.length === 1 ? '' : 's'}`
  const counts = `${plural(report.errors, 'error')}, ${plural(report.warnings, 'warning')}`
  if (report.valid) lines.push(`${report.path}: valid (${files}, ${counts})`)
  else lines.push(`${report.path}: invalid (${files}, ${counts}${report.strict && report.errors === 0 ? '; --strict fails on warnings' : ''})`)
  return lines.join('\n') + '\n'
}

/** The same diagnostics as data, for scripts and editors (snake_case keys, like every JSON output). */
export function renderValidateJson(report: ValidateReport): string {
  const {valid, path, files, ignoredFiles, errors, warnings, strict, diagnostics} = report
  return jsonOutput({valid, path, files, ignoredFiles, errors, warnings, strict, diagnostics})
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}
