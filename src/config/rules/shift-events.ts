import {normalizeRotations} from '../shift-based.js'
import {canonicalZone} from '../time-zone.js'
import {toLocalDateTime} from '../local-time.js'
import type {ShiftEvent} from '../../model/schedule.js'
import {EventExpander, eventsOverlap} from '../../schedule/v3/event-shifts.js'
import {RecurrenceError} from '../../schedule/v3/recurrence.js'
import {engineEventOf} from '../../schedule/v3/shift-based-shifts.js'
import type {Rule} from './context.js'
import {ROTATION_SEPARATOR} from '../../model/rotation-name.js'

/** PagerDuty's limit of events per rotation (createEvent). */
export const MAX_EVENTS_PER_ROTATION = 5

/**
 * PagerDuty's constraints on shift-based schedules, each reported where it is written: at most 5
 * events per rotation whose shifts never overlap, a valid recurrence, end after start, effective
 * range in order, shifts_per_member not with everyone, unique rotation names (they identify a
 * rotation across edits). A weekly repeat whose shifts_per_member is not a multiple of its days
 * works but cannot be opened in PagerDuty's editor (spec, EventAssignmentStrategy): a warning.
 */
export const shiftEvents: Rule = (ctx) => {
  for (const [key, s] of ctx.config.schedules) {
    if (s.rotations === undefined || s.layers !== undefined) continue
    const scheduleZone = canonicalZone(s.time_zone)
    if (scheduleZone === undefined) continue // time-zones-valid reports it
    const names = new Set<string>()
    s.rotations.forEach((r, i) => {
      const at = (...rest: (string | number)[]) => ['schedules', key, 'rotations', i, ...rest]
      const name = r.name ?? `Rotation ${i + 1}`
      if (names.has(name)) ctx.report({code: 'duplicate-rotation', message: `rotation name \`${name}\` is used twice in schedule \`${key}\``, path: at('name'), hint: 'name each rotation: the name identifies it across edits'})
      names.add(name)
      // PagerDuty rotations have no name: it travels as `<rotation> · <event>` in event names
      // (model/rotation-name.ts), so the separator would make it ambiguous.
      if (name.includes(ROTATION_SEPARATOR)) {
        ctx.report({code: 'rotation-name-separator', message: `rotation name \`${name}\` contains " · ", which oncall uses to carry the rotation's name in PagerDuty's event names`, path: at('name'), hint: 'use another separator, e.g. " - "'})
      }
      if (r.events.length > MAX_EVENTS_PER_ROTATION) {
        ctx.report({code: 'too-many-events', message: `a rotation has at most ${MAX_EVENTS_PER_ROTATION} events in PagerDuty (this one has ${r.events.length})`, path: at('events', MAX_EVENTS_PER_ROTATION), hint: 'split the events over several rotations'})
      }
      const good: {index: number; event: ShiftEvent}[] = []
      r.events.forEach((e, j) => {
        const ev = (...rest: (string | number)[]) => at('events', j, ...rest)
        if (e.time_zone !== undefined && canonicalZone(e.time_zone) === undefined) {
          ctx.report({code: 'unknown-time-zone', message: `unknown time zone \`${e.time_zone}\``, path: ev('time_zone')})
          return
        }
        if (e.everyone === true && e.shifts_per_member !== undefined) {
          ctx.report({code: 'everyone-and-shifts', message: 'shifts_per_member has no meaning when everyone is on call at once', path: ev('shifts_per_member'), atKey: true})
        }
        for (const field of ['start', 'end', 'effective_from', 'effective_until'] as const) {
          const v = e[field]
          if (v !== undefined && toLocalDateTime(v) === undefined) ctx.report({code: 'no-such-date', message: `${field} \`${v}\` is not a calendar date`, path: ev(field)})
        }
        let event: ShiftEvent
        try {
          event = (normalizeRotations([{events: [e]}], scheduleZone, (m) => m.toLowerCase(), (z) => canonicalZone(z) ?? z)[0]?.events[0]) as ShiftEvent
          const engine = engineEventOf(event)
          if (engine.end <= engine.start) {
            ctx.report({code: 'event-end-before-start', message: 'end must be after start', path: ev('end')})
            return
          }
          if (engine.effectiveUntil !== null && engine.effectiveUntil <= engine.effectiveSince) {
            ctx.report({code: 'effective-range', message: 'effective_until must be after effective_from (or start)', path: ev('effective_until')})
            return
          }
          new EventExpander(engine)
        } catch (error) {
          if (error instanceof RecurrenceError) {
            ctx.report({code: 'bad-repeat', message: `repeat: ${error.message}`, path: ev('repeat')})
            return
          }
          return // unparseable dates: reported above
        }
        const weekly = /^RRULE:FREQ=WEEKLY(;|$)/.exec(event.recurrence[0] ?? '') && /BYDAY=([^;]*)/.exec(event.recurrence[0] ?? '')
        const days = weekly ? (weekly[1] ?? '').split(',').length : 0
        if (days > 1 && event.assignment.kind === 'rotating' && event.assignment.shiftsPerMember % days !== 0) {
          ctx.report({
            severity: 'warning',
            code: 'editor-cannot-load',
            message: `shifts_per_member ${event.assignment.shiftsPerMember} is not a multiple of the ${days} weekdays: PagerDuty runs it, but its schedule editor cannot open this event`,
            path: ev(e.shifts_per_member === undefined ? 'members' : 'shifts_per_member'),
          })
        }
        for (const other of good) {
          if (eventsOverlap(engineEventOf(other.event), engineEventOf(event))) {
            ctx.report({code: 'overlapping-events', message: `shifts of this event overlap those of \`${other.event.name}\` (events of a rotation must not overlap)`, path: ev('start'), hint: 'move one of them to another rotation'})
            return
          }
        }
        good.push({index: j, event})
      })
    })
  }
}
