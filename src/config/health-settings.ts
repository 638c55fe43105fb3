import {DEFAULT_NIGHTS, type HealthSettings, type HolidayCalendar, type RuleName, type RuleSet, type RuleSetting} from '../health/settings.js'
import type {MergedConfig} from './merge.js'
import type {WrittenLimit, WrittenRules, WrittenScheduleRules} from './written.js'

const SCHEDULE_RULES = ['min_people', 'max_consecutive_days', 'max_share', 'max_nights_share', 'max_weekend_share', 'max_holiday_share'] as const
const CONFIG_ONLY_RULES = ['min_rest_hours', 'no_double_booking'] as const

/**
 * The team rules and holiday calendars of a (schema-valid) merged config: per schedule, the
 * top-level rules with the schedule's own `rules:` replacing them name by name; holidays from
 * the schedule, else from the first of its teams (in key order) that declares some.
 */
export function healthSettings(config: MergedConfig): HealthSettings {
  const top = config.rules ?? {}
  const configRules: RuleSet = {}
  for (const name of [...SCHEDULE_RULES, ...CONFIG_ONLY_RULES]) setRule(configRules, name, top[name], 'config')
  const rulesBySchedule = new Map<string, RuleSet>()
  const holidaysBySchedule = new Map<string, HolidayCalendar>()
  for (const [key, schedule] of config.schedules) {
    const own: WrittenScheduleRules = schedule.rules ?? {}
    const set: RuleSet = {...configRules}
    for (const name of SCHEDULE_RULES) {
      if (own[name] !== undefined) {
        delete set[name]
        setRule(set, name, own[name], 'schedule')
      }
    }
    rulesBySchedule.set(key, set)
    const team = [...(schedule.teams ?? [])].sort().find((t) => config.teams.get(t)?.holidays !== undefined)
    const calendar = schedule.holidays ?? (team === undefined ? undefined : config.teams.get(team)?.holidays)
    if (calendar !== undefined) holidaysBySchedule.set(key, calendar.region === undefined ? {country: calendar.country} : {country: calendar.country, region: calendar.region})
  }
  return {rulesBySchedule, configRules, holidaysBySchedule, nights: nightsOf(top)}
}

function setRule(set: RuleSet, name: RuleName, written: WrittenLimit<number> | WrittenLimit<boolean> | undefined, origin: RuleSetting['origin']): void {
  if (written === undefined) return
  const {value, severity} = typeof written === 'object' ? {value: written.value, severity: written.severity ?? 'warning'} : {value: written, severity: 'warning' as const}
  if (value === false) return // `no_double_booking: false` switches it off
  set[name] = {value: value === true ? 1 : value, severity, origin}
}

function nightsOf(rules: WrittenRules): HealthSettings['nights'] {
  if (rules.nights === undefined) return DEFAULT_NIGHTS
  const seconds = (hhmm: string) => Number(hhmm.slice(0, 2)) * 3600 + Number(hhmm.slice(3, 5)) * 60
  return {fromSecond: seconds(rules.nights.from), toSecond: seconds(rules.nights.to)}
}
