import type {DesiredState} from '../model/state.js'
import type {EscalationPolicy, EscalationTarget} from '../model/escalation-policy.js'
import type {Restriction, Rollout, Schedule, ScheduleLayer} from '../model/schedule.js'
import type {AlertGrouping, Service, UrgencyRule} from '../model/service.js'
import type {Override, TimeOff} from '../model/override.js'
import type {Team} from '../model/team.js'
import {overrideInstant} from '../schedule/override-time.js'
import type {Weekday} from '../model/time.js'
import type {User} from '../model/user.js'
import {parseDuration} from './duration.js'
import {analyzeLayerTiming} from './layer-timing.js'
import {midnightAfter, minuteOfDay, parseWeeklyTime, toLocalDateTime, weekdayNumber} from './local-time.js'
import type {MergedConfig} from './merge.js'
import {normalizeRotations, rolloutOf} from './shift-based.js'
import {canonicalZone} from './time-zone.js'
import type {WrittenAlertGrouping, WrittenLayer, WrittenRestriction, WrittenRollout, WrittenService, WrittenTimeOff} from './written.js'

/** Defaults of the language (docs/language.md); written here once. */
export const DEFAULTS = {
  teamRole: 'responder',
  acknowledgementTimeoutSeconds: 1800,
  autoResolveTimeoutSeconds: 14_400,
  urgency: 'high',
  supportHoursDuring: 'high',
  supportHoursOutside: 'low',
  repeat: 0,
  handoffNotifications: 'if_has_services',
  groupingWindowMinutes: 5,
} as const

/** Raised when the config has a problem the rules report; the loader then has no state. */
export class NotNormalizable extends Error {}

/**
 * Written (merged) config → canonical model: defaults filled in, durations in seconds or
 * minutes, emails lower-cased, zones canonical, layer timing resolved, lists sorted where
 * their order carries no meaning. Throws NotNormalizable on input the rules reject.
 */
export function normalize(config: MergedConfig): DesiredState {
  const referenced = new Set<string>()
  const users = new Map<string, User>()
  for (const u of [...config.users].sort((a, b) => cmp(a.email.toLowerCase(), b.email.toLowerCase()))) {
    const email = u.email.toLowerCase()
    users.set(email, {email, name: u.name, timeZone: u.time_zone === undefined ? null : zone(u.time_zone), role: u.role ?? null})
  }
  const refer = (email: string) => {
    const lower = email.toLowerCase()
    referenced.add(lower)
    return lower
  }

  const teams = new Map<string, Team>()
  for (const [key, t] of config.teams) {
    const members = (t.members ?? [])
      .map((m) => ({email: refer(m.user), role: m.role ?? DEFAULTS.teamRole}))
      .sort((a, b) => cmp(a.email, b.email))
    teams.set(key, {key, name: t.name ?? key, description: t.description ?? '', members})
  }

  const schedules = new Map<string, Schedule>()
  for (const [key, s] of config.schedules) {
    const layers = (s.layers ?? []).map((l, i) => layer(l, i, refer, l.rollout ?? s.rollout))
    const timeZone = zone(s.time_zone)
    // A shift-based schedule carries rotations (and no layers); layer-based ones have no such key.
    const rotations = s.rotations === undefined ? {} : {rotations: normalizeRotations(s.rotations, timeZone, refer, zone, s.rollout)}
    schedules.set(key, {key, name: s.name ?? key, description: s.description ?? '', timeZone, teams: [...(s.teams ?? [])].sort(cmp), layers, ...rotations})
  }

  const escalationPolicies = new Map<string, EscalationPolicy>()
  for (const [key, p] of config.escalation_policies) {
    escalationPolicies.set(key, {
      key,
      name: p.name ?? key,
      description: p.description ?? '',
      team: p.team ?? null,
      repeat: p.repeat ?? DEFAULTS.repeat,
      handoffNotifications: p.handoff_notifications ?? DEFAULTS.handoffNotifications,
      rules: p.rules.map((r) => ({
        delayMinutes: parseDuration(r.delay) / 60,
        targets: r.targets.map((t): EscalationTarget => ('schedule' in t ? {type: 'schedule', key: t.schedule} : {type: 'user', email: refer(t.user)})),
        ...(r.assignment === 'round_robin' ? {assignment: 'round_robin' as const} : {}),
      })),
    })
  }

  const services = new Map<string, Service>()
  for (const [key, s] of config.services) services.set(key, service(key, s))

  const overrides = declaredOverrides(config, schedules, refer)
  const timeOff = (config.time_off ?? []).map((t) => timeOffEntry(t, users, refer))
  const exclusiveOverrides = new Set([...config.schedules].filter(([, s]) => s.overrides === 'exclusive').map(([key]) => key))

  for (const email of users.keys()) referenced.delete(email)
  return {
    owner: config.owner ?? '',
    users,
    teams,
    schedules,
    escalationPolicies,
    services,
    referencedUsers: new Set([...referenced].sort(cmp)),
    // Only when written, so configs without overrides keep their canonical form (and fingerprint).
    ...(overrides.length > 0 ? {overrides} : {}),
    ...(timeOff.length > 0 ? {timeOff} : {}),
    ...(exclusiveOverrides.size > 0 ? {exclusiveOverrides} : {}),
  }
}

