import {readFileSync} from 'node:fs'
import {mkdir, readdir, rename, rm, writeFile} from 'node:fs/promises'
import {dirname, join} from 'node:path'
import type {EscalationPolicy, Schedule, Team, User} from '../model/index.js'
import {computeShifts} from '../schedule/compute-shifts.js'
import type {Shift, TimeWindow} from '../schedule/shift.js'
import {renderCalendar, type EventDraft} from '../export/calendar-feed.js'
import {policiesPagingBySchedule} from '../export/escalation-levels.js'
import {contentHash, looksExportedByOncall, manifestFileName, parseManifest, renderManifest} from '../export/export-manifest.js'
import {paddedWindow} from '../export/export-window.js'
import {scheduleFeedFileName, userFeedFileName} from '../export/feed-file-names.js'
import {renderIndexPage, type ScheduleView} from '../export/html/index-page.js'
import {renderSplitIndex, SPLIT_ABOVE_SCHEDULES, teamPagePathOf, teamPages} from '../export/html/team-pages.js'
import type {TeamLoadView} from '../export/html/load-chart.js'
import {buildLoadReport} from '../health/load-report.js'
import type {HealthSettings} from '../health/settings.js'
import {readPreviousRevisions, reviseEvents} from '../export/revision.js'
import {escalationText, inWindow, shiftEventDraft, shiftEventDrafts, type ScheduleShifts} from '../export/shift-events.js'
import {peopleOf} from '../schedule/people.js'

/**
 * Where shifts come from is pluggable: the config's layers through the engine (default), or
 * later PagerDuty's rendered final schedule (`--live`). Either way: the final schedule of one
 * schedule over `window`, sorted by start, one person at a time.
 */
export type ShiftsSource = (scheduleKey: string, window: TimeWindow) => Promise<readonly Shift[]>

export interface ExportInput {
  readonly schedules: Iterable<Schedule>
  readonly policies: Iterable<EscalationPolicy>
  /** Declared users (for display names); other people are shown by email. */
  readonly users: ReadonlyMap<string, User>
  readonly shiftsFor: ShiftsSource
  readonly window: TimeWindow
  readonly now: number
  readonly busy: boolean
  readonly baseUrl?: string
  /** Team display names by key, for the index of a split page (html/team-pages.ts). */
  readonly teamNames?: ReadonlyMap<string, string>
  /** Teams (names for the load view) and holiday calendars; absent = keys as names, no holidays. */
  readonly teams?: ReadonlyMap<string, Team>
  readonly health?: HealthSettings
  /** What the shifts come from, one line (planned-shifts.ts basisNote): on the page and in every feed's description. */
  readonly basisNote?: string
}

export interface ExportedFile {
  /** Relative to the output directory, with `/` separators. */
  readonly path: string
  readonly content: string
  readonly events?: number
}

export const SCHEDULES_DIR = 'schedules'
export const USERS_DIR = 'users'
export const INDEX_FILE = 'index.html'

/** The final schedule computed from the config by the engine. */
export function shiftsFromConfig(schedules: Iterable<Schedule>): ShiftsSource {
  const byKey = new Map([...schedules].map((s) => [s.key, s]))
  return async (key, window) => {
    const schedule = byKey.get(key)
    if (!schedule) throw new Error(`unknown schedule ${key}`)
    return computeShifts(schedule, window).final
  }
}

/**
 * Every file of an export, in a fixed order. `previous(path)` returns the file an earlier export
 * wrote at that path (or undefined): it carries SEQUENCE numbers forward (see export/revision.ts).
 */
export async function buildExport(input: ExportInput, previous: (path: string) => string | undefined): Promise<ExportedFile[]> {
  const files: ExportedFile[] = []
  for await (const file of exportFiles(input, previous)) files.push(file)
  return files
}

/**
 * The files of an export one at a time, so the caller can write each and let it go: memory holds
 * the shifts of the window plus one feed, not every feed of the account (issue 14). Linear in the
 * shifts: each schedule's shifts are walked once for its own feed and once to group them by
 * person, and each schedule's escalation text is built once.
 */
