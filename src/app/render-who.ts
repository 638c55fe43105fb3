import {printable} from '../text/printable.js'
import {formatInZone, isoInZone} from '../schedule/format-local.js'
import {basisNote, type ShiftsBasis} from './planned-shifts.js'
import type {AtTime, OnCallShift, ScheduleOnCall, WhoReport} from './who-is-on-call.js'

/** `oncall who` output: text for people, JSON for scripts. Same report => byte-identical output. */

function shiftText(s: OnCallShift, zone: string, word = 'since'): string {
  const since = s.since === null ? `${word} over a year ago` : `${word} ${formatInZone(s.since, zone)}`
  const until = s.until === null ? 'until over a year from then' : `until ${formatInZone(s.until, zone)}`
  return `${s.user} (${since}, ${until} ${zone})${overrideText(s)}`
}

/** ` [override: note]`, ` [time-off cover for aiko@…]`, ` [override made outside the config]` (--live). */
export function overrideText(s: Pick<OnCallShift, 'override'>): string {
  const o = s.override
  if (!o) return ''
  const what = o.kind === 'time_off' ? `time-off cover for ${o.replaces ?? '?'}` : o.kind === 'outside' ? 'override made outside the config' : 'override'
  return ` [${what}${o.note ? `: ${o.note}` : ''}]`
}

/** ` [rotation Weekdays]` for a shift-based schedule's shift (its rotations run at once, so which one matters). */
function rotationText(s: ScheduleOnCall, shift: OnCallShift): string {
  return s.concurrent !== undefined && shift.layer !== null ? ` [rotation ${shift.layer}]` : ''
}

/** Everyone on call at once (one for a layer-based schedule), for one line. */
function everyoneOnCall(s: ScheduleOnCall): OnCallShift[] {
  return s.onCall === null ? [] : [s.onCall, ...(s.concurrent?.onCall ?? [])]
}

function everyoneNext(s: ScheduleOnCall): OnCallShift[] {
  return s.next === null ? [] : [s.next, ...(s.concurrent?.next ?? [])]
}

function scheduleLine(s: ScheduleOnCall): string {
  const now = everyoneOnCall(s)
  if (now.length > 0) return now.map((x) => shiftText(x, s.timeZone) + rotationText(s, x)).join('; ')
  const next = everyoneNext(s)
  const names = next.map((x) => x.user).join(' and ')
  return `nobody${s.next ? `; next ${names} from ${formatInZone(s.next.since ?? s.at, s.timeZone)} ${s.timeZone}` : ''}`
}

function atText(at: AtTime, zone?: string): string {
  if (at.kind === 'local') return `${at.local.replace('T', ' ')} ${zone ?? "(each schedule's local time)"}`
  return new Date(at.ms).toISOString().replace('.000Z', 'Z')
}

/** `basis` (what the shifts come from) adds a closing note when the config alone was used. */
export function formatWhoText(report: WhoReport, basis?: ShiftsBasis): string {
  const lines: string[] = []
  if (report.kind === 'schedules') {
    lines.push(`On call at ${atText(report.at)}:`)
    const width = Math.max(0, ...report.schedules.map((s) => s.key.length))
    for (const s of report.schedules) lines.push(`  ${s.key.padEnd(width)}  ${scheduleLine(s)}`)
    if (report.schedules.length === 0) lines.push('  (no schedules in the config)')
  } else if (report.kind === 'schedule') {
    const s = report.schedule
    lines.push(`${s.key} (${s.name}) at ${formatInZone(s.at, s.timeZone)} ${s.timeZone}:`)
    const label = (x: OnCallShift) => (s.concurrent !== undefined ? rotationText(s, x) : x.layer ? ` [layer ${x.layer}]` : '')
    const now = everyoneOnCall(s)
    if (now.length === 0) lines.push('  on call: nobody')
    now.forEach((x, i) => lines.push(`${i === 0 ? '  on call: ' : '           '}${shiftText(x, s.timeZone)}${label(x)}`))
    everyoneNext(s).forEach((x, i) => lines.push(`${i === 0 ? '  next:    ' : '           '}${shiftText(x, s.timeZone, 'from')}${rotationText(s, x)}`))
  } else {
    lines.push(`${report.policy.key} (${report.policy.name}) at ${new Date(report.policy.instant).toISOString().replace('.000Z', 'Z')}:`)
    for (const level of report.levels) {
      lines.push(`  level ${level.level} (after ${level.notifiedAfterMinutes}m):`)
      for (const t of level.targets) {
        if (t.type === 'user') lines.push(`    user ${t.email}`)
        else lines.push(`    schedule ${t.schedule.key}: ${scheduleLine(t.schedule)}`)
      }
    }
    if (report.policy.repeat > 0) lines.push(`  then repeats ${report.policy.repeat} time(s)`)
  }
  if (basis === 'config') lines.push(`(${basisNote(basis)})`)
  // Names and emails may come from the live account: control characters shown as escapes.
  return lines.map((l) => printable(l)).join('\n') + '\n'
}

/** `rotation` instead of `layer` names what put a person on call in a shift-based schedule. */
function shiftJson(s: OnCallShift | null, zone: string, shiftBased = false): object | null {
  if (s === null) return null
  return {
    user: s.user,
    since: s.since === null ? null : isoInZone(s.since, zone),
    until: s.until === null ? null : isoInZone(s.until, zone),
    ...(shiftBased ? {rotation: s.layer} : {layer: s.layer}),
    ...(s.override ? {override: {kind: s.override.kind, note: s.override.note, replaces: s.override.replaces}} : {}),
  }
}

/**
 * `on_call`/`next` hold one shift, as for a layer-based schedule; a shift-based schedule adds
 * `also_on_call`/`also_next` (always, possibly empty): the others on call at once.
 */
function scheduleJson(s: ScheduleOnCall): object {
  const shiftBased = s.concurrent !== undefined
  return {
    key: s.key,
    name: s.name,
    time_zone: s.timeZone,
    at: isoInZone(s.at, s.timeZone),
    on_call: shiftJson(s.onCall, s.timeZone, shiftBased),
    next: shiftJson(s.next, s.timeZone, shiftBased),
    ...(s.concurrent !== undefined
      ? {
          also_on_call: s.concurrent.onCall.map((x) => shiftJson(x, s.timeZone, true)),
          also_next: s.concurrent.next.map((x) => shiftJson(x, s.timeZone, true)),
        }
      : {}),
  }
}

/** `basis`: `config` (the config alone), `config+account` or `account` (--live); see app/planned-shifts.ts. */
export function whoJson(report: WhoReport, basis?: ShiftsBasis): object {
  const at = report.at.kind === 'instant' ? new Date(report.at.ms).toISOString() : report.at.local
  if (report.kind === 'schedules') return {at, basis, schedules: report.schedules.map(scheduleJson)}
  if (report.kind === 'schedule') return {at, basis, schedule: scheduleJson(report.schedule)}
  return {
    at,
    basis,
    escalation_policy: {
      key: report.policy.key,
      name: report.policy.name,
      at: new Date(report.policy.instant).toISOString(),
      repeat: report.policy.repeat,
      levels: report.levels.map((l) => ({
        level: l.level,
        notified_after_minutes: l.notifiedAfterMinutes,
        targets: l.targets.map((t) => (t.type === 'user' ? {type: 'user', email: t.email} : {type: 'schedule', ...scheduleJson(t.schedule)})),
      })),
    },
  }
}
