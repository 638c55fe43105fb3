import {checkRules, type Breach, type BreachSite} from '../../health/check-rules.js'
import {isKnownCalendar} from '../../health/public-holidays.js'
import {loadsOf} from '../../health/state-loads.js'
import {effectiveOverrides} from '../../schedule/effective-overrides.js'
import {finalWithOverrides} from '../../schedule/final-with-overrides.js'
import {DAY_MS} from '../../schedule/local-time.js'
import {healthSettings} from '../health-settings.js'
import type {DataPath} from '../source-position.js'
import type {Rule} from './context.js'

export const TEAM_RULES_HORIZON_DAYS = 56

/**
 * The team's own rules (`rules:`; docs/language.md, "Team rules") over the horizon from the
 * injected clock, on the shifts the engine computes from the config with its overrides and
 * time-off covers on top (a cover can give someone two weeks in a row). Each breach points at the
 * person's entry in the layer (where a swap is undone) or the policy level, with the rule's
 * severity: `error` fails validate and plan.
 */
export const teamRules: Rule = (ctx) => {
  const settings = healthSettings(ctx.config)
  let calendarsOk = true
  const checkCalendar = (calendar: {country: string; region?: string} | undefined, path: DataPath) => {
    if (calendar === undefined) return
    const known = isKnownCalendar(calendar)
    if (known.ok) return
    calendarsOk = false
    ctx.report({code: 'unknown-holidays', message: `holidays: ${known.reason}`, path, hint: 'date-holidays knows the calendars; see https://github.com/commenthol/date-holidays#supported-countries-states-regions'})
  }
  for (const [key, team] of ctx.config.teams) checkCalendar(team.holidays, ['teams', key, 'holidays'])
  for (const [key, schedule] of ctx.config.schedules) checkCalendar(schedule.holidays, ['schedules', key, 'holidays'])

  const state = ctx.state
  const anyRule = Object.keys(settings.configRules).length > 0 || [...settings.rulesBySchedule.values()].some((r) => Object.keys(r).length > 0)
  if (state === undefined || !anyRule || !calendarsOk) return
  const start = ctx.now.getTime()
  const window = {start, end: start + (ctx.horizonDays ?? TEAM_RULES_HORIZON_DAYS) * DAY_MS}
  const schedules = [...state.schedules.values()]
  const overrides = effectiveOverrides(state)
  const loads = loadsOf(schedules, state, settings, window, (schedule) => {
    try {
      return finalWithOverrides(schedule, window, overrides)
    } catch {
      return null // an invalid zone or time: other rules report it
    }
  })
  const breaches = checkRules({loads, schedules: state.schedules, policies: [...state.escalationPolicies.values()], settings, window})
  for (const b of breaches) {
    ctx.report({severity: b.severity, code: `rule-${b.rule.replaceAll('_', '-')}`, message: b.message, path: pathOf(b.site), hint: hintOf(b)})
  }
}

function pathOf(site: BreachSite): DataPath {
  switch (site.kind) {
    case 'layer-user':
      return ['schedules', site.schedule, 'layers', site.layer, 'users', site.index]
    case 'layer':
      return ['schedules', site.schedule, 'layers', site.layer, 'users']
    case 'rotation-member':
      return ['schedules', site.schedule, 'rotations', site.rotation, 'events', site.event, 'members', site.index]
    case 'rotation':
      return ['schedules', site.schedule, 'rotations', site.rotation]
    case 'schedule':
      return ['schedules', site.schedule]
    case 'policy-level':
      return ['escalation_policies', site.policy, 'rules', site.level]
  }
}

function hintOf(b: Breach): string {
  const where = b.setting.origin === 'schedule' && b.schedule !== null ? `schedules.${b.schedule}.rules.${b.rule}` : `rules.${b.rule}`
  return `${where} (${b.setting.severity})`
}
