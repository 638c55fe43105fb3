import type {Restriction, Schedule, ScheduleLayer} from '../model/schedule.js'
import type {WrittenRepeat, WrittenRotation, WrittenShiftEvent} from '../config/written.js'
import {formatLocalDateTime, parseLocalDateTime, parseTimeOfDay} from '../schedule/local-time.js'

const MINUTE = 60_000
const HOUR = 3_600_000
const DAY = 86_400_000
const WEEK = 7 * DAY
/** Local naive ms of Monday 1970-01-05 00:00: weeks of weekly restrictions start on Mondays. */
const A_MONDAY = 4 * DAY
const MAX_EVENTS = 5

export interface Conversion {
  readonly rotations: WrittenRotation[]
  /** Why the shift-based form is not exactly the layer form, and what the closest form changes. */
  readonly notes: string[]
}

/**
 * The shift-based form of a layer schedule (`oncall migrate`). Each layer becomes one rotation
 * (more than one when it needs more than 5 events: rotations run concurrently, so splitting a
 * layer's windows over several rotations changes nothing):
 *
 * - without restrictions: one event, a turn long, repeating every turn;
 * - with restrictions: one event per restriction window, repeating daily or weekly, with
 *   shifts_per_member = the windows of that restriction in one turn.
 *
 * The rotation is anchored at the last turn boundary at or before the layer's start, with the
 * members rotated so that whoever has that turn comes first: the engine counts occurrences from
 * `start` (docs/shift-based-schedules.md, alignment), so this keeps every turn's person.
 * What cannot be expressed exactly is named in `notes`; the proof shows its effect shift by shift.
 */
export function layerScheduleToShiftBased(schedule: Schedule, now: number, toLocal: (instant: number) => number): Conversion {
  const notes: string[] = []
  const rotations: WrittenRotation[] = []
  const nowLocal = toLocal(now)
  schedule.layers.forEach((layer, i) => {
    if (layer.end !== null && parseLocalDateTime(layer.end) <= nowLocal) {
      notes.push(`layer \`${layer.name}\` has ended: not migrated (its history stays on the layer-based schedule)`)
      return
    }
    const events = layerEvents(layer, notes)
    for (let k = 0; k < events.length; k += MAX_EVENTS) {
      const part = k / MAX_EVENTS
      rotations.push({name: part === 0 ? layer.name : `${layer.name} (${part + 1})`, events: events.slice(k, k + MAX_EVENTS)})
    }
    if (i > 0 && schedule.layers.slice(0, i).some((l) => l.end === null || parseLocalDateTime(l.end) > nowLocal)) {
      notes.push(
        `layer \`${layer.name}\` sits above other layers: in a layer schedule it hides them where it has someone on call; shift-based rotations are concurrent, so there both would be on call`,
      )
    }
  })
  return {rotations, notes}
}

function layerEvents(layer: ScheduleLayer, notes: string[]): WrittenShiftEvent[] {
  const turn = layer.turnSeconds * 1000
  const anchor = parseLocalDateTime(layer.rotationStart)
  const start = parseLocalDateTime(layer.start)
  // The turn boundary at or before the layer's start, and whose turn it is.
  const k0 = Math.floor((start - anchor) / turn)
  const first = anchor + k0 * turn
  const n = layer.users.length
  const shift = ((k0 % n) + n) % n
  const members = [...layer.users.slice(shift), ...layer.users.slice(0, shift)]
  const range = {
    ...(start === first ? {} : {effective_from: formatLocalDateTime(start)}),
    ...(layer.end === null ? {} : {effective_until: layer.end}),
  }
  if (layer.restrictions.length === 0) {
    return [{name: layer.name, start: formatLocalDateTime(first), end: formatLocalDateTime(first + turn), repeat: repeatEvery(turn), members, ...range}]
  }
  return layer.restrictions.map((r, j) => {
    const period = r.kind === 'daily' ? DAY : WEEK
    const offset = r.kind === 'daily' ? parseTimeOfDay(r.start) * 1000 : (r.startDay - 1) * DAY + parseTimeOfDay(r.start) * 1000
    const length = r.durationMinutes * MINUTE
    const base = r.kind === 'daily' ? 0 : A_MONDAY
    // The first window starting at or after the turn boundary.
    const windowStart = first + mod(base + offset - first, period)
    const perTurn = turn / period
    if (!Number.isInteger(perTurn)) {
      notes.push(`layer \`${layer.name}\`: a ${describe(r)} restriction does not fit a whole number of times into a ${hours(turn)} turn; the closest form gives each member one window in turn`)
    } else if (straddles(first, base + offset, length, period)) {
      notes.push(`layer \`${layer.name}\`: the ${describe(r)} window crosses the handoff; the shift-based form gives the whole window to one member (the one on call when it begins)`)
    }
    return {
      name: layer.restrictions.length === 1 ? layer.name : `${layer.name} ${j + 1}`,
      start: formatLocalDateTime(windowStart),
      end: formatLocalDateTime(windowStart + length),
      repeat: period === DAY ? 'daily' : 'weekly',
      members,
      ...(Number.isInteger(perTurn) && perTurn > 1 ? {shifts_per_member: perTurn} : {}),
      ...range,
    } satisfies WrittenShiftEvent
  })
}

/**
 * With a turn that is a whole number of periods every handoff falls at the same point of the
 * period: does that point lie strictly inside the window (period-relative `offset`, `length`)?
 */
function straddles(first: number, offset: number, length: number, period: number): boolean {
  const h = mod(first - offset, period)
  return h > 0 && h < length
}

function repeatEvery(ms: number): WrittenRepeat {
  if (ms % WEEK === 0) return ms === WEEK ? 'weekly' : {every_weeks: ms / WEEK}
  if (ms % DAY === 0) return ms === DAY ? 'daily' : {every_days: ms / DAY}
  if (ms % HOUR === 0) return {rrule: `FREQ=HOURLY;INTERVAL=${ms / HOUR}`}
  return {rrule: `FREQ=MINUTELY;INTERVAL=${ms / MINUTE}`}
}

function describe(r: Restriction): string {
  const to = (parseTimeOfDay(r.start) / 60 + r.durationMinutes) % 1440
  const end = `${String(Math.floor(to / 60)).padStart(2, '0')}:${String(to % 60).padStart(2, '0')}`
  return r.kind === 'daily' ? `daily ${r.start}–${end}` : `weekly (day ${r.startDay}) ${r.start}, ${r.durationMinutes} min`
}

function hours(ms: number): string {
  return ms % DAY === 0 ? `${ms / DAY}-day` : `${ms / HOUR}-hour`
}

function mod(a: number, m: number): number {
  return ((a % m) + m) % m
}
