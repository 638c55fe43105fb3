import {escapeHtml as h} from './escape-html.js'
import {feedTables, pageTop, renderIndexPage, type IndexPageInput, type PersonFeed, type ScheduleFeed, type ScheduleView} from './index-page.js'
import {loadScale, loadSection, type TeamLoadView} from './load-chart.js'
import {peopleOf as scheduleMembers} from '../../schedule/people.js'

/**
 * Above this many schedules the page is split: one page per team (`team-<key>.html`, the same
 * week-by-week picture as the single page) and an index linking them with every feed. A single
 * page of a whole organisation (500 schedules, a year) is tens of megabytes, which no browser
 * renders comfortably; small configs keep their one page.
 */
export const SPLIT_ABOVE_SCHEDULES = 50

export interface TeamPage {
  readonly path: string
  readonly content: string
}

/** The page a schedule is drawn on in a split export (its first team's, else the `other` page). */
export function teamPagePathOf(schedule: {readonly teams: readonly string[]}): string {
  return teamPagePath(schedule.teams[0] ?? NO_TEAM)
}

/** Team pages sit next to index.html, so the feed links (relative to the page) stay the same. */
export function teamPagePath(teamKey: string): string {
  return `team-${teamKey.replace(/[^a-z0-9_-]/gi, '_')}.html`
}

/** The input of a split page: the schedules' feeds, their shifts fetched one team at a time. */
export type SplitPageInput = Omit<IndexPageInput, 'schedules'> & {readonly schedules: readonly ScheduleFeed[]}

/**
 * Groups the schedules by their first team (schedules without one on an `other` page) and renders
 * each group's page, one at a time: `withShifts` gives one team's schedules their shifts, so only
 * one page and its schedules' shifts are in memory at once (issue 14). A team's page shows its
 * own team's load chart only (drawn on the scale shared by all teams, so bars still compare across
 * pages); every page showing every team's chart made the export quadratic in the teams.
 */
export async function* teamPages(input: SplitPageInput, withShifts: (feeds: readonly ScheduleFeed[]) => Promise<ScheduleView[]>): AsyncGenerator<TeamPage> {
  const scale = loadScale(input.load ?? [])
  const loadOf = loadByPage(input.load ?? [])
  for (const group of groups(input.schedules)) {
    const people = peopleOf(group.views, input.people)
    const load = loadOf.get(group.key) ?? []
    yield {path: teamPagePath(group.key), content: renderIndexPage({...input, schedules: await withShifts(group.views), people, load, loadScale: scale})}
  }
}

/** index.html of a split export: a link per team page, then every feed. */
export function renderSplitIndex(input: SplitPageInput, teamName: (key: string) => string): string {
  const links = groups(input.schedules)
    .map((g) => `<li><a href="${h(teamPagePath(g.key))}">${h(g.key === NO_TEAM ? 'Schedules without a team' : teamName(g.key))}</a> <span class="muted">${g.views.length} schedule(s)</span></li>`)
    .join('\n')
  // Teams that are no schedule's first team have no page: their load charts are drawn here.
  const pages = new Set(groups(input.schedules).map((g) => g.key))
  const pageless = (input.load ?? []).filter((t) => !pages.has(pageKeyOfLoad(t)))
  const load = pageless.length === 0 ? '' : `${loadSection(pageless, input.nameOf, loadScale(input.load ?? []))}\n`
  return `${pageTop(input.window, input.basisNote)} One page per team:</p>
<ul class="teams">
${links}
</ul></header>
${load}${feedTables(input)}
</body>
</html>
`
}

/** Page key of schedules without a team (keys start with a letter, so no team has it). */
const NO_TEAM = '_none'

/** The page key of a team's load chart (the load report names schedules without a team `''`). */
function pageKeyOfLoad(view: TeamLoadView): string {
  return view.team === '' ? NO_TEAM : view.team
}

function loadByPage(load: readonly TeamLoadView[]): Map<string, TeamLoadView[]> {
  const byPage = new Map<string, TeamLoadView[]>()
  for (const view of load) byPage.set(pageKeyOfLoad(view), [view])
  return byPage
}

function groups(views: readonly ScheduleFeed[]): {key: string; views: ScheduleFeed[]}[] {
  const byTeam = new Map<string, ScheduleFeed[]>()
  for (const v of views) {
    const key = v.schedule.teams[0] ?? NO_TEAM
    const list = byTeam.get(key)
    if (list) list.push(v)
    else byTeam.set(key, [v])
  }
  return [...byTeam].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([key, list]) => ({key, views: list}))
}

function peopleOf(views: readonly ScheduleFeed[], people: readonly PersonFeed[]): PersonFeed[] {
  const emails = new Set(views.flatMap((v) => scheduleMembers(v.schedule)))
  return people.filter((p) => emails.has(p.email))
}
