import {formatDiagnostic} from '../config/diagnostic.js'
import {ignoredFilesNote, loadConfig, resolveConfigPath} from '../config/load-config.js'
import {RULES} from '../config/rules/index.js'
import {teamRules} from '../config/rules/team-rules.js'
import type {DesiredState} from '../model/state.js'
import {UserError} from '../cli/user-error.js'

/**
 * The config as a desired state for commands that act on it (plan, apply, export, who). An invalid
 * config stops the command before anything else happens, with the same one-line-per-problem
 * diagnostics `oncall validate` prints.
 */
export async function loadDesiredState(
  pathArg: string | undefined,
  now: Date,
  /** Where to say which files were read, when a directory PATH also held other YAML (stderr). */
  note?: (line: string) => void,
  /** How far ahead the team rules look (`--horizon`, days); `teamRules: false` skips them. */
  options: {horizonDays?: number; teamRules?: boolean} = {},
): Promise<{state: DesiredState; path: string}> {
  const path = resolveConfigPath(pathArg)
  // Commands that only show the rota (export) skip the team's rules: a rota that breaks them still
  // has calendars people need; validate, plan and apply judge them.
  const rules = options.teamRules === false ? {rules: RULES.filter((r) => r !== teamRules)} : {}
  const result = await loadConfig(path, {now, ...(options.horizonDays === undefined ? {} : {horizonDays: options.horizonDays}), ...rules})
  const ignored = ignoredFilesNote(path, result.files, result.ignored)
  if (ignored !== undefined) note?.(ignored)
  if (!result.state) {
    const errors = result.diagnostics.filter((d) => d.severity === 'error')
    throw new UserError(
      `the configuration at ${path} has ${errors.length} error${errors.length === 1 ? '' : 's'}; nothing was read or changed`,
      1,
      errors.map(formatDiagnostic),
    )
  }
  return {state: result.state, path}
}
