import type {OnCallState} from '../model/state.js'
import type {Schedule} from '../model/schedule.js'
import type {TimeWindow} from '../schedule/shift.js'
import {scheduleLoad, type OnCallSpan, type ScheduleLoad} from './load.js'
import {holidayIntervals} from './public-holidays.js'
import type {HealthSettings} from './settings.js'

/** Each person's own zone where the config declares one (others count on the schedule's clock). */
export function userZones(state: Pick<OnCallState, 'users'>): Map<string, string> {
  const zones = new Map<string, string>()
  for (const u of state.users.values()) if (u.timeZone !== null) zones.set(u.email, u.timeZone)
  return zones
}

/**
 * The load of every schedule of a state over `window`, with the shifts `shiftsOf` gives (the
 * engine's final schedule for the config, PagerDuty's rendered one for `--live`). A schedule
 * whose shifts cannot be had (`null`) is left out.
 */
export function loadsOf(
  schedules: readonly Schedule[],
  state: Pick<OnCallState, 'users'>,
  settings: HealthSettings,
  window: TimeWindow,
  shiftsOf: (schedule: Schedule) => readonly OnCallSpan[] | null,
): ScheduleLoad[] {
  const zones = userZones(state)
  const out: ScheduleLoad[] = []
  for (const schedule of schedules) {
    const shifts = shiftsOf(schedule)
    if (shifts === null) continue
    out.push(scheduleLoadOf(schedule, shifts, zones, settings, window))
  }
  return out
}

/** The load of one schedule (`zones` from userZones): for callers that have one schedule's shifts at a time (export). */
export function scheduleLoadOf(
  schedule: Schedule,
  shifts: readonly OnCallSpan[],
  zones: ReadonlyMap<string, string>,
  settings: HealthSettings,
  window: TimeWindow,
): ScheduleLoad {
  const calendar = settings.holidaysBySchedule.get(schedule.key)
  return scheduleLoad(
    {schedule: schedule.key, timeZone: schedule.timeZone, teams: schedule.teams, shifts, holidays: calendar === undefined ? [] : holidayIntervals(calendar, window)},
    {window, userZones: zones, nights: settings.nights},
  )
}