export async function* exportFiles(input: ExportInput, previous: (path: string) => string | undefined): AsyncGenerator<ExportedFile> {
  const schedules = [...input.schedules].sort((a, b) => cmp(a.key, b.key))
  const paging = policiesPagingBySchedule(input.policies)
  const nameOf = (email: string): string => input.users.get(email)?.name || email
  const computeWindow = paddedWindow(input.window)
  const views: (ScheduleShifts & ScheduleView & {readonly escalation: string})[] = []
  for (const schedule of schedules) {
    const shifts = [...(await input.shiftsFor(schedule.key, computeWindow))].sort((a, b) => a.start - b.start)
    const policies = paging.get(schedule.key) ?? []
    views.push({schedule, shifts, policies, escalation: escalationText(policies), feedPath: `${SCHEDULES_DIR}/${scheduleFeedFileName(schedule.key)}`})
  }
  // Everyone in a rotation gets a feed, even with no shift in the window: a subscribed URL must not vanish.
  const people = [...new Set(schedules.flatMap(peopleOf))].sort()
  const personFeeds = people.map((email) => ({email, feedPath: `${USERS_DIR}/${userFeedFileName(email)}`}))
  checkNoCollisions(personFeeds)
  const calendar = (path: string, name: string, description: string, drafts: EventDraft[]): ExportedFile => {
    const revisions = readPreviousRevisions(previous(path) ?? '')
    const events = reviseEvents(drafts, input.busy, revisions)
    return {path, content: renderCalendar({name, description, busy: input.busy, events}), events: events.length}
  }
  // Shifts per person, grouped in one pass: [view index, shift index] pairs, drafts built per feed.
  const shiftsOf = new Map<string, [number, number][]>()
  views.forEach((v, vi) => {
    v.shifts.forEach((shift, si) => {
      if (!inWindow(shift, input.window)) return
      const list = shiftsOf.get(shift.user)
      if (list) list.push([vi, si])
      else shiftsOf.set(shift.user, [[vi, si]])
    })
  })
  for (const v of views) {
    const drafts = shiftEventDrafts(v, 'schedule', input.window, nameOf)
    yield calendar(v.feedPath, `On call: ${v.schedule.name}`, withNote(v.schedule.description, input.basisNote), drafts)
  }
  for (const p of personFeeds) {
    const drafts = (shiftsOf.get(p.email) ?? [])
      .map(([vi, si]) => {
        const v = views[vi] as (typeof views)[number]
        return shiftEventDraft(v, si, 'user', nameOf, v.escalation)
      })
      .sort((a, b) => a.start - b.start || cmp(a.uid, b.uid))
    const description = withNote(`On-call shifts of ${nameOf(p.email)} across all schedules.`, input.basisNote)
    yield calendar(p.feedPath, `On call: ${nameOf(p.email)}`, description, drafts)
  }
  const page = {schedules: views, people: personFeeds, window: input.window, now: input.now, baseUrl: input.baseUrl, nameOf, load: loadView(input, views), basisNote: input.basisNote}
  if (views.length <= SPLIT_ABOVE_SCHEDULES) {
    yield {path: INDEX_FILE, content: renderIndexPage(page)}
    return
  }
  yield* teamPages(page)
  yield {path: INDEX_FILE, content: renderSplitIndex(page, (key) => input.teamNames?.get(key) ?? key)}
}

/** Per team, each person's hours in the export window, from the same shifts as the feeds. */
function loadView(input: ExportInput, views: readonly ScheduleView[]): TeamLoadView[] {
  const shifts = new Map(views.map((v) => [v.schedule.key, v.shifts]))
  const state = {users: input.users, teams: input.teams ?? new Map(), schedules: new Map(views.map((v) => [v.schedule.key, v.schedule])), ...(input.health ? {health: input.health} : {})}
  const report = buildLoadReport(state, input.window, 'config', (s) => shifts.get(s.key) ?? null)
  return report.teams.map((t) => ({team: t.team, name: t.name, people: t.people}))
}

function withNote(description: string, note: string | undefined): string {
  return [description.trim(), note ?? ''].filter((part) => part !== '').join(' ')
}

function checkNoCollisions(feeds: readonly {email: string; feedPath: string}[]): void {
  const seen = new Map<string, string>()
  for (const f of feeds) {
    const other = seen.get(f.feedPath)
    if (other !== undefined) throw new ExportError(`${other} and ${f.email} would both be written to ${f.feedPath}`)
    seen.set(f.feedPath, f.email)
  }
}

/** A problem the user can fix (the command reports it as a UserError). */
export class ExportError extends Error {}

export interface ExportReport {
  /** What was exported (paths and event counts; the contents are on disk). */
  readonly files: readonly Omit<ExportedFile, 'content'>[]
  readonly written: readonly string[]
  readonly unchanged: readonly string[]
  /** Files an earlier export of this owner wrote that are no longer part of the export. */
  readonly removed: readonly string[]
  /** Files export did not write that --force overwrote. */
  readonly overwritten: readonly string[]
  /** The manifest's path, relative to the output directory. */
  readonly manifest: string
}

export interface ExportTarget {
  readonly outDir: string
  /** The config's owner: names the manifest (export/export-manifest.ts). */
  readonly owner: string
  /** Overwrite files that export did not write (never deletes them). */
  readonly force?: boolean
}

/**
 * Builds the export and writes it to `outDir` as it goes: each file atomically (temp file +
 * rename, so a web server never serves half a feed), unchanged files untouched. It keeps a
 * manifest of what it wrote and touches nothing else: files a previous export of this owner wrote
 * and this one no longer writes are removed; a file it did not write is never removed, and
 * overwritten only with `force` (else ExportError, checked before anything is written).
 * Earlier files are read one at a time, when their successor is built, never all at once.
 */
