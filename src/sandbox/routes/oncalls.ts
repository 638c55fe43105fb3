import type {Shift} from '../../schedule/shift.js'
import {invalidInput} from '../errors.js'
import {byName} from '../lookup.js'
import {listBody} from '../pagination.js'
import {includes, listParam} from '../query.js'
import {renderSchedule} from '../render.js'
import type {Route} from '../router.js'
import {isValidZone, formatInZone, parseInstant} from '../time-format.js'
import {policyRef, policyWire} from '../wire/policy.js'
import {scheduleRef} from '../wire/schedule.js'
import {userRef, userWire} from '../wire/user.js'
import {computeFinalSchedule} from '../v3/final-schedule.js'
import {v3ScheduleReference} from '../v3/wire.js'

const DAY = 86_400_000
/** Rendered margin around the query window so that a shift's full extent (start/end) is known. */
const MARGIN = 35 * DAY

export const oncallRoutes: Route[] = [
  {
    method: 'GET',
    template: '/oncalls',
    // One entry per (policy, level, target, shift) overlapping [since, until] (both default to now;
    // "limited to 90 days in the future"). Schedule targets are resolved with the schedule engine;
    // user targets are on call permanently (start/end null, schedule null).
    handler: (req, ctx) => {
      const zone = req.query.get('time_zone') ?? 'Etc/UTC'
      if (!isValidZone(zone)) throw invalidInput('time_zone is invalid')
      const now = ctx.now()
      const sinceParam = req.query.get('since')
      const untilParam = req.query.get('until')
      const since = sinceParam ? parseInstant(sinceParam, zone, 'since') : now
      const until = untilParam ? parseInstant(untilParam, zone, 'until') : since
      if (until < since) throw invalidInput('until must not be before since')
      if (until - since > 90 * DAY) throw invalidInput('The range between since and until must be at most 90 days')
      const policyIds = listParam(req.query, 'escalation_policy_ids')
      const userIds = listParam(req.query, 'user_ids')
      const scheduleIds = listParam(req.query, 'schedule_ids')
      const fullUsers = includes(req.query, 'users')
      const fullPolicies = includes(req.query, 'escalation_policies')
      const shiftsBySchedule = new Map<string, Shift[]>()
      const shiftsOf = (scheduleId: string): Shift[] => {
        let shifts = shiftsBySchedule.get(scheduleId)
        if (!shifts) {
          const v3 = ctx.state.v3_schedules?.find((x) => x.id === scheduleId)
          if (v3 !== undefined) {
            // A shift-based schedule: its final schedule (rotations are concurrent, so shifts may overlap).
            const {assignments} = computeFinalSchedule(v3, {start: since - MARGIN, end: until + MARGIN + 1}, true)
            shifts = assignments.map((a) => ({user: a.member, start: a.start, end: a.end, layer: -1}))
            shiftsBySchedule.set(scheduleId, shifts)
            return shifts
          }
          const s = ctx.state.schedules.find((x) => x.id === scheduleId)
          // A turn (up to a year) or an override may outlast the margin: widen it so that start/end stay true.
          const longest = s ? Math.max(0, ...s.layers.map((l) => l.rotation_turn_length_seconds * 1000), ...(s.overrides ?? []).map((o) => o.end - o.start)) : 0
          const margin = Math.max(MARGIN, longest + DAY)
          shifts = s ? renderSchedule(s, {start: since - margin, end: until + margin + 1}).final : []
          shiftsBySchedule.set(scheduleId, shifts)
        }
        return shifts
      }
      const user = (id: string) => {
        const u = ctx.state.users.find((x) => x.id === id)
        return fullUsers && u ? userWire(ctx, u) : userRef(ctx, id)
      }
      const v3Ref = (id: string) => {
        const v3 = ctx.state.v3_schedules?.find((x) => x.id === id)
        return v3 ? v3ScheduleReference(ctx, v3) : {id, type: 'schedule_v3_reference'}
      }
      const entries: Record<string, unknown>[] = []
      for (const p of byName(ctx.state.escalation_policies)) {
        if (policyIds.length > 0 && !policyIds.includes(p.id)) continue
        const policy = fullPolicies ? policyWire(ctx, p) : policyRef(ctx, p.id)
        p.rules.forEach((rule, index) => {
          for (const t of rule.targets) {
            if (t.kind === 'user') {
              if (scheduleIds.length > 0 || (userIds.length > 0 && !userIds.includes(t.id))) continue
              entries.push({escalation_policy: policy, escalation_level: index + 1, schedule: null, user: user(t.id), start: null, end: null})
              continue
            }
            if (scheduleIds.length > 0 && !scheduleIds.includes(t.id)) continue
            for (const s of shiftsOf(t.id)) {
              // Half-open shifts; a zero-length query window is the instant `since`.
              if (!(s.start <= until && s.end > since && (s.start < until || since === until))) continue
              if (userIds.length > 0 && !userIds.includes(s.user)) continue
              entries.push({
                escalation_policy: policy,
                escalation_level: index + 1,
                schedule: t.kind === 'schedule_v3' ? v3Ref(t.id) : scheduleRef(ctx, t.id),
                user: user(s.user),
                start: formatInZone(s.start, zone),
                end: formatInZone(s.end, zone),
              })
            }
          }
        })
      }
      return {status: 200, body: listBody('oncalls', req.query, entries)}
    },
  },
]
