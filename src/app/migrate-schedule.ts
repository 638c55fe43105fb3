import {stringify} from 'yaml'
import {UserError} from '../cli/user-error.js'
import {normalizeRotations} from '../config/shift-based.js'
import type {Schedule} from '../model/schedule.js'
import {layerScheduleToShiftBased} from '../migrate/layer-to-shift.js'
import {compareForms, type ShiftDifference} from '../migrate/prove.js'
import {formatLocalDateTime} from '../schedule/local-time.js'
import {ZoneClock} from '../schedule/zone-clock.js'
import {loadDesiredState} from './load-desired-state.js'

const WEEK = 7 * 86_400_000

export interface MigrationReport {
  readonly key: string
  readonly timeZone: string
  /** The `rotations:` to write in place of the schedule's `layers:`. */
  readonly yaml: string
  readonly notes: readonly string[]
  readonly window: {readonly start: number; readonly end: number}
  readonly weeks: number
  /** The DST switch inside the window, if the zone has one within a year. */
  readonly dstSwitch: number | null
  readonly differences: readonly ShiftDifference[]
}

/**
 * `oncall migrate SCHEDULE`: the shift-based form of a layer schedule and the proof that it puts
 * the same people on call over the window (extended, where needed, to cross the zone's next DST
 * switch, since that is where wall-clock forms most easily part).
 */
export async function migrateSchedule(pathArg: string | undefined, key: string, options: {now: Date; weeks: number}): Promise<MigrationReport> {
  const {state} = await loadDesiredState(pathArg, options.now)
  const schedule = state.schedules.get(key)
  if (schedule === undefined) throw new UserError(`no schedule \`${key}\` in the config`, 1, [`schedules: ${[...state.schedules.keys()].join(', ')}`])
  if (schedule.rotations !== undefined) throw new UserError(`schedule \`${key}\` is already shift-based`)
  const now = options.now.getTime()
  const clock = ZoneClock.of(schedule.timeZone)
  const conversion = layerScheduleToShiftBased(schedule, now, (t) => clock.toLocal(t))
  const rotations = normalizeRotations(conversion.rotations, schedule.timeZone, (e) => e.toLowerCase(), (z) => z)
  const shiftForm: Schedule = {...schedule, layers: [], rotations}
  const dstSwitch = nextOffsetChange(clock, now)
  let end = now + options.weeks * WEEK
  if (dstSwitch !== null && dstSwitch >= end) end = dstSwitch + WEEK
  const window = {start: now, end}
  return {
    key,
    timeZone: schedule.timeZone,
    yaml: stringify({rotations: conversion.rotations}),
    notes: conversion.notes,
    window,
    weeks: Math.round((end - now) / WEEK),
    dstSwitch: dstSwitch !== null && dstSwitch < end ? dstSwitch : null,
    differences: compareForms(schedule, shiftForm, window),
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
  const lines = [`# schedule \`${r.key}\`: replace its layers with`, r.yaml.trimEnd(), '']
  for (const n of r.notes) lines.push(`note: ${n}`)
  const span = `${local(r.window.start)} – ${local(r.window.end)} ${r.timeZone}${r.dstSwitch === null ? '' : `, crossing the DST switch at ${local(r.dstSwitch)}`}`
  if (r.differences.length === 0) lines.push(`proof: identical for ${r.weeks} weeks (${span}): nobody's on-call time changes`)
  else {
    lines.push(`proof: ${r.differences.length} difference(s) in ${r.weeks} weeks (${span}):`)
    for (const d of r.differences) lines.push(`  ${d.user} ${local(d.start)} – ${local(d.end)}: on call only in the ${d.onlyIn === 'layers' ? 'layer-based' : 'shift-based'} form`)
  }
  return lines.join('\n') + '\n'
}
