import type {Restriction, Schedule, ScheduleLayer} from '../../../model/schedule.js'
import type {PdRestriction, PdSchedule, PdScheduleLayer} from '../dto.js'
import type {LiveLayerRef} from '../id-index.js'
import {appendMarker} from '../ownership.js'
import type {ToPdContext} from './to-pd-context.js'
import {teamRef, userRef} from './to-pd-context.js'
import {ZoneClock} from '../../../schedule/zone-clock.js'
import {NEUTRALISED_LAYER_MS} from './live-layers.js'
import {instantToIso, localToInstant, localToIso, parseInstant, timeOfDayToPd} from './wall-clock.js'
import {alignLayers, type SlotView} from '../../../plan/layer-slots.js'

/** A live layer's slot fields (null when its timestamps do not parse: it then pairs alone). */
function pdSlotView(layer: PdScheduleLayer): SlotView | null {
  try {
    return {name: layer.name ?? '', start: parseInstant(layer.start), end: layer.end ? parseInstant(layer.end) : null}
  } catch {
    return null
  }
}

function modelSlotView(zone: string): (layer: ScheduleLayer) => SlotView | null {
  return (layer) => {
    try {
      return {name: layer.name, start: localToInstant(layer.start, zone), end: layer.end === null ? null : localToInstant(layer.end, zone)}
    } catch {
      return null
    }
  }
}

/**
 * The body of POST/PUT /schedules.
 *
 * Layers go in written order (index 0 = Layer 1, the lowest), which is the order PagerDuty
 * takes on write. For an update, desired layer i reuses the ID of the live layer in the same
 * place (both in written order, see live-layers.ts), so existing layers are edited in place
 * rather than replaced: pairing by position keeps PagerDuty's stored order equal to the config's.
 * "Place" counts a rollout pair (an ended layer + the layer that follows it, plan/layer-slots.ts)
 * as one, so a rollout adds a layer without shifting the IDs of the layers above it. Live layers
 * left over are sent back with their ID and `end` = now, because PagerDuty cannot delete a layer,
 * only end it (see endedLayer for layers that have not started yet).
 *
 * Local date-times become ISO timestamps with the zone's offset at that instant; `end: null` is
 * sent only to clear an end date the live layer has.
 */
export function scheduleToPd(
  schedule: Schedule,
  ctx: ToPdContext,
  liveLayers: readonly LiveLayerRef[] = [],
  now: Date = new Date(0),
): PdSchedule {
  const zone = schedule.timeZone
  const {pairs, extraLive} = alignLayers(liveLayers, schedule.layers, (ref) => pdSlotView(ref.layer), modelSlotView(zone))
  const liveFor = new Map(pairs.map(([li, di]) => [di, liveLayers[li]]))
  const kept = schedule.layers.map((layer, i) => layerToPd(layer, zone, ctx, liveFor.get(i)))
  const ended = extraLive.map((i) => endedLayer(liveLayers[i] as LiveLayerRef, now, zone))
  return {
    type: 'schedule',
    name: schedule.name,
    description: appendMarker(schedule.description, {owner: ctx.owner, key: schedule.key}),
    time_zone: zone,
    teams: schedule.teams.map((key) => teamRef(ctx, key)),
    schedule_layers: [...kept, ...ended],
  }
}

function layerToPd(layer: ScheduleLayer, zone: string, ctx: ToPdContext, live: LiveLayerRef | undefined): PdScheduleLayer {
  return {
    ...(live === undefined ? {} : {id: live.id}),
    name: layer.name,
    start: localToIso(layer.start, zone),
    ...endToPd(layer, zone, live),
    rotation_virtual_start: localToIso(layer.rotationStart, zone),
    rotation_turn_length_seconds: layer.turnSeconds,
    users: layer.users.map((email) => ({user: userRef(ctx, email)})),
    restrictions: layer.restrictions.map(restrictionToPd),
  }
}

/**
 * `end: null` clears an end date (terraform PR #460), but the spec types `end` as a string and
 * strict validators reject null; so null is sent only when there is an end to clear.
 */
function endToPd(layer: ScheduleLayer, zone: string, live: LiveLayerRef | undefined): {end?: string | null} {
  if (layer.end !== null) return {end: localToIso(layer.end, zone)}
  return live?.layer.end ? {end: null} : {}
}

export function restrictionToPd(r: Restriction): PdRestriction {
  const common = {start_time_of_day: timeOfDayToPd(r.start), duration_seconds: r.durationMinutes * 60}
  return r.kind === 'weekly'
    ? {type: 'weekly_restriction', ...common, start_day_of_week: r.startDay}
    : {type: 'daily_restriction', ...common}
}

/**
 * A live layer that left the config. PagerDuty cannot delete it, so it is ended: a layer that
 * has started ends now. One that has not started yet (or started less than a minute ago, which
 * allows for clock skew) cannot end now, since PagerDuty requires end > start; it is cut to one
 * minute from its start with a restriction that excludes that minute, so it never puts anyone on
 * call. Reading treats both as history (live-layers.ts: hasEnded).
 */
function endedLayer(ref: LiveLayerRef, now: Date, zone: string): PdScheduleLayer {
  const {layer} = ref
  const start = parseInstant(layer.start)
  const common = {
    id: ref.id,
    name: layer.name ?? null,
    start: layer.start,
    rotation_virtual_start: layer.rotation_virtual_start,
    rotation_turn_length_seconds: layer.rotation_turn_length_seconds,
    users: layer.users.map((u) => ({user: {id: u.user.id, type: 'user_reference'}})),
  }
  if (start + NEUTRALISED_LAYER_MS <= now.getTime()) {
    return {...common, end: instantToIso(now.getTime(), zone), restrictions: layer.restrictions ?? []}
  }
  const blocked = new Date(start + 2 * NEUTRALISED_LAYER_MS + ZoneClock.of(zone).offsetAt(start))
  const startTimeOfDay = blocked.toISOString().slice(11, 19)
  return {
    ...common,
    end: instantToIso(start + NEUTRALISED_LAYER_MS, zone),
    restrictions: [{type: 'daily_restriction', start_time_of_day: startTimeOfDay, duration_seconds: 60}],
  }
}
