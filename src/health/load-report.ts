import type {DesiredState} from '../model/state.js'
import type {Schedule} from '../model/schedule.js'
import type {TimeWindow} from '../schedule/shift.js'
import {totalsByPerson, type OnCallSpan, type PersonTotals, type ScheduleLoad} from './load.js'
import {emptyHealthSettings} from './settings.js'
import {loadsOf} from './state-loads.js'

/** `oncall report`: the load of every schedule, summed per person for each team and for everyone. */
export interface LoadReport {
  readonly window: TimeWindow
  /** `config` (the engine over the config's layers) or `live` (the account's final schedules, overrides included). */
  readonly source: 'config' | 'live'
  readonly schedules: readonly ScheduleLoad[]
  /** Per team key (sorted; schedules without a team under `''`), the people of its schedules. */
  readonly teams: readonly {readonly team: string; readonly name: string; readonly schedules: readonly string[]; readonly people: readonly PersonTotals[]}[]
  readonly everyone: readonly PersonTotals[]
  /** Display names by email (from the config), for renderers. */
  readonly names: Readonly<Record<string, string>>
}

export function buildLoadReport(
  state: Pick<DesiredState, 'users' | 'teams' | 'schedules' | 'health'>,
  window: TimeWindow,
  source: LoadReport['source'],
  shiftsOf: (schedule: Schedule) => readonly OnCallSpan[] | null,
): LoadReport {
  const schedules = [...state.schedules.values()].sort((a, b) => cmp(a.key, b.key))
  return reportFromLoads(state, window, source, loadsOf(schedules, state, state.health ?? emptyHealthSettings(), window, shiftsOf))
}

/** The report of loads already computed (validate's rules and the report share them). */
export function reportFromLoads(
  state: Pick<DesiredState, 'users' | 'teams'>,
  window: TimeWindow,
  source: LoadReport['source'],
  loads: readonly ScheduleLoad[],
): LoadReport {
  const teamKeys = [...new Set(loads.flatMap((l) => (l.teams.length === 0 ? [''] : l.teams)))].sort(cmp)
  const teams = teamKeys.map((team) => {
    const mine = loads.filter((l) => (team === '' ? l.teams.length === 0 : l.teams.includes(team)))
    return {team, name: team === '' ? '(no team)' : (state.teams.get(team)?.name ?? team), schedules: mine.map((l) => l.schedule), people: totalsByPerson(mine)}
  })
  const names: Record<string, string> = {}
  for (const u of [...state.users.values()].sort((a, b) => cmp(a.email, b.email))) if (u.name !== '') names[u.email] = u.name
  return {window, source, schedules: loads, teams, everyone: totalsByPerson(loads), names}
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
