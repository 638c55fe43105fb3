import type {Restriction, Schedule, ScheduleLayer} from '../../../model/schedule.js'
import type {PdRestriction, PdSchedule, PdScheduleLayer} from '../dto.js'
import type {LiveLayerRef} from '../id-index.js'
import {appendMarker} from '../ownership.js'
import type {ToPdContext} from './to-pd-context.js'
import {teamRef, userRef} from './to-pd-context.js'
import {instantToIso, localToIso, parseInstant, timeOfDayToPd} from './wall-clock.js'

/**
 * The body of POST/PUT /schedules.
 *
 * Layers go in written order (index 0 = Layer 1, the lowest), which is the order PagerDuty
 * takes on write. For an update, desired layer i reuses the ID of live layer i (both in written
 * order, see live-layers.ts), so existing layers are edited in place rather than replaced:
 * pairing by position keeps PagerDuty's stored order equal to the config's. Live layers beyond
 * the config's count are sent back with their ID and `end` = now, because PagerDuty cannot delete
 * a layer, only end it; one that has not started yet is ended at its start (a layer that never
 * counts, which reading ignores).
 *
 * Local date-times become ISO timestamps with the zone's offset at that instant; `end: null` is
 * sent explicitly so that removing an end date clears it.
 */
export function scheduleToPd(
  schedule: Schedule,
  ctx: ToPdContext,
  liveLayers: readonly LiveLayerRef[] = [],
  now: Date = new Date(0),
): PdSchedule {
  const zone = schedule.timeZone
  const kept = schedule.layers.map((layer, i) => layerToPd(layer, zone, ctx, liveLayers[i]?.id))
  const ended = liveLayers.slice(schedule.layers.length).map((ref) => endedLayer(ref, now, zone))
  return {
    type: 'schedule',
    name: schedule.name,
    description: appendMarker(schedule.description, {owner: ctx.owner, key: schedule.key}),
    time_zone: zone,
    teams: schedule.teams.map((key) => teamRef(ctx, key)),
    schedule_layers: [...kept, ...ended],
  }
}

function layerToPd(layer: ScheduleLayer, zone: string, ctx: ToPdContext, id: string | undefined): PdScheduleLayer {
  return {
    ...(id === undefined ? {} : {id}),
    name: layer.name,
    start: localToIso(layer.start, zone),
    end: layer.end === null ? null : localToIso(layer.end, zone),
    rotation_virtual_start: localToIso(layer.rotationStart, zone),
    rotation_turn_length_seconds: layer.turnSeconds,
    users: layer.users.map((email) => ({user: userRef(ctx, email)})),
    restrictions: layer.restrictions.map(restrictionToPd),
  }
}

export function restrictionToPd(r: Restriction): PdRestriction {
  const common = {start_time_of_day: timeOfDayToPd(r.start), duration_seconds: r.durationMinutes * 60}
  return r.kind === 'weekly'
    ? {type: 'weekly_restriction', ...common, start_day_of_week: r.startDay}
    : {type: 'daily_restriction', ...common}
}

function endedLayer(ref: LiveLayerRef, now: Date, zone: string): PdScheduleLayer {
  const {layer} = ref
  const end = Math.max(now.getTime(), parseInstant(layer.start))
  return {
    id: ref.id,
    name: layer.name ?? null,
    start: layer.start,
    end: instantToIso(end, zone),
    rotation_virtual_start: layer.rotation_virtual_start,
    rotation_turn_length_seconds: layer.rotation_turn_length_seconds,
    users: layer.users.map((u) => ({user: {id: u.user.id, type: 'user_reference'}})),
    restrictions: layer.restrictions ?? [],
  }
}
