import type {Schedule} from '../../model/index.js'
import type {Shift, TimeWindow} from '../../schedule/shift.js'
import {overrideLabel} from '../shift-events.js'
import {describePolicyUse, type PolicyUse} from '../escalation-levels.js'
import {formatLocalDay, formatLocalShort} from '../local-time-format.js'
import {escapeHtml as h} from './escape-html.js'
import {feedLinks} from './feed-links.js'
import {personColours} from './person-colours.js'
import {INDEX_PAGE_CSS} from './index-page-css.js'
import {loadSection, type TeamLoadView} from './load-chart.js'
import {weekRows, type WeekRow} from './week-rows.js'
import {peopleOf} from '../../schedule/people.js'

export interface ScheduleView {
  readonly schedule: Schedule
  /** Final schedule, sorted; may extend beyond the window (it is clipped for the picture). */
  readonly shifts: readonly Shift[]
  readonly policies: readonly PolicyUse[]
  readonly feedPath: string
}

/** A schedule's feed without its shifts: all the index of a split page needs (team-pages.ts). */
export type ScheduleFeed = Omit<ScheduleView, 'shifts'>

export interface PersonFeed {
  readonly email: string
  readonly feedPath: string
}

export interface IndexPageInput {
  readonly schedules: readonly ScheduleView[]
  readonly people: readonly PersonFeed[]
  readonly window: TimeWindow
  readonly now: number
  readonly baseUrl?: string
  readonly nameOf: (email: string) => string
  /** The load view (stacked bars per person per team); absent or empty = no section. */
  readonly load?: readonly TeamLoadView[]
  /** The load charts' shared scale when `load` is part of a larger view (load-chart.ts loadScale); absent = its own. */
  readonly loadScale?: number
  /** What the shifts come from (config alone, config + account, account), one sentence. */
  readonly basisNote?: string
}

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']

const day = (ms: number): string => new Date(ms).toISOString().slice(0, 10)

function linkCells(path: string, baseUrl: string | undefined): string {
  const l = feedLinks(path, baseUrl)
  const webcal = l.webcal === null ? '<span class="muted">needs --base-url</span>' : `<a href="${h(l.webcal)}">subscribe (webcal)</a>`
  return `<td><a href="${h(l.https)}">${h(l.https)}</a></td><td>${webcal}</td>`
}

export function feedTables(input: Omit<IndexPageInput, 'schedules'> & {readonly schedules: readonly ScheduleFeed[]}): string {
  const note =
    input.baseUrl === undefined
      ? '<p class="note">Links are relative to this page. Calendar apps need an absolute URL: publish this directory and re-run with <code>--base-url https://…</code> to get webcal subscribe links.</p>'
      : '<p class="note">Subscribe with the webcal link (Apple, Outlook, Thunderbird) or paste the https link into Google Calendar → Other calendars → From URL. Google refreshes subscribed calendars only every 8–24 hours.</p>'
  const schedules = input.schedules
    .map((v) => `<tr><th scope="row">${h(v.schedule.name)}</th>${linkCells(v.feedPath, input.baseUrl)}</tr>`)
    .join('\n')
  const people = input.people
    .map((p) => {
      const name = input.nameOf(p.email)
      const who = name === p.email ? h(name) : `${h(name)} <span class="muted">${h(p.email)}</span>`
      return `<tr><th scope="row">${who}</th>${linkCells(p.feedPath, input.baseUrl)}</tr>`
    })
    .join('\n')
  return `<section class="feeds"><h2>Calendar feeds</h2>${note}
<table><thead><tr><th>Schedule</th><th>https</th><th>webcal</th></tr></thead><tbody>
${schedules}
</tbody></table>
<table><thead><tr><th>Person</th><th>https</th><th>webcal</th></tr></thead><tbody>
${people}
</tbody></table></section>`
}

/**
 * Lanes for a week row: a shift-based schedule can have several people on call at once
 * (concurrent rotations), and blocks drawn on one track would hide each other. Each segment goes
 * to the first lane free at its start (greedy interval partitioning: as few lanes as the most
 * shifts at once). A layer-based final schedule never overlaps, so it keeps one lane and its
 * page is unchanged.
 */
function lanesOf(row: WeekRow): {lane: number[]; count: number} {
  const ends: number[] = []
  const lane = row.segments.map((s) => {
    let i = ends.findIndex((end) => end <= s.left + 1e-9)
    if (i < 0) i = ends.push(0) - 1
    ends[i] = s.left + s.width
    return i
  })
  return {lane, count: Math.max(1, ends.length)}
}

/** Height of one lane of a week row in px (the CSS's .week height). */
const LANE_PX = 26

