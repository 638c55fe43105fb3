import {formatDuration} from '../config/duration.js'
import type {EscalationPolicy, EscalationTarget} from '../model/escalation-policy.js'
import type {ResourceType} from '../model/keys.js'
import type {Restriction, Schedule, ScheduleLayer, ShiftRotation} from '../model/schedule.js'
import type {AlertGrouping, Service, UrgencyRule} from '../model/service.js'
import type {Team} from '../model/team.js'
import {WEEKDAY_NAMES, type Weekday} from '../model/time.js'
import type {User} from '../model/user.js'
import type {Resource} from './change.js'
import {compareStrings} from './canonical-json.js'

/**
 * Every resource flattened into YAML-path → human value pairs (`layers[0].users`, `30m`,
 * `mon 10:00 Asia/Tokyo`). The diff compares these, so a field change is always shown in the
 * words a person wrote in the config. Lists whose order carries no meaning (team members,
 * schedule teams, restrictions, rule targets) are sorted here, so comparing them is
 * order-insensitive; layer users, layers and rules keep their order.
 */
export type HumanValue = string | number | readonly string[] | null

export interface HumanField {
  readonly path: string
  readonly value: HumanValue
}

export function humanFields(type: ResourceType, value: Resource): readonly HumanField[] {
  switch (type) {
    case 'user':
      return userFields(value as User)
    case 'team':
      return teamFields(value as Team)
    case 'schedule':
      return scheduleFields(value as Schedule)
    case 'escalation_policy':
      return policyFields(value as EscalationPolicy)
    case 'service':
      return serviceFields(value as Service)
  }
}

/** Free text (names, descriptions) is quoted when printed; everything else is a token. */
export function isFreeText(path: string): boolean {
  return /(^|\.)(name|description)$/.test(path)
}

function userFields(u: User): HumanField[] {
  return [
    {path: 'name', value: u.name},
    {path: 'time_zone', value: u.timeZone},
    {path: 'role', value: u.role},
  ]
}

function teamFields(t: Team): HumanField[] {
  return [
    {path: 'name', value: t.name},
    {path: 'description', value: t.description},
    {path: 'members', value: sorted(t.members.map((m) => `${m.email} (${m.role})`))},
  ]
}

function scheduleFields(s: Schedule): HumanField[] {
  const fields: HumanField[] = [
    {path: 'name', value: s.name},
    {path: 'description', value: s.description},
    {path: 'time_zone', value: s.timeZone},
    {path: 'teams', value: sorted(s.teams)},
  ]
  s.layers.forEach((layer, i) => fields.push(...layerFields(layer, `layers[${i}]`, s.timeZone)))
  s.rotations?.forEach((rotation, i) => fields.push(...rotationFields(rotation, `rotations[${i}]`)))
  return fields
}

/** A shift-based schedule's rotation, in the words of the config (docs/shift-based-schedules.md). */
function rotationFields(r: ShiftRotation, at: string): HumanField[] {
  const fields: HumanField[] = [{path: `${at}.name`, value: r.name}]
  r.events.forEach((e, j) => {
    const ev = `${at}.events[${j}]`
    fields.push(
      {path: `${ev}.name`, value: e.name},
      {path: `${ev}.time_zone`, value: e.timeZone},
      {path: `${ev}.start`, value: e.start},
      {path: `${ev}.end`, value: e.end},
      {path: `${ev}.repeat`, value: e.recurrence.map((line) => line.replace(/^RRULE:/, '')).join('\n')},
      {path: `${ev}.members`, value: [...e.members]},
      {path: `${ev}.shifts_per_member`, value: e.assignment.kind === 'rotating' ? e.assignment.shiftsPerMember : null},
      {path: `${ev}.everyone`, value: e.assignment.kind === 'every' ? 'true' : null},
      {path: `${ev}.effective_from`, value: e.effectiveFrom},
      {path: `${ev}.effective_until`, value: e.effectiveUntil},
    )
  })
  return fields
}

function layerFields(l: ScheduleLayer, at: string, timeZone: string): HumanField[] {
  const fields: HumanField[] = [
    {path: `${at}.name`, value: l.name},
    {path: `${at}.users`, value: [...l.users]},
    {path: `${at}.turn`, value: formatTurn(l.turnSeconds)},
  ]
  const handoff = formatHandoff(l, timeZone)
  if (handoff !== null) fields.push({path: `${at}.handoff`, value: handoff})
  fields.push(
    {path: `${at}.rotation_start`, value: l.rotationStart},
    {path: `${at}.start`, value: l.start},
    {path: `${at}.end`, value: l.end},
    {path: `${at}.restrictions`, value: [...l.restrictions].sort(byWeekPosition).map(formatRestriction)},
  )
  return fields
}

const DAY_SECONDS = 86_400
const WEEK_SECONDS = 7 * DAY_SECONDS

export function formatTurn(seconds: number): string {
  if (seconds === WEEK_SECONDS) return 'weekly'
  if (seconds === DAY_SECONDS) return 'daily'
  return formatDuration(seconds)
}

