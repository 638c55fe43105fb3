/**
 * The canonical model → the config language as a person would write it (the inverse of
 * src/config/normalize.ts): durations and handoffs in human form, users by email, layers in
 * written order, defaults left out where the language has an obvious one. Pure.
 *
 * The goal is that normalize(written) equals the model object; the importer checks that per
 * object (check-expressible.ts) and leaves out, with a warning, anything that does not survive.
 */
import {formatDuration} from '../config/duration.js'
import {DEFAULTS} from '../config/normalize.js'
import {firstHandoffAtOrAfter} from '../config/local-time.js'
import {DAY_SECONDS, WEEK_SECONDS} from '../config/layer-timing.js'
import type {
  WrittenAlertGrouping,
  WrittenEscalationPolicy,
  WrittenLayer,
  WrittenRestriction,
  WrittenSchedule,
  WrittenService,
  WrittenTeam,
} from '../config/written.js'
import type {EscalationPolicy} from '../model/escalation-policy.js'
import type {Restriction, Schedule, ScheduleLayer} from '../model/schedule.js'
import type {AlertGrouping, Service, UrgencyRule} from '../model/service.js'
import type {Team} from '../model/team.js'
import {WEEKDAY_NAMES, type Weekday} from '../model/time.js'
import {writtenRotations} from './rotations-to-written.js'

const DAY_MINUTES = 1440
const WEEK_MINUTES = 10_080

export function writtenTeam(team: Team): WrittenTeam {
  return {
    name: team.name,
    ...(team.description === '' ? {} : {description: team.description}),
    members: team.members.map((m) => (m.role === DEFAULTS.teamRole ? {user: m.email} : {user: m.email, role: m.role})),
  }
}

export function writtenSchedule(schedule: Schedule): WrittenSchedule {
  return {
    name: schedule.name,
    ...(schedule.description === '' ? {} : {description: schedule.description}),
    time_zone: schedule.timeZone,
    ...(schedule.teams.length === 0 ? {} : {teams: [...schedule.teams]}),
    ...(schedule.rotations === undefined ? {layers: schedule.layers.map(writtenLayer)} : {rotations: writtenRotations(schedule.rotations, schedule.timeZone)}),
  }
}

/**
 * `handoff` + `start` when the rotation anchor is exactly the first handoff at or after the start
 * (how a person sets up a daily/weekly rotation); otherwise `rotation_start` (+ `start` when it
 * differs), which states the anchor as it is, e.g. one made in the UI at an arbitrary minute.
 */
export function writtenLayer(layer: ScheduleLayer): WrittenLayer {
  const turn = layer.turnSeconds === DAY_SECONDS ? 'daily' : layer.turnSeconds === WEEK_SECONDS ? 'weekly' : formatDuration(layer.turnSeconds)
  const out: WrittenLayer = {name: layer.name, users: [...layer.users], turn}
  const handoff = handoffOf(layer, turn)
  if (handoff !== undefined) {
    out.handoff = handoff
    out.start = formatLocal(layer.start)
  } else {
    out.rotation_start = layer.rotationStart
    if (layer.start !== layer.rotationStart) out.start = formatLocal(layer.start)
  }
  if (layer.end !== null) out.end = formatLocal(layer.end)
  // The account's order, not a tidier one: the plan's rollout check (plan/rollout.ts sameRotation)
  // compares restrictions in order, so a re-ordered list would look like a rotation change.
  if (layer.restrictions.length > 0) out.restrictions = layer.restrictions.map(writtenRestriction)
  return out
}

function handoffOf(layer: ScheduleLayer, turn: string): string | undefined {
  if (turn !== 'daily' && turn !== 'weekly') return undefined
  const time = layer.rotationStart.slice(11)
  if (turn === 'daily') return firstHandoffAtOrAfter(layer.start, time) === layer.rotationStart ? time : undefined
  const day = weekdayOf(layer.rotationStart)
  const text = `${WEEKDAY_NAMES[day - 1]} ${time}`
  return firstHandoffAtOrAfter(layer.start, time, day) === layer.rotationStart ? text : undefined
}

/** ISO weekday of a local date-time (the date alone decides it; no zone involved). */
function weekdayOf(local: string): Weekday {
  const [y, m, d] = local.slice(0, 10).split('-').map(Number) as [number, number, number]
  const sundayZero = new Date(Date.UTC(y, m - 1, d)).getUTCDay()
  return (sundayZero === 0 ? 7 : sundayZero) as Weekday
}

