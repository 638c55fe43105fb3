import {has, isObj, type Obj} from '../body.js'
import type {SandboxContext} from '../context.js'
import {isValidZone} from '../time-format.js'
import {EventExpander, eventsOverlap, type EngineEvent} from '../../schedule/v3/event-shifts.js'
import {RecurrenceError} from '../../schedule/v3/recurrence.js'
import {v3Invalid} from './errors.js'
import type {MemberRec, V3EventRec, ZonedDateTimeRec} from './records.js'

const YEAR = 365 * 86_400_000

/** An RFC 3339 instant with an offset (v3 date-times are always instants). */
export function instant(value: unknown, field: string): number {
  const ms = typeof value === 'string' && /\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i.test(value) ? Date.parse(value) : Number.NaN
  if (Number.isNaN(ms)) throw v3Invalid(field, 'must be an ISO 8601 date-time with an offset')
  return ms
}

export function member(ctx: SandboxContext, v: unknown, field: string): MemberRec {
  if (!isObj(v)) throw v3Invalid(field, 'must be a member object')
  if (v.type === 'empty_member') return null
  if (v.type !== 'user_member') throw v3Invalid(field, 'type must be user_member or empty_member')
  if (typeof v.user_id !== 'string' || !ctx.state.users.some((u) => u.id === v.user_id)) throw v3Invalid(field, `user ${String(v.user_id)} does not exist on the account`)
  return v.user_id
}

function zoned(v: unknown, field: string): ZonedDateTimeRec {
  if (!isObj(v)) throw v3Invalid(field, 'must be {date_time, time_zone}')
  instant(v.date_time, `${field}.date_time`)
  if (!isValidZone(v.time_zone)) throw v3Invalid(`${field}.time_zone`, 'is not a valid IANA time zone')
  return {date_time: v.date_time as string, time_zone: v.time_zone}
}

/**
 * An event from a POST body, or a future event's PUT merged over `current`. Applies the rules
 * documented on createEvent: effective_since in the past is clamped to now, not more than 12
 * months ahead (the spec's own error example), members exist, one RRULE.
 */
export function parseEvent(ctx: SandboxContext, b: Obj, current: V3EventRec | undefined, id: string): V3EventRec {
  const now = ctx.now()
  const name = has(b, 'name') ? b.name : current?.name
  if (typeof name !== 'string' || name.trim() === '') throw v3Invalid('event.name', "can't be blank")
  const start_time = has(b, 'start_time') ? zoned(b.start_time, 'event.start_time') : current?.start_time
  const end_time = has(b, 'end_time') ? zoned(b.end_time, 'event.end_time') : current?.end_time
  if (start_time === undefined) throw v3Invalid('event.start_time', 'is required')
  if (end_time === undefined) throw v3Invalid('event.end_time', 'is required')
  if (Date.parse(end_time.date_time) <= Date.parse(start_time.date_time)) throw v3Invalid('event.end_time', 'must be after start_time')
  let since = has(b, 'effective_since') ? instant(b.effective_since, 'event.effective_since') : current?.effective_since
  if (since === undefined) throw v3Invalid('event.effective_since', 'is required')
  if (since > now + YEAR) throw v3Invalid('event.effective_since', 'Date cannot be more than 12 months in the future')
  since = Math.max(since, now)
  const rawUntil = has(b, 'effective_until') ? b.effective_until : (current?.effective_until ?? null)
  const until = rawUntil === null || rawUntil === undefined ? null : typeof rawUntil === 'number' ? rawUntil : instant(rawUntil, 'event.effective_until')
  if (until !== null && until <= since) throw v3Invalid('event.effective_until', 'must be after effective_since')
  const recurrence = has(b, 'recurrence') ? b.recurrence : current?.recurrence
  if (!Array.isArray(recurrence) || !recurrence.every((l) => typeof l === 'string')) throw v3Invalid('event.recurrence', 'must be an array of strings')
  const strategy = has(b, 'assignment_strategy') ? parseStrategy(ctx, b.assignment_strategy) : current?.strategy
  if (strategy === undefined) throw v3Invalid('event.assignment_strategy', 'is required')
  const event: V3EventRec = {id, name, start_time, end_time, effective_since: since, effective_until: until, recurrence: [...recurrence], strategy}
  try {
    new EventExpander(engineEvent(event))
  } catch (error) {
    if (error instanceof RecurrenceError) throw v3Invalid('event.recurrence', error.message)
    throw error
  }
  return event
}

function parseStrategy(ctx: SandboxContext, v: unknown): V3EventRec['strategy'] {
  if (!isObj(v)) throw v3Invalid('event.assignment_strategy', 'must be an object')
  if (!Array.isArray(v.members) || v.members.length < 1 || v.members.length > 20) throw v3Invalid('event.assignment_strategy.members', 'must have 1 to 20 members')
  const members = v.members.map((m, i) => member(ctx, m, `event.assignment_strategy.members[${i}]`))
  if (v.type === 'every_member_assignment_strategy') return {type: v.type, members}
  if (v.type !== 'rotating_member_assignment_strategy') throw v3Invalid('event.assignment_strategy.type', 'is not a known strategy')
  const spm = v.shifts_per_member
  if (typeof spm !== 'number' || !Number.isInteger(spm) || spm < 1) throw v3Invalid('event.assignment_strategy.shifts_per_member', 'is required for rotating_member_assignment_strategy and must be at least 1')
  return {type: v.type, shifts_per_member: spm, members}
}

/** The engine's view of a stored event. */
export function engineEvent(e: V3EventRec): EngineEvent {
  return {
    start: Date.parse(e.start_time.date_time),
    end: Date.parse(e.end_time.date_time),
    timeZone: e.start_time.time_zone,
    recurrence: e.recurrence,
    effectiveSince: e.effective_since,
    effectiveUntil: e.effective_until,
    strategy:
      e.strategy.type === 'every_member_assignment_strategy'
        ? {kind: 'every', members: e.strategy.members}
        : {kind: 'rotating', shiftsPerMember: e.strategy.shifts_per_member, members: e.strategy.members},
  }
}

/** Where the event is in its life (spec, updateEvent): past, active (producing shifts) or future. */
export function eventPhase(e: V3EventRec, now: number): 'past' | 'active' | 'future' {
  if (e.effective_until !== null && e.effective_until <= now) return 'past'
  return e.effective_since <= now ? 'active' : 'future'
}

/** "Events within a rotation cannot overlap" (createEvent): the engine's reading, shared with validate. */
export function overlapping(a: V3EventRec, b: V3EventRec): boolean {
  return eventsOverlap(engineEvent(a), engineEvent(b))
}