/** `overrides:` as instants, sorted by schedule, start, end, user (the rules report unknown schedules and bad times). */
function declaredOverrides(config: MergedConfig, schedules: ReadonlyMap<string, Schedule>, refer: (email: string) => string): Override[] {
  const out: Override[] = []
  ;(config.overrides ?? []).forEach((o, index) => {
    const schedule = schedules.get(o.schedule)
    if (!schedule) throw new NotNormalizable(`override of unknown schedule ${o.schedule}`)
    const start = overrideInstant(o.start, schedule.timeZone)
    const end = overrideInstant(o.end, schedule.timeZone)
    if (start === undefined || end === undefined) throw new NotNormalizable(`override time ${o.start} / ${o.end}`)
    out.push({
      schedule: o.schedule,
      user: refer(o.user),
      start,
      end,
      note: o.note ?? null,
      origin: {kind: 'declared', index},
      ...(o.rotation === undefined ? {} : {rotation: o.rotation}),
      ...(o.replaces === undefined ? {} : {overridden: refer(o.replaces)}),
    })
  })
  return out.sort((a, b) => cmp(a.schedule, b.schedule) || a.start - b.start || a.end - b.end || cmp(a.user, b.user))
}

function timeOffEntry(t: WrittenTimeOff, users: ReadonlyMap<string, User>, refer: (email: string) => string): TimeOff {
  const from = toLocalDateTime(t.from)
  const to = t.to.includes('T') ? toLocalDateTime(t.to) : midnightAfter(t.to)
  if (from === undefined || to === undefined) throw new NotNormalizable(`time off ${t.from} .. ${t.to}`)
  const user = refer(t.user)
  const cover = t.cover === undefined || t.cover === 'next_in_rotation' ? null : refer(t.cover)
  const timeZone = t.time_zone !== undefined ? zone(t.time_zone) : (users.get(user)?.timeZone ?? null)
  return {user, from, to, timeZone, cover, note: t.note ?? null}
}

function layer(l: WrittenLayer, index: number, refer: (email: string) => string, written: WrittenRollout | undefined): ScheduleLayer {
  const {timing, problems} = analyzeLayerTiming(l)
  if (!timing) throw new NotNormalizable(problems[0]?.message ?? 'layer timing')
  return {
    name: l.name ?? `Layer ${index + 1}`,
    users: l.users.map(refer),
    ...timing,
    restrictions: (l.restrictions ?? []).flatMap(expandRestriction),
    // Only when written: the default (next_handoff) is applied by the plan, and configs without
    // the key keep the same canonical form (and fingerprint) as before the key existed.
    ...(written === undefined ? {} : {rollout: rollout(written)}),
  }
}

function rollout(r: WrittenRollout): Rollout {
  return rolloutOf(r)
}

export const DAY_MINUTES = 1440
export const WEEK_MINUTES = 10_080