/** `mon 10:00 Asia/Tokyo` for weekly turns, `10:00 Asia/Tokyo` for daily ones, else null. */
function formatHandoff(l: ScheduleLayer, timeZone: string): string | null {
  const time = l.rotationStart.slice(11)
  if (l.turnSeconds === DAY_SECONDS) return `${time} ${timeZone}`
  if (l.turnSeconds !== WEEK_SECONDS) return null
  return `${weekdayOfDate(l.rotationStart)} ${time} ${timeZone}`
}

/** Weekday name of the calendar date at the start of `YYYY-MM-DD...`. */
function weekdayOfDate(localDateTime: string): string {
  const [y, m, d] = localDateTime.slice(0, 10).split('-').map(Number)
  const jsDay = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1)).getUTCDay() // 0 = Sunday
  return WEEKDAY_NAMES[(jsDay + 6) % 7] ?? '?'
}

/** `daily 09:00 → 18:00` or `mon 09:00 → fri 18:00`. */
export function formatRestriction(r: Restriction): string {
  const startMinutes = minutesOfDay(r.start)
  if (r.kind === 'daily') return `daily ${r.start} → ${clock((startMinutes + r.durationMinutes) % 1440)}`
  const weekStart = (r.startDay - 1) * 1440 + startMinutes
  const end = (weekStart + r.durationMinutes) % (7 * 1440)
  return `${dayName(r.startDay)} ${r.start} → ${WEEKDAY_NAMES[Math.floor(end / 1440)]} ${clock(end % 1440)}`
}

/** Daily windows first, then weekly ones in week order (mon 09:00 before tue 09:00): canonical and readable. */
function byWeekPosition(a: Restriction, b: Restriction): number {
  return weekPosition(a) - weekPosition(b) || a.durationMinutes - b.durationMinutes
}

/** Minutes from the start of the week; daily windows sort before every weekly one. */
function weekPosition(r: Restriction): number {
  return r.kind === 'daily' ? minutesOfDay(r.start) - 7 * 1440 : (r.startDay - 1) * 1440 + minutesOfDay(r.start)
}

function policyFields(p: EscalationPolicy): HumanField[] {
  const fields: HumanField[] = [
    {path: 'name', value: p.name},
    {path: 'description', value: p.description},
    {path: 'team', value: p.team},
    {path: 'repeat', value: p.repeat},
    {path: 'handoff_notifications', value: p.handoffNotifications},
  ]
  p.rules.forEach((rule, i) => {
    fields.push(
      {path: `rules[${i}].delay`, value: formatDuration(rule.delayMinutes * 60)},
      {path: `rules[${i}].targets`, value: sorted(rule.targets.map(formatTarget))},
    )
    // Only when set: the default (every target at once) has no line, so configs without it read as before.
    if (rule.assignment !== undefined) fields.push({path: `rules[${i}].assignment`, value: rule.assignment})
  })
  return fields
}

export function formatTarget(t: EscalationTarget): string {
  if (t.type === 'user') return `user:${t.email}`
  return t.legacy === true ? `schedule:${t.key} (layer-based, until the migration's handoff)` : `schedule:${t.key}`
}

function serviceFields(s: Service): HumanField[] {
  return [
    {path: 'name', value: s.name},
    {path: 'description', value: s.description},
    {path: 'escalation_policy', value: s.escalationPolicy},
    {path: 'acknowledgement_timeout', value: formatTimeout(s.acknowledgementTimeoutSeconds)},
    {path: 'auto_resolve_timeout', value: formatTimeout(s.autoResolveTimeoutSeconds)},
    {path: 'urgency', value: formatUrgency(s.urgency)},
    {path: 'alert_grouping', value: formatAlertGrouping(s.alertGrouping)},
    {path: 'urgency.scheduled_actions', value: s.urgency.kind === 'support_hours' ? s.urgency.scheduledActions.map((a) => `${a.at} → ${a.to}`) : []},
    {path: 'auto_pause_notifications', value: formatAutoPause(s.autoPauseSeconds)},
  ]
}

export function formatAutoPause(seconds: number | null): string {
  return seconds === null ? 'disabled' : seconds === 0 ? 'recommended' : formatDuration(seconds)
}

function formatTimeout(seconds: number | null): string {
  return seconds === null ? 'disabled' : formatDuration(seconds)
}

export function formatUrgency(u: UrgencyRule): string {
  if (u.kind === 'constant') return u.urgency
  const h = u.supportHours
  const days = h.days.map(dayName).join(' ')
  return `${u.during} during ${days} ${h.start} → ${h.end} ${h.timeZone}, ${u.outside} outside`
}

export function formatAlertGrouping(g: AlertGrouping | null): string {
  if (g === null) return 'none'
  switch (g.type) {
    case 'time':
      return g.timeoutMinutes === 0 ? 'time, until resolved' : `time, timeout ${formatDuration(g.timeoutMinutes * 60)}`
    case 'intelligent':
      return `intelligent, window ${formatDuration(g.windowMinutes * 60)}`
    case 'content_based':
      return `content_based, ${g.aggregate} of [${g.fields.join(', ')}], window ${formatDuration(g.windowMinutes * 60)}`
  }
}

function dayName(d: Weekday): string {
  return WEEKDAY_NAMES[d - 1] ?? '?'
}

function minutesOfDay(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5))
}

function clock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`
}

function sorted(values: readonly string[]): string[] {
  return [...values].sort(compareStrings)
}
