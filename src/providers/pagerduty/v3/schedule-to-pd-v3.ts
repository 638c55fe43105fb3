import type {Schedule, ShiftEvent} from '../../../model/schedule.js'
import {appendMarker} from '../ownership.js'
import {localToInstant} from '../mapping/wall-clock.js'
import type {ToPdContext} from '../mapping/to-pd-context.js'
import {teamRef} from '../mapping/to-pd-context.js'
import type {PdEventV3, PdScheduleV3Body} from './dto-v3.js'
import {wireEventName} from './event-names.js'

/** The metadata body of POST/PUT /v3/schedules (rotations go through their own endpoints). */
export function v3MetadataToPd(schedule: Schedule, ctx: ToPdContext): Required<PdScheduleV3Body> {
  return {
    name: schedule.name,
    description: appendMarker(schedule.description, {owner: ctx.owner, key: schedule.key}),
    time_zone: schedule.timeZone,
    teams: schedule.teams.map((key) => teamRef(ctx, key)),
  }
}

/** v3 instants: UTC with a Z and no milliseconds, as every example of the spec. */
export function utcIso(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z')
}

/**
 * The body of POST/PUT …/events for a model event of the rotation `rotationName` at `position`
 * (1-based, as PagerDuty will list it: event-names.ts). `effective_since` is the event's
 * `effective_from`, else its start; PagerDuty clamps a past one to now.
 */
export function eventToPd(event: ShiftEvent, rotationName: string, position: number, ctx: ToPdContext): PdEventV3 {
  const zone = event.timeZone
  const at = (local: string) => utcIso(localToInstant(local, zone))
  const members = event.members.map((email) => ({type: 'user_member' as const, user_id: ctx.ids.requireId('user', email)}))
  return {
    name: wireEventName(rotationName, position, event.name),
    start_time: {date_time: at(event.start), time_zone: zone},
    end_time: {date_time: at(event.end), time_zone: zone},
    effective_since: at(event.effectiveFrom ?? event.start),
    effective_until: event.effectiveUntil === null ? null : at(event.effectiveUntil),
    recurrence: [...event.recurrence],
    assignment_strategy:
      event.assignment.kind === 'every'
        ? {type: 'every_member_assignment_strategy', members}
        : {type: 'rotating_member_assignment_strategy', shifts_per_member: event.assignment.shiftsPerMember, members},
  }
}