/** Daily windows wrap at midnight, weekly ones at the end of Sunday; `to` is exclusive. */
export function restriction(r: WrittenRestriction): Restriction {
  if ('daily' in r) {
    const from = minuteOfDay(r.daily.from)
    return {kind: 'daily', start: r.daily.from, durationMinutes: (minuteOfDay(r.daily.to) - from + DAY_MINUTES) % DAY_MINUTES}
  }
  if ('weekdays' in r) {
    // Monday's window; expandRestriction copies it to the other weekdays.
    const from = minuteOfDay(r.weekdays.from)
    return {kind: 'weekly', startDay: 1, start: r.weekdays.from, durationMinutes: (minuteOfDay(r.weekdays.to) - from + DAY_MINUTES) % DAY_MINUTES}
  }
  const weekly = r.weekly
  const from = parseWeeklyTime(weekly.from)
  const to = parseWeeklyTime(weekly.to)
  if (!from || !to) throw new NotNormalizable('weekly restriction')
  const minuteOfWeek = (w: {day: Weekday; time: string}) => (w.day - 1) * DAY_MINUTES + minuteOfDay(w.time)
  return {
    kind: 'weekly',
    startDay: from.day,
    start: from.time,
    durationMinutes: (minuteOfWeek(to) - minuteOfWeek(from) + WEEK_MINUTES) % WEEK_MINUTES,
  }
}

/**
 * The model's windows for one written restriction: `weekdays: {from, to}` is five weekly windows,
 * Monday to Friday, each `from` to `to` (crossing midnight when to <= from), as PagerDuty stores it.
 */
export function expandRestriction(r: WrittenRestriction): Restriction[] {
  const window = restriction(r)
  if (!('weekdays' in r) || window.kind !== 'weekly') return [window]
  return ([1, 2, 3, 4, 5] as const).map((day) => ({...window, startDay: day}))
}

function service(key: string, s: WrittenService): Service {
  return {
    key,
    name: s.name ?? key,
    description: s.description ?? '',
    escalationPolicy: s.escalation_policy,
    acknowledgementTimeoutSeconds: timeout(s.acknowledgement_timeout, DEFAULTS.acknowledgementTimeoutSeconds),
    autoResolveTimeoutSeconds: timeout(s.auto_resolve_timeout, DEFAULTS.autoResolveTimeoutSeconds),
    urgency: urgency(s.urgency),
    alertGrouping: alertGrouping(s.alert_grouping),
    autoPauseSeconds: autoPause(s.auto_pause_notifications),
  }
}

/** null = off; 0 = PagerDuty's recommended timeout; else seconds. */
function autoPause(text: WrittenService['auto_pause_notifications']): number | null {
  if (text === undefined || text === 'disabled') return null
  return text === 'recommended' ? 0 : parseDuration(text)
}

function timeout(text: string | undefined, fallback: number): number | null {
  if (text === undefined) return fallback
  return text === 'disabled' ? null : parseDuration(text)
}

function urgency(u: WrittenService['urgency']): UrgencyRule {
  if (u === undefined) return {kind: 'constant', urgency: DEFAULTS.urgency}
  if (typeof u === 'string') return {kind: 'constant', urgency: u}
  const days = [...new Set(u.support_hours.days.map((d) => weekdayNumber(d)))]
    .filter((d): d is Weekday => d !== undefined)
    .sort((a, b) => a - b)
  return {
    kind: 'support_hours',
    supportHours: {timeZone: zone(u.support_hours.time_zone), days, start: u.support_hours.from, end: u.support_hours.to},
    during: u.during ?? DEFAULTS.supportHoursDuring,
    outside: u.outside ?? DEFAULTS.supportHoursOutside,
    scheduledActions: (u.scheduled_actions ?? []).map((a) => ({at: a.at, to: a.to})),
  }
}

function alertGrouping(g: WrittenAlertGrouping | undefined): AlertGrouping | null {
  if (g === undefined || g === null) return null
  const minutes = (text: string | undefined, fallback: number) => (text === undefined ? fallback : parseDuration(text) / 60)
  switch (g.type) {
    case 'time':
      return {type: 'time', timeoutMinutes: minutes(g.timeout, 0)}
    case 'intelligent':
      return {type: 'intelligent', windowMinutes: minutes(g.window, DEFAULTS.groupingWindowMinutes)}
    case 'content_based':
      return {type: 'content_based', aggregate: g.aggregate ?? 'all', fields: [...g.fields], windowMinutes: minutes(g.window, DEFAULTS.groupingWindowMinutes)}
  }
}

function zone(name: string): string {
  const canonical = canonicalZone(name)
  if (canonical === undefined) throw new NotNormalizable(`time zone ${name}`)
  return canonical
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
