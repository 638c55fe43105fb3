import {isoInZone} from '../schedule/format-local.js'
import {HOUR_MS} from '../schedule/local-time.js'
import type {PersonTotals, ScheduleLoad} from './load.js'
import type {LoadReport} from './load-report.js'

/** Hours with at most one decimal (`168`, `12.5`). */
export function hours(ms: number): string {
  return String(Math.round(ms / HOUR_MS * 10) / 10)
}

export function pct(share: number): string {
  return `${Math.round(share * 1000) / 10} %`
}

const COLUMNS = ['hours', 'shifts', 'nights h', 'weekend h', 'holiday h', 'streak d'] as const

function figures(p: PersonTotals): string[] {
  return [hours(p.onCallMs), String(p.shifts), hours(p.nightMs), hours(p.weekendMs), hours(p.holidayMs), String(Math.round(p.longestStreakDays * 10) / 10)]
}

function shares(p: PersonTotals): string {
  return Object.entries(p.shares)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([s, v]) => `${s} ${pct(v)}`)
    .join(', ')
}

function span(report: LoadReport): string {
  const days = Math.round((report.window.end - report.window.start) / (24 * HOUR_MS) * 10) / 10
  return `${isoInZone(report.window.start, 'UTC').slice(0, 16)}Z – ${isoInZone(report.window.end, 'UTC').slice(0, 16)}Z (${days} days, ${report.source === 'live' ? "the account's final schedules, overrides included" : "computed from the config: its layers, overrides and time-off covers"})`
}

/** Aligned tables, one per team, then everyone; nights and weekends are on each person's own clock. */
export function renderReportText(report: LoadReport): string {
  const lines = [`On-call load ${span(report)}`, '']
  const table = (people: readonly PersonTotals[]) => {
    const rows = [['person', ...COLUMNS, 'share of each schedule'], ...people.map((p) => [p.user, ...figures(p), shares(p)])]
    const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] as string).length)))
    for (const r of rows) lines.push('  ' + r.map((c, i) => (i === 0 || i === r.length - 1 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number))).join('  ').trimEnd())
    lines.push('')
  }
  for (const t of report.teams) {
    lines.push(`Team ${t.name}${t.team === '' ? '' : ` (${t.team})`}: ${t.schedules.join(', ')}`)
    table(t.people)
  }
  if (report.teams.length > 1) {
    lines.push('Everyone')
    table(report.everyone)
  }
  if (report.schedules.length === 0) lines.push('No schedule has anyone on call in this window.', '')
  lines.push('nights: 22:00–07:00 (or rules.nights) and weekends on each person’s own clock; holidays: holidays: of the schedule or its team.')
  return lines.join('\n') + '\n'
}

export function renderReportMarkdown(report: LoadReport): string {
  const lines = [`### On-call load`, '', `${span(report)}`, '']
  const table = (people: readonly PersonTotals[]) => {
    lines.push(`| person | ${COLUMNS.join(' | ')} | share of each schedule |`, `|---|${COLUMNS.map(() => '---:').join('|')}|---|`)
    for (const p of people) lines.push(`| ${md(report.names[p.user] ?? p.user)} | ${figures(p).join(' | ')} | ${md(shares(p))} |`)
    lines.push('')
  }
  for (const t of report.teams) {
    lines.push(`#### ${md(t.name)}`, '')
    table(t.people)
  }
  return lines.join('\n') + '\n'
}

/** snake_case keys; hours to two decimals, shares to four. */
export function renderReportJson(report: LoadReport): string {
  const h = (ms: number) => Math.round((ms / HOUR_MS) * 100) / 100
  const s = (x: number) => Math.round(x * 10_000) / 10_000
  const person = (p: PersonTotals) => ({
    user: p.user,
    hours: h(p.onCallMs),
    shifts: p.shifts,
    night_hours: h(p.nightMs),
    weekend_hours: h(p.weekendMs),
    holiday_hours: h(p.holidayMs),
    longest_streak_days: Math.round(p.longestStreakDays * 100) / 100,
    shares: Object.fromEntries(Object.entries(p.shares).map(([k, v]) => [k, s(v)])),
  })
  const schedule = (l: ScheduleLoad) => ({
    schedule: l.schedule,
    time_zone: l.timeZone,
    teams: l.teams,
    hours: h(l.onCallMs),
    night_hours: h(l.nightMs),
    weekend_hours: h(l.weekendMs),
    holiday_hours: h(l.holidayMs),
    people: l.people.map((p) => ({
      user: p.user,
      time_zone: p.timeZone,
      hours: h(p.onCallMs),
      shifts: p.shifts,
      night_hours: h(p.nightMs),
      weekend_hours: h(p.weekendMs),
      holiday_hours: h(p.holidayMs),
      longest_streak:
        p.longestStreak === null ? null : {start: new Date(p.longestStreak.start).toISOString(), end: new Date(p.longestStreak.end).toISOString(), days: Math.round(p.longestStreak.days * 100) / 100},
      share: s(p.share),
      night_share: s(p.nightShare),
      weekend_share: s(p.weekendShare),
      holiday_share: s(p.holidayShare),
    })),
  })
  return (
    JSON.stringify(
      {
        window: {start: new Date(report.window.start).toISOString(), end: new Date(report.window.end).toISOString()},
        source: report.source,
        teams: report.teams.map((t) => ({team: t.team === '' ? null : t.team, name: t.name, schedules: t.schedules, people: t.people.map(person)})),
        everyone: report.everyone.map(person),
        schedules: report.schedules.map(schedule),
      },
      null,
      2,
    ) + '\n'
  )
}

function md(text: string): string {
  return text.replace(/[\\|*_`<>[\]]/g, (c) => `\\${c}`)
}
