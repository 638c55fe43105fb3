import type {Restriction, Schedule, ScheduleLayer} from '../model/schedule.js'
import type {WrittenRepeat, WrittenRotation, WrittenShiftEvent} from '../config/written.js'
import {subtractIntervals} from '../schedule/interval.js'
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
 * - with restrictions that line up with the turns: one event per restriction window, repeating
 *   daily or weekly, with shifts_per_member = the windows of that restriction in one turn;
 * - otherwise, and wherever layers above hide part of it (precedence): the exact piecewise form
 *   (piecewiseEvents), cut into segments where a layer above starts or ends;
 * - the compact form with a note when the exact one exceeds PagerDuty's limits.
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
  const running = (l: ScheduleLayer) => l.end === null || parseLocalDateTime(l.end) > nowLocal
  schedule.layers.forEach((layer, i) => {
    if (!running(layer)) {
      notes.push(`layer \`${layer.name}\` has ended: not migrated (its history stays on the layer-based schedule)`)
      return
    }
    // Precedence: the running layers above this one hide it wherever they have someone on call.
    // v3 rotations are concurrent, so that time is cut out of this layer's events. Where a layer
    // above starts or ends later, the hidden time changes there: this layer's range is cut into
    // segments at those instants, each with its own events (effective from/until the cuts).
    const above = schedule.layers.slice(i + 1).filter(running)
    const from = parseLocalDateTime(layer.start)
    const until = layer.end === null ? Number.POSITIVE_INFINITY : parseLocalDateTime(layer.end)
    const cuts = [...new Set(above.flatMap((l) => [parseLocalDateTime(l.start), l.end === null ? Number.NaN : parseLocalDateTime(l.end)]))]
      .filter((t) => t > Math.max(nowLocal, from) && t < until)
      .sort((x, y) => x - y)
    const bounds = [from, ...cuts, until]
    const events: WrittenShiftEvent[] = []
    let hiddenSegments = 0
    for (let k = 0; k + 1 < bounds.length; k++) {
      const segment = {from: bounds[k] as number, until: bounds[k + 1] as number}
      const probe = Math.max(segment.from, nowLocal)
      const active = above.filter((l) => parseLocalDateTime(l.start) <= probe && (l.end === null || parseLocalDateTime(l.end) > probe))
      const full = active.find((l) => l.restrictions.length === 0)
      const label = k === 0 ? '' : ` (from ${formatLocalDateTime(segment.from).replace('T', ' ')})`
      if (full !== undefined) {
        hiddenSegments++
        if (bounds.length > 2) notes.push(`layer \`${layer.name}\`${label || ' until ' + formatLocalDateTime(segment.until).replace('T', ' ')}: hidden by layer \`${full.name}\` above it (no restrictions), so it has no events there`)
        continue
      }
      const hidden = active.flatMap((l) => l.restrictions)
      events.push(...layerEvents(layer, notes, hidden, segment).map((e) => ({...e, name: `${e.name ?? layer.name}${label}`})))
    }
    if (hiddenSegments === bounds.length - 1) {
      const full = above.find((l) => l.restrictions.length === 0) as ScheduleLayer
      notes.push(`layer \`${layer.name}\` is hidden all the time by layer \`${full.name}\` above it (no restrictions): not migrated, since nobody in it is ever on call`)
      return
    }
    for (let k = 0; k < events.length; k += MAX_EVENTS) {
      const part = k / MAX_EVENTS
      rotations.push({name: part === 0 ? layer.name : `${layer.name} (${part + 1})`, events: events.slice(k, k + MAX_EVENTS)})
    }
  })
  return {rotations, notes}
}

