import type {Restriction, Schedule, ScheduleLayer} from '../../../model/schedule.js'
import type {Weekday} from '../../../model/time.js'
import type {PdRestriction, PdSchedule, PdScheduleLayer, Read} from '../dto.js'
import {parseDescription} from '../ownership.js'
import type {FromPdContext} from './from-pd-context.js'
import {liveLayersInWrittenOrder} from './live-layers.js'
import {canonicalTimeZone} from './time-zone.js'
import {isoToLocal, timeOfDayFromPd} from './wall-clock.js'

/**
 * A v2 schedule in the model. Normalises what PagerDuty rewrites: layer order (reversed on
 * read), ended layers (dropped), timestamps (re-offset by the server; read as wall-clock times in
 * the schedule's zone), zone aliases. The layer `start` PagerDuty moves to "now" is handled
 * against the desired state in normalize-start.ts, because only the config knows what was asked.
 */
export function scheduleFromPd(raw: Read<PdSchedule>, key: string, ctx: FromPdContext): Schedule {
  const timeZone = canonicalTimeZone(raw.time_zone)
  return {
    key,
    name: raw.name,
    description: parseDescription(raw.description).text,
    timeZone,
    teams: (raw.teams ?? []).map((t) => ctx.teamKeyOf(t.id)).sort(),
    layers: liveLayersInWrittenOrder(raw.schedule_layers ?? [], ctx.now, ctx.layerOrderOnRead).map((layer) =>
      layerFromPd(layer, timeZone, ctx),
    ),
  }
}

function layerFromPd(layer: PdScheduleLayer, zone: string, ctx: FromPdContext): ScheduleLayer {
  return {
    name: layer.name ?? '',
    users: layer.users.map((u) => ctx.emailOf(u.user.id)),
    turnSeconds: layer.rotation_turn_length_seconds,
    rotationStart: isoToLocal(layer.rotation_virtual_start, zone),
    start: isoToLocal(layer.start, zone),
    end: layer.end ? isoToLocal(layer.end, zone) : null,
    restrictions: (layer.restrictions ?? []).map(restrictionFromPd),
  }
}

export function restrictionFromPd(r: PdRestriction): Restriction {
  const start = timeOfDayFromPd(r.start_time_of_day)
  const durationMinutes = Math.round(r.duration_seconds / 60)
  if (r.type === 'weekly_restriction') {
    return {kind: 'weekly', startDay: r.start_day_of_week as Weekday, start, durationMinutes}
  }
  return {kind: 'daily', start, durationMinutes}
}
