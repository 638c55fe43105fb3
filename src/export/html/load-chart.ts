import type {PersonLoad} from '../../health/load.js'
import {escapeHtml as h} from './escape-html.js'

/** One team's people with their hours split into days, nights, weekends and holidays. */
export interface TeamLoadView {
  readonly team: string
  readonly name: string
  readonly people: readonly {readonly user: string; readonly breakdown: PersonLoad['breakdown']}[]
}

/** Fixed colours per kind (not per person): the chart compares kinds of time across people. */
export const LOAD_COLOURS = {dayMs: '#9ecae1', nightMs: '#3b4994', weekendMs: '#f2a541', holidayMs: '#d1495b'} as const
const KINDS: readonly [keyof typeof LOAD_COLOURS, string][] = [
  ['dayMs', 'days'],
  ['nightMs', 'nights'],
  ['weekendMs', 'weekends'],
  ['holidayMs', 'holidays'],
]

const LABEL_WIDTH = 220
const BAR_WIDTH = 640
const ROW = 26
const HOUR = 3_600_000

/**
 * The load view of the export page: per team an inline SVG of stacked horizontal bars, one per
 * person, in hours (days, nights, weekends, holidays; disjoint, so a bar is the person's total).
 * All teams share one scale so that bars compare across teams: `scale` (loadScale of every team)
 * when the page shows only some of them (a team page of a split export), else these teams' own.
 * Each segment has a <title> with its hours for hover. No script, no external library: the page
 * stays one static file.
 */
export function loadSection(teams: readonly TeamLoadView[], nameOf: (email: string) => string, scale: number = loadScale(teams)): string {
  if (teams.length === 0) return ''
  const legend = KINDS.map(([k, label]) => `<li><b class="swatch" style="background:${LOAD_COLOURS[k]}"></b>${label}</li>`).join('')
  const charts = teams.map((t) => {
    const rows = t.people.map((p, i) => {
      const y = i * ROW
      let x = LABEL_WIDTH
      const name = nameOf(p.user)
      const segments = KINDS.map(([k, label]) => {
        const ms = p.breakdown[k]
        if (ms <= 0) return ''
        const w = (ms / scale) * BAR_WIDTH
        const rect = `<rect class="load-${label}" x="${round(x)}" y="${y + 4}" width="${round(w)}" height="${ROW - 8}" fill="${LOAD_COLOURS[k]}"><title>${h(name)}: ${hours(ms)} h ${label}</title></rect>`
        x += w
        return rect
      }).join('')
      return `<g class="person"><text x="${LABEL_WIDTH - 8}" y="${y + ROW / 2 + 4}" text-anchor="end">${h(name)}</text>${segments}<text x="${round(x + 6)}" y="${y + ROW / 2 + 4}" class="total">${hours(total(p.breakdown))} h</text></g>`
    })
    const height = Math.max(ROW, t.people.length * ROW)
    return `<h3>${h(t.name)}</h3>
<svg class="load-chart" role="img" aria-label="${h(`On-call hours per person in ${t.name}`)}" width="${LABEL_WIDTH + BAR_WIDTH + 80}" height="${height}" viewBox="0 0 ${LABEL_WIDTH + BAR_WIDTH + 80} ${height}" xmlns="http://www.w3.org/2000/svg">
${rows.join('\n')}
</svg>`
  })
  return `<section class="load" id="load"><h2>Load</h2>
<p class="muted">Hours on call per person in the window, per team. Nights (22:00–07:00) and weekends on each person's own clock; public holidays from <code>holidays:</code>. Each hour counts once: holiday, else weekend, else night, else day.</p>
<ul class="legend">${legend}</ul>
${charts.join('\n')}
</section>`
}

/** The longest bar's hours (in ms, at least 1) of these teams: the width every chart is drawn against. */
export function loadScale(teams: readonly TeamLoadView[]): number {
  let max = 1
  for (const t of teams) for (const p of t.people) max = Math.max(max, total(p.breakdown))
  return max
}

function total(b: PersonLoad['breakdown']): number {
  return b.dayMs + b.nightMs + b.weekendMs + b.holidayMs
}

function hours(ms: number): string {
  return String(Math.round((ms / HOUR) * 10) / 10)
}

function round(n: number): string {
  return String(Math.round(n * 10) / 10)
}
