import {formatDiagnostic, hasErrors} from '../config/diagnostic.js'
import {loadConfig, resolveConfigPath} from '../config/load-config.js'
import {RULES} from '../config/rules/index.js'
import {teamRules} from '../config/rules/team-rules.js'
import {UserError} from '../cli/user-error.js'
import {buildLoadReport, type LoadReport} from '../health/load-report.js'
import type {OnCallSpan} from '../health/load.js'
import type {Schedule} from '../model/schedule.js'
import type {DesiredState} from '../model/state.js'
import {effectiveOverrides} from '../schedule/effective-overrides.js'
import {finalWithOverrides} from '../schedule/final-with-overrides.js'
import type {Shift, TimeWindow} from '../schedule/shift.js'

/**
 * `oncall report`: the load per person and team over a window, from the config (its layers with
 * its overrides and time-off covers on top, as who and export show it) or from the account
 * (`liveShifts`). The team rules are not judged here: a report of a rota that breaks
 * them is exactly what a team needs to see, so only other errors stop it.
 */
export async function reportLoad(options: {
  path: string | undefined
  window: TimeWindow
  now: Date
  /** Given for --live: the account's shifts of a schedule (overrides included). */
  liveShifts?: (state: DesiredState) => Promise<(schedule: Schedule, window: TimeWindow) => Promise<Shift[]>>
}): Promise<LoadReport> {
  const path = resolveConfigPath(options.path)
  const result = await loadConfig(path, {now: options.now, rules: RULES.filter((r) => r !== teamRules)})
  if (result.state === undefined || hasErrors(result.diagnostics)) {
    const errors = result.diagnostics.filter((d) => d.severity === 'error')
    throw new UserError(`the configuration at ${path} has ${errors.length} error${errors.length === 1 ? '' : 's'}; nothing was read`, 1, errors.map(formatDiagnostic))
  }
  const state = result.state
  if (options.liveShifts === undefined) {
    const overrides = effectiveOverrides(state)
    return buildLoadReport(state, options.window, 'config', (schedule) => finalWithOverrides(schedule, options.window, overrides))
  }
  const source = await options.liveShifts(state)
  const live = new Map<string, readonly OnCallSpan[]>()
  for (const schedule of [...state.schedules.values()].sort((a, b) => (a.key < b.key ? -1 : 1))) live.set(schedule.key, await source(schedule, options.window))
  return buildLoadReport(state, options.window, 'live', (schedule) => live.get(schedule.key) ?? null)
}