export async function exportCalendars(input: ExportInput & ExportTarget): Promise<ExportReport> {
  const manifest = manifestFileName(input.owner)
  const ours = await readOwnPaths(input.outDir, manifest)
  // Ours: as our manifest recorded it (not replaced since), or an export from before manifests.
  const isOurs = (path: string, content: string): boolean =>
    ours.paths.get(path) === contentHash(content) || (ours.legacy && !ours.othersPaths.has(path) && looksExportedByOncall(path, content))
  const foreign = exportPaths(input).filter((path) => {
    const content = readIfExists(join(input.outDir, path))
    return content !== undefined && !isOurs(path, content)
  })
  if (foreign.length > 0 && input.force !== true) {
    throw new ExportError(
      `${input.outDir} already has ${foreign.length === 1 ? 'a file' : `${foreign.length} files`} that oncall export did not write ` +
        `(${foreign.join(', ')}; not in ${manifest}): re-run with --force to overwrite ${foreign.length === 1 ? 'it' : 'them'}, or export into another directory`,
    )
  }
  // The one earlier file in hand: read for its SEQUENCE numbers (ours only), then compared with its successor.
  let last: {path: string; content: string | undefined} | undefined
  const before = (path: string): string | undefined => {
    if (last?.path !== path) last = {path, content: readIfExists(join(input.outDir, path))}
    return last.content
  }
  const files: Omit<ExportedFile, 'content'>[] = []
  const hashes = new Map<string, string>()
  const written: string[] = []
  const unchanged: string[] = []
  for await (const f of exportFiles(input, (path) => {
    const content = before(path)
    return content !== undefined && isOurs(path, content) ? content : undefined
  })) {
    files.push({path: f.path, events: f.events})
    hashes.set(f.path, contentHash(f.content))
    if (before(f.path) === f.content) {
      unchanged.push(f.path)
      continue
    }
    await writeAtomically(join(input.outDir, f.path), f.content)
    written.push(f.path)
  }
  // Stale: ours before, not part of this export, and not replaced by someone else since.
  const removed: string[] = []
  for (const p of [...ours.paths.keys()].filter((p) => !hashes.has(p)).sort()) {
    const content = readIfExists(join(input.outDir, p))
    if (content === undefined || !isOurs(p, content)) continue
    await rm(join(input.outDir, p), {force: true})
    removed.push(p)
  }
  const manifestText = renderManifest({owner: input.owner, files: hashes})
  if (readIfExists(join(input.outDir, manifest)) !== manifestText) await writeAtomically(join(input.outDir, manifest), manifestText)
  return {files, written, unchanged, removed, overwritten: input.force === true ? foreign : [], manifest}
}

/** The paths an export writes, known before any content is built (for the check of foreign files). */
function exportPaths(input: ExportInput): string[] {
  const schedules = [...input.schedules]
  const people = [...new Set(schedules.flatMap((s) => s.layers.flatMap((l) => l.users)))]
  const pages = schedules.length <= SPLIT_ABOVE_SCHEDULES ? [] : [...new Set(schedules.map(teamPagePathOf))]
  return [
    ...schedules.map((s) => `${SCHEDULES_DIR}/${scheduleFeedFileName(s.key)}`).sort(),
    ...people.map((e) => `${USERS_DIR}/${userFeedFileName(e)}`).sort(),
    ...pages.sort(),
    INDEX_FILE,
  ]
}

/**
 * The paths this owner's manifest lists. Without one (a directory from before manifests, or a
 * fresh one), `legacy` is set: files that look like our export and that no other owner's
 * manifest lists count as ours for overwriting, but none is removed.
 */
async function readOwnPaths(outDir: string, manifest: string): Promise<{paths: Map<string, string>; legacy: boolean; othersPaths: Set<string>}> {
  let names: string[]
  try {
    names = (await readdir(outDir)).filter((n) => n.startsWith('.oncall-export-') && n.endsWith('.json'))
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {paths: new Map(), legacy: true, othersPaths: new Set()}
    throw error
  }
  let paths = new Map<string, string>()
  const othersPaths = new Set<string>()
  let legacy = true
  for (const name of names) {
    const listed = parseManifest(readIfExists(join(outDir, name)) ?? '')
    if (name === manifest) {
      legacy = listed === null
      paths = listed ?? paths
    } else for (const p of listed?.keys() ?? []) othersPaths.add(p)
  }
  return {paths, legacy, othersPaths}
}

function readIfExists(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
}

async function writeAtomically(path: string, content: string): Promise<void> {
  await mkdir(dirname(path), {recursive: true})
  const tmp = `${path}.${process.pid}.tmp`
  await writeFile(tmp, content, 'utf8')
  await rename(tmp, path)
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
