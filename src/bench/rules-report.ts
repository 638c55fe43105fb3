import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {performance} from 'node:perf_hooks'
import {stringify} from 'yaml'
import {loadConfig} from '../config/load-config.js'
import {RULES} from '../config/rules/index.js'
import {teamRules} from '../config/rules/team-rules.js'
import {checkRules} from '../health/check-rules.js'
import {reportFromLoads} from '../health/load-report.js'
import {renderReportJson} from '../health/render-report.js'
import {emptyHealthSettings} from '../health/settings.js'
import {loadsOf} from '../health/state-loads.js'
import type {DesiredState} from '../model/state.js'
import {computeShifts} from '../schedule/compute-shifts.js'
import {collectGarbage, type BenchResult} from './bench-result.js'
import {syntheticConfig} from './plan-apply.js'

/**
 * Team rules and the load report over a year for the synthetic organisation of the plan/apply
 * bench (500 schedules, 300 teams, 500 policies) with every rule declared and public holidays
 * on every team (JP and GB alternately): the engine's final schedules, the loads (nights and
 * weekends on each clock, holidays from date-holidays) computed once, the rules over them, and
 * the report of them rendered as JSON. Target: under 2 s (issue 15). Best of three runs, after one warm-up.
 */
const NOW = new Date('2026-03-02T03:00:00Z')
const YEAR_DAYS = 365

function configWithRules(): Record<string, unknown> {
  const config = syntheticConfig() as {teams: Record<string, Record<string, unknown>>} & Record<string, unknown>
  Object.values(config.teams).forEach((team, i) => (team.holidays = {country: i % 2 === 0 ? 'JP' : 'GB'}))
  config.rules = {
    min_people: 3,
    max_consecutive_days: 7,
    max_share: 0.5,
    min_rest_hours: 12,
    no_double_booking: true,
    max_nights_share: 0.5,
    max_weekend_share: 0.5,
    max_holiday_share: 0.5,
  }
  return config
}

async function loadState(): Promise<DesiredState> {
  const dir = mkdtempSync(join(tmpdir(), 'oncall-bench-'))
  try {
    const file = join(dir, 'oncall.yaml')
    writeFileSync(file, stringify(configWithRules()))
    const result = await loadConfig(file, {now: NOW, rules: RULES.filter((r) => r !== teamRules)})
    if (!result.state) throw new Error(`synthetic config is invalid: ${result.diagnostics[0]?.message}`)
    return result.state
  } finally {
    rmSync(dir, {recursive: true, force: true})
  }
}

function once(state: DesiredState): {ms: number; breaches: number; bytes: number} {
  collectGarbage()
  const start = performance.now()
  const window = {start: NOW.getTime(), end: NOW.getTime() + YEAR_DAYS * 86_400_000}
  const schedules = [...state.schedules.values()]
  const finals = new Map(schedules.map((s) => [s.key, computeShifts(s, window).final]))
  const settings = state.health ?? emptyHealthSettings()
  const loads = loadsOf(schedules, state, settings, window, (s) => finals.get(s.key) ?? null)
  const breaches = checkRules({loads, schedules: state.schedules, policies: [...state.escalationPolicies.values()], settings, window})
  const json = renderReportJson(reportFromLoads(state, window, 'config', loads))
  return {ms: performance.now() - start, breaches: breaches.length, bytes: json.length}
}

export async function run(): Promise<BenchResult[]> {
  const state = await loadState()
  once(state) // warm-up: zone tables, holiday years
  const runs = [once(state), once(state), once(state)]
  const best = Math.min(...runs.map((r) => r.ms))
  return [
    {name: `rules + report, 1 year, ${state.schedules.size} schedules (${runs[0]?.breaches} breaches, report ${Math.round((runs[0]?.bytes ?? 0) / 1024)} KiB)`, value: Math.round(best), unit: 'ms', target: '< 2000 ms'},
  ]
}
