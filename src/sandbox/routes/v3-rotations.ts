import {isObj, unwrap} from '../body.js'
import type {Route} from '../router.js'
import {eventOf, longId, rotationOf, scheduleOf} from '../v3/access.js'
import {v3Invalid} from '../v3/errors.js'
import {v3List} from '../v3/list.js'
import {eventPhase, overlapping, parseEvent} from '../v3/parse.js'
import type {V3EventRec, V3RotationRec} from '../v3/records.js'
import {byStart, eventWire, rotationWire} from '../v3/wire.js'

const MAX_EVENTS = 5
const SMALL = {limit: 25, max: 100}

/** Events that still count against a rotation's limit and overlap rule: not yet ended. */
function current(r: V3RotationRec, now: number, except?: string): V3EventRec[] {
  return r.events.filter((e) => e.id !== except && eventPhase(e, now) !== 'past')
}

function checkFits(r: V3RotationRec, e: V3EventRec, now: number): void {
  const others = current(r, now, e.id)
  if (others.length >= MAX_EVENTS) throw v3Invalid('rotation.events', `A rotation can have at most ${MAX_EVENTS} events`)
  const clash = others.find((o) => overlapping(o, e))
  if (clash) throw v3Invalid('event', `Events within a rotation cannot overlap (overlaps event ${clash.id})`)
}

/** Ends an event at `now` if it is producing shifts, drops it if it has not started (rotation/event delete). */
function retire(events: V3EventRec[], now: number): V3EventRec[] {
  return events.flatMap((e) => {
    const phase = eventPhase(e, now)
    if (phase === 'future') return []
    if (phase === 'active') return [{...e, effective_until: now}]
    return [e]
  })
}

export const v3RotationRoutes: Route[] = [
  {
    method: 'GET',
    template: '/v3/schedules/{id}/rotations',
    handler: (req, ctx) => {
      const s = scheduleOf(ctx, req)
      const live = s.rotations.filter((r) => r.deleted_at === undefined)
      return {status: 200, body: v3List('rotations', req.query, live, SMALL, (r) => rotationWire(ctx, s, r))}
    },
  },
  {
    method: 'POST',
    template: '/v3/schedules/{id}/rotations',
    // "The request body must be empty or {}": rotations carry no configuration.
    handler: (req, ctx) => {
      const s = scheduleOf(ctx, req)
      if (req.body !== null && !(isObj(req.body) && Object.keys(req.body).length === 0)) throw v3Invalid('rotation', 'The request body must be empty or {}')
      const r: V3RotationRec = {id: longId(ctx), events: []}
      s.rotations.push(r)
      return {status: 201, body: {rotation: rotationWire(ctx, s, r)}}
    },
  },
  {
    method: 'GET',
    template: '/v3/schedules/{id}/rotations/{rotation_id}',
    // since/until narrow the events to those effective in the range.
    handler: (req, ctx) => {
      const s = scheduleOf(ctx, req)
      const r = rotationOf(s, req)
      const since = req.query.get('since')
      const until = req.query.get('until')
      const from = since ? Date.parse(since) : Number.NEGATIVE_INFINITY
      const to = until ? Date.parse(until) : Number.POSITIVE_INFINITY
      if (Number.isNaN(from) || Number.isNaN(to)) throw v3Invalid('since', 'since and until must be date-times')
      const events = r.events.filter((e) => e.effective_since < to && (e.effective_until ?? Number.POSITIVE_INFINITY) > from)
      return {status: 200, body: {rotation: rotationWire(ctx, s, r, events)}}
    },
  },
  {
    method: 'DELETE',
    template: '/v3/schedules/{id}/rotations/{rotation_id}',
    // Past events stay (history), the active one is cut at the deletion time, future ones go.
    handler: (req, ctx) => {
      const s = scheduleOf(ctx, req)
      const r = rotationOf(s, req)
      r.events = retire(r.events, ctx.now())
      r.deleted_at = ctx.now()
      return {status: 204}
    },
  },
  {
    method: 'GET',
    template: '/v3/schedules/{id}/rotations/{rotation_id}/events',
    handler: (req, ctx) => {
      const s = scheduleOf(ctx, req)
      const r = rotationOf(s, req)
      return {status: 200, body: v3List('events', req.query, [...r.events].sort(byStart), SMALL, (e) => eventWire(ctx, s, r, e))}
    },
  },
  {
    method: 'POST',
    template: '/v3/schedules/{id}/rotations/{rotation_id}/events',
    handler: (req, ctx) => {
      const s = scheduleOf(ctx, req)
      const r = rotationOf(s, req)
      const e = parseEvent(ctx, unwrap(req.body, 'event'), undefined, longId(ctx))
      checkFits(r, e, ctx.now())
      r.events.push(e)
      return {status: 201, body: {event: eventWire(ctx, s, r, e)}}
    },
  },
  {
    method: 'GET',
    template: '/v3/schedules/{id}/rotations/{rotation_id}/events/{event_id}',
    handler: (req, ctx) => {
      const {s, r, e} = eventOf(ctx, req)
      return {status: 200, body: {event: eventWire(ctx, s, r, e)}}
    },
  },
  {
    method: 'PUT',
    template: '/v3/schedules/{id}/rotations/{rotation_id}/events/{event_id}',
    // Past events: nothing; active events: only effective_until; future events: everything.
    handler: (req, ctx) => {
      const {s, r, e} = eventOf(ctx, req)
      const b = unwrap(req.body, 'event')
      const now = ctx.now()
      const phase = eventPhase(e, now)
      if (phase === 'past') throw v3Invalid('event', 'Past events cannot be modified')
      let next: V3EventRec
      if (phase === 'active') {
        const other = Object.keys(b).filter((k) => k !== 'effective_until')
        if (other.length > 0) throw v3Invalid(`event.${other[0]}`, 'Only effective_until can be changed on an active event')
        const raw = b.effective_until
        let until: number | null = null
        if (raw !== null && raw !== undefined) {
          until = typeof raw === 'string' ? Date.parse(raw) : Number.NaN
          if (Number.isNaN(until)) throw v3Invalid('event.effective_until', 'must be an ISO 8601 date-time')
          // Like effective_since, a time in the past is clamped to now (the event ends now).
          until = Math.max(until, now)
        }
        next = {...e, effective_until: until}
      } else {
        next = parseEvent(ctx, b, e, e.id)
      }
      checkFits(r, next, now)
      Object.assign(e, next)
      return {status: 200, body: {event: eventWire(ctx, s, r, e)}}
    },
  },
  {
    method: 'DELETE',
    template: '/v3/schedules/{id}/rotations/{rotation_id}/events/{event_id}',
    // As for a rotation: an active event ends now (its past shifts stay), a future one goes.
    handler: (req, ctx) => {
      const {s, r, e} = eventOf(ctx, req)
      const now = ctx.now()
      if (eventPhase(e, now) === 'past') throw v3Invalid('event', 'Past events cannot be modified')
      r.events = [...r.events.filter((x) => x.id !== e.id), ...retire([e], now)]
      return {status: 204}
    },
  },
]
