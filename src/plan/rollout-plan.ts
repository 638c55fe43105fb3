import type {Schedule, ScheduleLayer, ShiftEvent, ShiftRotation} from '../model/schedule.js'
import {formatInZone} from '../schedule/format-local.js'
import type {Change} from './change.js'
import {diffFields} from './field-diff.js'
import {layerSlots} from './layer-slots.js'
import type {Plan} from './plan.js'
import {slotViewOf, type ScheduleRollout} from './rollout.js'
import {ZoneClock} from '../schedule/zone-clock.js'
import {parseLocalDateTime} from '../schedule/local-time.js'

/**
 * The rollouts of a plan (rollout.ts) made readable: notes are kept only for schedules the plan
 * changes, and the field list of a schedule update compares layers slot by slot, a rollout pair
 * read as the one config layer it stands for (`layers[0].users: [a, b] → [b, a]`), instead of
 * listing the ended layer and the new one field by field. When that comparison finds nothing
 * (the pair differs only in timing), the raw fields stay.
 */
export function withRollouts(plan: Plan, rollouts: readonly ScheduleRollout[]): Plan {
  const changed = new Set(plan.changes.filter((c) => c.type === 'schedule' && c.kind !== 'delete').map((c) => c.key))
  const kept = rollouts.filter((r) => changed.has(r.schedule))
  // Every schedule update: a live pending pair (or a new one) reads as the one config layer it is.
  const changes = plan.changes.map(readableFields)
  return kept.length === 0 ? {...plan, changes} : {...plan, changes, rollouts: kept}
}

/** `Weekly takes effect mon 2026-03-09 10:00 Asia/Tokyo, at the next handoff` */
export function rolloutLine(r: ScheduleRollout): string {
  const why = r.reason === 'next_handoff' ? 'at the next handoff' : 'as its rollout.at says'
  return `${r.layerName} takes effect ${formatInZone(Date.parse(r.at), r.timeZone)} ${r.timeZone}, ${why}`
}

function readableFields(c: Change): Change {
  if (c.type !== 'schedule' || (c.kind !== 'update' && c.kind !== 'adopt')) return c
  try {
    const fields = diffFields('schedule', collapsed(c.before as Schedule), collapsed(c.after as Schedule))
    return fields.length === 0 ? c : {...c, fields}
  } catch {
    return c
  }
}

/** Each rollout pair as one layer (or event): the new settings over the running one's span. */
export function collapsed(schedule: Schedule): Schedule {
  if (schedule.rotations !== undefined) return {...schedule, rotations: schedule.rotations.map(collapsedRotation)}
  const clock = ZoneClock.of(schedule.timeZone)
  const slots = layerSlots(schedule.layers, slotViewOf((local) => clock.toInstant(parseLocalDateTime(local))))
  if (slots.every((s) => s.length === 1)) return schedule
  const layers = slots.map((slot): ScheduleLayer => {
    const first = schedule.layers[slot[0] as number] as ScheduleLayer
    const second = slot.length === 2 ? (schedule.layers[slot[1] as number] as ScheduleLayer) : undefined
    return second === undefined ? first : {...second, start: first.start}
  })
  return {...schedule, layers}
}

/**
 * A shift-based rollout pair (plan/shift-rollout.ts) as the one config event it stands for: an
 * event ending exactly when a later one of the same name starts reads as that later one from the
 * first one's start, so the plan says `rotations[0].events[0].members: [a, b] → [b, a]`.
 */
function collapsedRotation(rotation: ShiftRotation): ShiftRotation {
  const events = [...rotation.events]
  for (let i = 0; i < events.length; i++) {
    const first = events[i] as ShiftEvent
    if (first.effectiveUntil === null) continue
    const j = events.findIndex((e, k) => k !== i && e.name === first.name && e.timeZone === first.timeZone && e.effectiveFrom === first.effectiveUntil)
    if (j < 0) continue
    events[i] = {...(events[j] as ShiftEvent), effectiveFrom: first.effectiveFrom}
    events.splice(j, 1)
  }
  return events.length === rotation.events.length ? rotation : {...rotation, events}
}