function layerEvents(layer: ScheduleLayer, notes: string[], hidden: readonly Restriction[], segment: {from: number; until: number}): WrittenShiftEvent[] {
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
    ...(segment.from === first ? {} : {effective_from: formatLocalDateTime(segment.from)}),
    ...(Number.isFinite(segment.until) ? {effective_until: formatLocalDateTime(segment.until)} : {}),
  }
  if (hidden.length > 0) {
    const exact = piecewiseEvents(layer, first, members, range, hidden)
    if (exact !== null) return exact
    notes.push(`layer \`${layer.name}\`: the time the layers above hide does not fit PagerDuty's limits (${MAX_PIECES} events, ${MAX_MEMBERS} members) as cut-out events; there both would be on call`)
  }
  if (layer.restrictions.length === 0) {
    return [{name: layer.name, start: formatLocalDateTime(first), end: formatLocalDateTime(first + turn), repeat: repeatEvery(turn), members, ...range}]
  }
  const compactNotes: string[] = []
  const compact = layer.restrictions.map((r, j) => {
    const period = r.kind === 'daily' ? DAY : WEEK
    const offset = r.kind === 'daily' ? parseTimeOfDay(r.start) * 1000 : (r.startDay - 1) * DAY + parseTimeOfDay(r.start) * 1000
    const length = r.durationMinutes * MINUTE
    const base = r.kind === 'daily' ? 0 : A_MONDAY
    // The first window starting at or after the turn boundary.
    const windowStart = first + mod(base + offset - first, period)
    const perTurn = turn / period
    if (!Number.isInteger(perTurn)) {
      compactNotes.push(`layer \`${layer.name}\`: a ${describe(r)} restriction does not fit a whole number of times into a ${hours(turn)} turn; the closest form gives each member one window in turn`)
    } else if (straddles(first, base + offset, length, period)) {
      compactNotes.push(`layer \`${layer.name}\`: the ${describe(r)} window crosses the handoff; the shift-based form gives the whole window to one member (the one on call when it begins)`)
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
  // One event per restriction window when that is exact; else the exact piecewise form, when
  // PagerDuty's limits allow it; else the compact form with notes on what it changes.
  if (compactNotes.length === 0) return compact
  const pieces = piecewiseEvents(layer, first, members, range, [])
  if (pieces !== null) return pieces
  notes.push(...compactNotes)
  return compact
}

/** The most events the piecewise form may take (5 rotations of 5) before the compact form is preferred. */
const MAX_PIECES = 25
/** PagerDuty's limit of members per event. */
const MAX_MEMBERS = 20

/**
 * The exact form of a restricted layer whose windows do not line up with its turns (a window
 * across the handoff, daily turns with weekday windows, 12-hour turns with a night window…).
 * Both patterns repeat after Q = lcm(turn, window period). Within one Q starting at a handoff,
 * the visible windows are cut at every handoff into pieces; each piece becomes an event that
 * repeats every Q, and since a cycle advances the rotation by Q/turn turns, its members are the
 * people who have that piece in successive cycles: users[(k + r·Q/turn) mod n], r = 0, 1, ….
 * Null when that takes more than MAX_PIECES events or MAX_MEMBERS members.
 */
function piecewiseEvents(
  layer: ScheduleLayer,
  first: number,
  members: readonly string[],
  range: Pick<WrittenShiftEvent, 'effective_from' | 'effective_until'>,
  hidden: readonly Restriction[],
): WrittenShiftEvent[] | null {
  const turn = layer.turnSeconds * 1000
  const period = [...layer.restrictions, ...hidden].some((r) => r.kind === 'weekly') ? WEEK : DAY
  const cycle = lcm(turn / MINUTE, period / MINUTE) * MINUTE
  if (cycle / turn > 10_000) return null
  const end = first + cycle
  const own = layer.restrictions.length === 0 ? [{start: first, end}] : windowsOf(layer.restrictions, first, end)
  const pieces: {start: number; end: number; turn: number}[] = []
  for (const w of subtractIntervals(own, windowsOf(hidden, first, end))) {
    for (let a = w.start; a < w.end; ) {
      const k = Math.floor((a - first) / turn)
      const b = Math.min(w.end, first + (k + 1) * turn)
      pieces.push({start: a, end: b, turn: k})
      a = b
    }
    if (pieces.length > MAX_PIECES) return null
  }
  const n = members.length
  const step = (cycle / turn) % n
  const length = n / gcd(step, n)
  if (length > MAX_MEMBERS) return null
  return pieces.map((piece, j) => ({
    name: `${layer.name} ${j + 1}`,
    start: formatLocalDateTime(piece.start),
    end: formatLocalDateTime(piece.end),
    repeat: repeatEvery(cycle),
    members: Array.from({length}, (_, r) => members[(piece.turn + r * step) % n] as string),
    ...range,
  }))
}

/** The windows of `restrictions` within [from, to), clipped to it. */
function windowsOf(restrictions: readonly Restriction[], from: number, to: number): {start: number; end: number}[] {
  const windows: {start: number; end: number}[] = []
  for (const r of restrictions) {
    const p = r.kind === 'daily' ? DAY : WEEK
    const offset = (r.kind === 'daily' ? 0 : A_MONDAY + (r.startDay - 1) * DAY) + parseTimeOfDay(r.start) * 1000
    // From one period before, so a window running into the range is seen too.
    for (let s = from + mod(offset - from, p) - p; s < to; s += p) {
      const a = Math.max(s, from)
      const b = Math.min(s + r.durationMinutes * MINUTE, to)
      if (a < b) windows.push({start: a, end: b})
    }
  }
  return windows
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b)
}

function lcm(a: number, b: number): number {
  return (a / gcd(a, b)) * b
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
