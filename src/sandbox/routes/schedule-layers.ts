import {has, isObj, optString, type Obj} from '../body.js'
import type {SandboxContext} from '../context.js'
import {invalidInput} from '../errors.js'
import {requireRef} from '../lookup.js'
import type {LayerRec, RestrictionWire} from '../state.js'
import {parseInstant, secondsOfDay} from '../time-format.js'

/** Turn length bounds as terraform validates them (3600 .. 31,536,000 s; notes §3.3). */
const MIN_TURN = 3600
const MAX_TURN = 31_536_000

function parseRestrictions(v: unknown): RestrictionWire[] {
  if (v === undefined || v === null) return []
  if (!Array.isArray(v)) throw invalidInput('restrictions must be an array')
  return v.map((r): RestrictionWire => {
    if (!isObj(r)) throw invalidInput('restriction must be an object')
    const type = r.type
    if (type !== 'daily_restriction' && type !== 'weekly_restriction') throw invalidInput('Restriction type is invalid')
    const start = String(r.start_time_of_day ?? '')
    secondsOfDay(start)
    const duration = r.duration_seconds
    const limit = type === 'daily_restriction' ? 86_400 : 604_800
    if (typeof duration !== 'number' || !Number.isInteger(duration) || duration <= 0 || duration > limit) {
      throw invalidInput(`Restriction duration_seconds must be between 1 and ${limit}`)
    }
    const out: RestrictionWire = {type, start_time_of_day: start.length === 5 ? `${start}:00` : start, duration_seconds: duration}
    if (type === 'weekly_restriction') {
      const day = r.start_day_of_week
      if (typeof day !== 'number' || !Number.isInteger(day) || day < 1 || day > 7) throw invalidInput('Restriction start_day_of_week must be 1..7')
      out.start_day_of_week = day
    }
    return out
  })
}

function parseUsers(ctx: SandboxContext, v: unknown, fallback: string[] | undefined): string[] {
  if (v === undefined && fallback) return fallback
  if (!Array.isArray(v) || v.length === 0) throw invalidInput('Schedule layer users must not be empty')
  return v.map((entry) => {
    const ref = isObj(entry) && isObj(entry.user) ? entry.user.id : undefined
    return requireRef(ctx.state.users, ref, 'User').id
  })
}

/**
 * One layer from a POST/PUT body. `existing` is the stored layer with the same id (PUT).
 * The layer start cannot lie in the past: PD moves it to now (terraform SuppressScheduleLayerStartDiff,
 * notes §4.3), on create and on update. A layer that is already over keeps its start, so that
 * re-sending an ended layer (as terraform does) does not produce start > end.
 */
export function parseLayer(ctx: SandboxContext, raw: Obj, zone: string, existing: LayerRec | undefined): LayerRec {
  const now = ctx.now()
  const requestedStart = has(raw, 'start') ? parseInstant(raw.start, zone, 'start') : existing?.start
  if (requestedStart === undefined) throw invalidInput('Schedule layer start is required')
  const end = has(raw, 'end') ? (raw.end === null ? null : parseInstant(raw.end, zone, 'end')) : (existing?.end ?? null)
  const rvs = has(raw, 'rotation_virtual_start') ? parseInstant(raw.rotation_virtual_start, zone, 'rotation_virtual_start') : existing?.rotation_virtual_start
  if (rvs === undefined) throw invalidInput('Schedule layer rotation_virtual_start is required')
  const turn = has(raw, 'rotation_turn_length_seconds') ? raw.rotation_turn_length_seconds : existing?.rotation_turn_length_seconds
  if (typeof turn !== 'number' || !Number.isInteger(turn) || turn < MIN_TURN || turn > MAX_TURN) {
    throw invalidInput(`Rotation turn length must be between ${MIN_TURN} and ${MAX_TURN} seconds`)
  }
  const over = end !== null && end <= now
  const start = over ? requestedStart : Math.max(requestedStart, now)
  if (end !== null && !over && end <= start) throw invalidInput('Schedule layer end must be after its start')
  return {
    id: existing?.id ?? ctx.newId(),
    name: optString(raw, 'name', existing?.name ?? null),
    start,
    end,
    rotation_virtual_start: rvs,
    rotation_turn_length_seconds: turn,
    users: parseUsers(ctx, raw.users, existing?.users),
    restrictions: has(raw, 'restrictions') ? parseRestrictions(raw.restrictions) : (existing?.restrictions ?? []),
  }
}

/**
 * Applies a PUT's schedule_layers to the stored layers. Layers are matched by id; a layer without
 * id is new. A stored layer missing from the PUT is ended (end = now), never removed: "A schedule
 * layer can never be removed but it can be ended" (terraform resource_pagerduty_schedule.go,
 * notes §4.1). Ended layers keep being returned. They are placed below the layers of the PUT
 * (lowest precedence), keeping their relative order: the sources don't say where PD keeps them,
 * and an ended layer no longer affects the present or future.
 */
export function mergeLayers(ctx: SandboxContext, stored: LayerRec[], incoming: unknown, zone: string): LayerRec[] {
  if (!Array.isArray(incoming)) throw invalidInput('schedule_layers must be an array')
  const now = ctx.now()
  const seen = new Set<string>()
  const written = incoming.map((raw) => {
    if (!isObj(raw)) throw invalidInput('schedule layer must be an object')
    let existing: LayerRec | undefined
    if (raw.id !== undefined && raw.id !== null) {
      existing = stored.find((l) => l.id === raw.id)
      if (!existing) throw invalidInput(`Schedule layer ${String(raw.id)} not found`)
      if (seen.has(existing.id)) throw invalidInput(`Schedule layer ${existing.id} given twice`)
      seen.add(existing.id)
    }
    return parseLayer(ctx, raw, zone, existing)
  })
  const dropped = stored
    .filter((l) => !seen.has(l.id))
    .map((l) => (l.end === null || l.end > now ? {...l, end: Math.max(now, l.start)} : l))
  return [...dropped, ...written]
}
