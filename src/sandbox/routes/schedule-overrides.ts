import {has, isObj} from '../body.js'
import type {SandboxContext} from '../context.js'
import {invalidInput, notFound, PdError} from '../errors.js'
import {findById} from '../lookup.js'
import {boolParam} from '../query.js'
import type {Route} from '../router.js'
import type {OverrideRec, ScheduleRec} from '../state.js'
import {formatInZone, isValidZone, parseInstant} from '../time-format.js'
import {overrideWire} from '../wire/override.js'
import {userRef} from '../wire/user.js'

/**
 * Schedule overrides (notes §3.4, §5.3). An override puts one user on call in [start, end) above
 * every layer; where overrides overlap, the last created wins. Stored on the schedule in creation
 * order; rendering (render.ts, override-shifts.ts) lays them over the engine's final schedule.
 */

type Outcome = {ok: true; rec: OverrideRec; zone: string} | {ok: false; errors: string[]; echo: Record<string, unknown>}

function instant(raw: Record<string, unknown>, key: 'start' | 'end', zone: string, errors: string[]): number | undefined {
  try {
    return parseInstant(raw[key], zone, key)
  } catch (error) {
    if (!(error instanceof PdError)) throw error
    errors.push(...(error.errors.length > 0 ? error.errors : [error.message]))
    return undefined
  }
}

/** Checks one override of a POST; each one succeeds or fails on its own (spec response example). */
function checkOne(ctx: SandboxContext, schedule: ScheduleRec, raw: unknown): Outcome {
  if (!isObj(raw)) return {ok: false, errors: ['Override must be an object'], echo: {}}
  const errors: string[] = []
  let zone = schedule.time_zone
  if (has(raw, 'time_zone') && raw.time_zone !== null) {
    if (isValidZone(raw.time_zone)) zone = raw.time_zone
    else errors.push('Time zone is invalid')
  }
  const start = instant(raw, 'start', zone, errors)
  const end = instant(raw, 'end', zone, errors)
  const userId = isObj(raw.user) && typeof raw.user.id === 'string' ? raw.user.id : undefined
  const user = userId === undefined ? undefined : ctx.state.users.find((u) => u.id === userId)
  if (!user) errors.push(userId === undefined ? 'User must be a user reference' : `User ${userId} not found`)
  // The spec's own example of a rejected override carries exactly this text.
  if (start !== undefined && end !== undefined && end <= start) errors.push('Override must end after its start')
  if (errors.length > 0 || start === undefined || end === undefined || !user) {
    const echo: Record<string, unknown> = {
      start: start === undefined ? (raw.start ?? null) : formatInZone(start, zone),
      end: end === undefined ? (raw.end ?? null) : formatInZone(end, zone),
      user: user ? userRef(ctx, user.id) : (raw.user ?? null),
    }
    return {ok: false, errors, echo}
  }
  return {ok: true, rec: {id: '', start, end, user: user.id}, zone}
}

function store(ctx: SandboxContext, schedule: ScheduleRec, rec: OverrideRec): OverrideRec {
  // Override IDs share the account's ID sequence; PD's look different (e.g. Q2MCMG5TVIV6LQ), but
  // clients treat them as opaque strings.
  const created = {...rec, id: ctx.newId()}
  schedule.overrides = [...(schedule.overrides ?? []), created]
  return created
}

function requiredInstant(query: URLSearchParams, key: 'since' | 'until', zone: string): number {
  const v = query.get(key)
  // Both are required by the spec (since_schedules / until_schedules).
  if (v === null || v === '') throw invalidInput(`${key} is required`)
  return parseInstant(v, zone, key)
}

export const overrideRoutes: Route[] = [
  {
    method: 'GET',
    template: '/schedules/{id}/overrides',
    // Overrides overlapping [since, until), cut at the bounds unless overflow=true. The spec
    // documents this response as 201 (quirk, notes §7.3); a read answers 200 like every other GET
    // (DevDocs 05-Endpoints: create → 201), so the sandbox answers 200.
    handler: (req, ctx) => {
      const s = findById(ctx.state.schedules, req.params.id ?? '')
      const since = requiredInstant(req.query, 'since', s.time_zone)
      const until = requiredInstant(req.query, 'until', s.time_zone)
      if (until < since) throw invalidInput('until must be after since')
      const overflow = boolParam(req.query, 'overflow')
      const now = ctx.now()
      const found = (s.overrides ?? []).filter((o) => o.start < until && o.end > since).sort((a, b) => a.start - b.start)
      // editable: "only editable overrides will be returned. The result will only include the id
      // of the override if this parameter is present. Only future overrides are editable." (spec
      // editable_schedules parameter): future overrides, as {id} only.
      if (boolParam(req.query, 'editable')) {
        return {status: 200, body: {overrides: found.filter((o) => o.start > now).map((o) => ({id: o.id}))}}
      }
      const shown = overflow ? found : found.map((o) => ({...o, start: Math.max(o.start, since), end: Math.min(o.end, until)}))
      return {status: 200, body: {overrides: shown.map((o) => overrideWire(ctx, o, s.time_zone))}}
    },
  },
  {
    method: 'POST',
    template: '/schedules/{id}/overrides',
    handler: (req, ctx) => {
      const s = findById(ctx.state.schedules, req.params.id ?? '')
      const body = isObj(req.body) ? req.body : {}
      if (has(body, 'overrides')) {
        if (!Array.isArray(body.overrides) || body.overrides.length === 0) throw invalidInput('overrides must be a non-empty array')
        // 201 with a bare array, one result per override in request order; they are created in
        // that order, so a later one in the same request wins over an earlier one it overlaps.
        const results = body.overrides.map((raw) => {
          const outcome = checkOne(ctx, s, raw)
          if (!outcome.ok) return {status: 400, errors: outcome.errors, override: outcome.echo}
          return {status: 201, override: overrideWire(ctx, store(ctx, s, outcome.rec), outcome.zone)}
        })
        return {status: 201, body: results}
      }
      if (isObj(body.override)) {
        // The deprecated single form: {"override": {...}} answered with {"override": {...}} (the
        // older API; heimweh/go-pagerduty CreateOverride, which terraform uses, sends and reads
        // this shape). A rejected override is a plain 400.
        const outcome = checkOne(ctx, s, body.override)
        if (!outcome.ok) throw invalidInput(...outcome.errors)
        return {status: 201, body: {override: overrideWire(ctx, store(ctx, s, outcome.rec), outcome.zone)}}
      }
      throw invalidInput('overrides must be a non-empty array')
    },
  },
  {
    method: 'DELETE',
    template: '/schedules/{id}/overrides/{override_id}',
    // "You cannot remove a past override. If the override start time is before the current time,
    // but the end time is after the current time, the override will be truncated to the current
    // time ... the status code will be 200 OK, as opposed to a 204 No Content" (spec). The spec
    // gives the 200 no body, so none is sent.
    handler: (req, ctx) => {
      const s = findById(ctx.state.schedules, req.params.id ?? '')
      const o = (s.overrides ?? []).find((x) => x.id === req.params.override_id)
      if (!o) throw notFound()
      const now = ctx.now()
      if (o.end <= now) throw invalidInput('Cannot remove a past override')
      if (o.start < now) {
        o.end = now
        return {status: 200}
      }
      s.overrides = (s.overrides ?? []).filter((x) => x.id !== o.id)
      return {status: 204}
    },
  },
]