function rowHtml(row: WeekRow, zone: string, colours: Map<string, string>, nameOf: (e: string) => string): string {
  const marks = row.dayMarks.map((m) => `<i class="day" style="left:${m}%"></i>`).join('')
  const outside = row.outside.map(([l, w]) => `<i class="outside" style="left:${l}%;width:${w}%"></i>`).join('')
  const {lane, count} = lanesOf(row)
  const blocks = row.segments
    .map((s, i) => {
      const name = nameOf(s.shift.user)
      const label = name === s.shift.user ? (name.split('@')[0] ?? name) : name
      const marked = overrideLabel(s.shift, nameOf)
      const title = `${name}: ${formatLocalShort(s.shift.start, zone)} → ${formatLocalShort(s.shift.end, zone)} (${zone})${marked ? ` — ${marked.long}` : ''}`
      const text = marked ? `${label} (${marked.short})` : label
      const top = count > 1 ? `;top:${(lane[i] ?? 0) * LANE_PX + 2}px;bottom:auto;height:${LANE_PX - 4}px` : ''
      return `<b class="shift${marked ? ' override' : ''}" style="left:${s.left}%;width:${s.width}%;background:${colours.get(s.shift.user) ?? '#ccc'}${top}" title="${h(title)}">${h(text)}</b>`
    })
    .join('')
  const today = row.today === null ? '' : `<i class="today" style="left:${row.today[0]}%;width:${row.today[1]}%" title="export day"><em>today</em></i>`
  const height = count > 1 ? ` style="height:${count * LANE_PX}px"` : ''
  return `<div class="week${row.today === null ? '' : ' current'}"${height}><span class="label">${h(formatLocalDay(row.start, zone))}</span><div class="track">${marks}${outside}${blocks}${today}</div></div>`
}

function legend(view: ScheduleView, window: TimeWindow, colours: Map<string, string>, nameOf: (e: string) => string): string {
  const hours = new Map<string, number>()
  for (const s of view.shifts) {
    const ms = Math.min(s.end, window.end) - Math.max(s.start, window.start)
    if (ms > 0) hours.set(s.user, (hours.get(s.user) ?? 0) + ms / 3_600_000)
  }
  const everyone = [...new Set(peopleOf(view.schedule))].sort()
  const items = everyone.map(
    (e) => `<li><b class="swatch" style="background:${colours.get(e) ?? '#ccc'}"></b>${h(nameOf(e))} <span class="muted">${Math.round(hours.get(e) ?? 0)} h</span></li>`,
  )
  items.push('<li><b class="swatch gap"></b>nobody on call</li>')
  return `<ul class="legend">${items.join('')}</ul>`
}

function scheduleSection(view: ScheduleView, input: IndexPageInput, colours: Map<string, string>): string {
  const zone = view.schedule.timeZone
  const rows = weekRows(view.shifts, input.window, zone, input.now)
  const paged =
    view.policies.length > 0 ? `Paged by ${view.policies.map(describePolicyUse).join('; ')}.` : 'No escalation policy pages this schedule.'
  const head = `<div class="week head"><span class="label"></span><div class="track">${WEEKDAYS.map((d, i) => `<span style="left:${(i * 100) / 7}%">${d}</span>`).join('')}</div></div>`
  return `<section class="schedule" id="${h(view.schedule.key)}">
<h2>${h(view.schedule.name)}</h2>
<p class="muted">Weeks start Monday 00:00 ${h(zone)}. ${h(paged)} <a href="${h(feedLinks(view.feedPath, input.baseUrl).https)}">Feed</a></p>
${legend(view, input.window, colours, input.nameOf)}
<div class="weeks">${head}
${rows.map((r) => rowHtml(r, zone, colours, input.nameOf)).join('\n')}
</div></section>`
}

/**
 * Everything of a page up to the end of its header's first line (left open for more text), with
 * what the shifts come from (`basisNote`, app/planned-shifts.ts).
 */
export function pageTop(window: TimeWindow, basisNote?: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>On-call calendars</title>
<style>${INDEX_PAGE_CSS}</style>
</head>
<body>
<header><h1>Who is on call</h1><p class="muted">${day(window.start)} to ${day(window.end - 1)} (UTC dates). Generated by <code>oncall export</code>.${basisNote === undefined ? '' : ` <span class="basis">${h(basisNote)}</span>`}`
}

/**
 * The page published next to the feeds: a week-by-week picture of who is on call per schedule
 * (one row per week, one coloured block per shift, a legend with hours per person) and every
 * feed with its links. Pure HTML and CSS; hovering a block shows its exact times.
 */
export function renderIndexPage(input: IndexPageInput): string {
  const colours = personColours(input.schedules.map((v) => peopleOf(v.schedule)))
  return `${pageTop(input.window, input.basisNote)}</p>
<nav>${input.schedules.map((v) => `<a href="#${h(v.schedule.key)}">${h(v.schedule.name)}</a>`).join(' · ')}${input.load?.length ? ' · <a href="#load">Load</a>' : ''}</nav></header>
${input.schedules.map((v) => scheduleSection(v, input, colours)).join('\n')}
${loadSection(input.load ?? [], input.nameOf, input.loadScale)}
${feedTables(input)}
</body>
</html>
`
}