/** `2026-01-05T00:00` → `2026-01-05` (a date means local midnight in the language). */
function formatLocal(local: string): string {
  return local.endsWith('T00:00') ? local.slice(0, 10) : local
}

export function writtenRestriction(r: Restriction): WrittenRestriction {
  const from = minuteOf(r.start)
  if (r.kind === 'daily') return {daily: {from: r.start, to: hhmm((from + r.durationMinutes) % DAY_MINUTES)}}
  const startOfWeek = (r.startDay - 1) * DAY_MINUTES + from
  const end = (startOfWeek + r.durationMinutes) % WEEK_MINUTES
  return {weekly: {from: `${WEEKDAY_NAMES[r.startDay - 1]} ${r.start}`, to: `${WEEKDAY_NAMES[Math.floor(end / DAY_MINUTES)]} ${hhmm(end % DAY_MINUTES)}`}}
}

function minuteOf(time: string): number {
  const [h, m] = time.split(':').map(Number) as [number, number]
  return h * 60 + m
}

function hhmm(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`
}

export function writtenEscalationPolicy(policy: EscalationPolicy): WrittenEscalationPolicy {
  return {
    name: policy.name,
    ...(policy.description === '' ? {} : {description: policy.description}),
    ...(policy.team === null ? {} : {team: policy.team}),
    ...(policy.repeat === DEFAULTS.repeat ? {} : {repeat: policy.repeat}),
    ...(policy.handoffNotifications === DEFAULTS.handoffNotifications ? {} : {handoff_notifications: policy.handoffNotifications}),
    rules: policy.rules.map((rule) => ({
      delay: formatDuration(rule.delayMinutes * 60),
      ...(rule.assignment === undefined ? {} : {assignment: rule.assignment}),
      targets: rule.targets.map((t) => (t.type === 'schedule' ? {schedule: t.key} : {user: t.email})),
    })),
  }
}

/** `team` is written when the policy has one: the language requires them to agree, and it helps reading. */
export function writtenService(service: Service, policyTeam: string | null): WrittenService {
  const grouping = writtenAlertGrouping(service.alertGrouping)
  return {
    name: service.name,
    ...(service.description === '' ? {} : {description: service.description}),
    escalation_policy: service.escalationPolicy,
    ...(policyTeam === null ? {} : {team: policyTeam}),
    acknowledgement_timeout: timeout(service.acknowledgementTimeoutSeconds),
    auto_resolve_timeout: timeout(service.autoResolveTimeoutSeconds),
    urgency: writtenUrgency(service.urgency),
    ...(grouping === null ? {} : {alert_grouping: grouping}),
    ...(service.autoPauseSeconds === null ? {} : {auto_pause_notifications: writtenAutoPause(service.autoPauseSeconds)}),
  }
}

function writtenAutoPause(seconds: number): NonNullable<WrittenService['auto_pause_notifications']> {
  return seconds === 0 ? 'recommended' : (formatDuration(seconds) as NonNullable<WrittenService['auto_pause_notifications']>)
}

function timeout(seconds: number | null): string {
  return seconds === null ? 'disabled' : formatDuration(seconds)
}

function writtenUrgency(rule: UrgencyRule): WrittenService['urgency'] {
  if (rule.kind === 'constant') return rule.urgency
  const hours = rule.supportHours
  return {
    support_hours: {time_zone: hours.timeZone, days: hours.days.map((d) => WEEKDAY_NAMES[d - 1] as string), from: hours.start, to: hours.end},
    during: rule.during,
    outside: rule.outside,
    ...(rule.scheduledActions.length === 0 ? {} : {scheduled_actions: rule.scheduledActions.map((a) => ({at: a.at, to: a.to}))}),
  }
}

function writtenAlertGrouping(g: AlertGrouping | null): WrittenAlertGrouping {
  if (g === null) return null
  switch (g.type) {
    case 'time':
      return g.timeoutMinutes === 0 ? {type: 'time'} : {type: 'time', timeout: formatDuration(g.timeoutMinutes * 60)}
    case 'intelligent':
      return {type: 'intelligent', window: formatDuration(g.windowMinutes * 60)}
    case 'content_based':
      return {type: 'content_based', aggregate: g.aggregate, fields: [...g.fields], window: formatDuration(g.windowMinutes * 60)}
  }
}
