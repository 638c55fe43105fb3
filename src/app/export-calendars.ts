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
import {renderIndexPage, type ScheduleFeed, type ScheduleView} from '../export/html/index-page.js'
import {renderSplitIndex, SPLIT_ABOVE_SCHEDULES, teamPagePathOf, teamPages} from '../export/html/team-pages.js'
import type {TeamLoadView} from '../export/html/load-chart.js'
import type {ScheduleLoad} from '../health/load.js'
import {reportFromLoads} from '../health/load-report.js'
import {emptyHealthSettings, type HealthSettings} from '../health/settings.js'
import {scheduleLoadOf, userZones} from '../health/state-loads.js'
import {readPreviousRevisions, reviseEvents} from '../export/revision.js'
import {escalationText, inWindow, shiftEventDraft, shiftEventDrafts, type ScheduleShifts} from '../export/shift-events.js'
import {peopleOf} from '../schedule/people.js'

/**
 * Where shifts come from is pluggable: the config's layers through the engine (default), or
 * PagerDuty's rendered final schedule (`--live`). Either way: the final schedule of one
 * schedule over `window`, sorted by start, one person at a time. An export asks for a schedule
 * more than once (it keeps no schedule's shifts for long, see exportFiles): same answer each time.
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
 * The files of an export one at a time, so the caller can write each and let it go. Memory is
 * bounded by a few schedules' shifts and one feed, not by the account (issue 14): no schedule's
 * shifts are kept after its own feed is written. Person feeds are built from a compact index (which
 * schedules give each person a shift), fetching a schedule's shifts again while people who need it
 * remain and dropping them after the last one; team pages fetch their own schedules' shifts again;
 * the page's load view sums each schedule's load as its feed is written.
 * `shiftsFor` must therefore give the same shifts when asked twice (the engine is cheap to run
 * again; the account sources of the export command memoize). Linear in the shifts; each escalation
 * text is built once.
 */
export async function* exportFiles(input: ExportInput, previous: (path: string) => string | undefined): AsyncGenerator<ExportedFile> {
  const schedules = [...input.schedules].sort((a, b) => cmp(a.key, b.key))
  const paging = policiesPagingBySchedule(input.policies)
  const nameOf = (email: string): string => input.users.get(email)?.name || email
  const computeWindow = paddedWindow(input.window)
  const feeds: ScheduleFeedOf[] = schedules.map((schedule) => {
    const policies = paging.get(schedule.key) ?? []
    return {schedule, policies, escalation: escalationText(policies), feedPath: `${SCHEDULES_DIR}/${scheduleFeedFileName(schedule.key)}`}
  })
  const withShifts = async (feed: ScheduleFeedOf): Promise<ScheduleViewOf> => ({
    ...feed,
    shifts: [...(await input.shiftsFor(feed.schedule.key, computeWindow))].sort((a, b) => a.start - b.start),
  })
  // Everyone in a rotation gets a feed, even with no shift in the window: a subscribed URL must not vanish.
  const people = [...new Set(schedules.flatMap(peopleOf))].sort()
  const personFeeds = people.map((email) => ({email, feedPath: `${USERS_DIR}/${userFeedFileName(email)}`}))
  checkNoCollisions(personFeeds)
  const calendar = (path: string, name: string, description: string, drafts: EventDraft[]): ExportedFile => {
    const revisions = readPreviousRevisions(previous(path) ?? '')
    const events = reviseEvents(drafts, input.busy, revisions)
    return {path, content: renderCalendar({name, description, busy: input.busy, events}), events: events.length}
  }
  // Schedule feeds, noting per person the schedules (ascending) that give them a shift in the
  // window, and each schedule's load for the page (the same shifts as the feeds).
  const schedulesOf = new Map<string, number[]>()
  const loads: ScheduleLoad[] = []
  const zones = userZones({users: input.users})
  const health = input.health ?? emptyHealthSettings()
  for (const [i, feed] of feeds.entries()) {
    const view = await withShifts(feed)
    for (const shift of view.shifts) {
      if (!inWindow(shift, input.window)) continue
      const list = schedulesOf.get(shift.user)
      if (list === undefined) schedulesOf.set(shift.user, [i])
      else if (list[list.length - 1] !== i) list.push(i)
    }
    loads.push(withoutIntervals(scheduleLoadOf(feed.schedule, view.shifts, zones, health, input.window)))
    const drafts = shiftEventDrafts(view, 'schedule', input.window, nameOf)
    yield calendar(feed.feedPath, `On call: ${feed.schedule.name}`, withNote(feed.schedule.description, input.basisNote), drafts)
  }
  // Person feeds: a schedule's shifts are held (indexed by person) from the first person feed that
  // needs them to the last; people in one team sort near each other, so few are held at once.
  const usesLeft = new Map<number, number>()
  for (const p of personFeeds) for (const i of schedulesOf.get(p.email) ?? []) usesLeft.set(i, (usesLeft.get(i) ?? 0) + 1)
  const held = new Map<number, {view: ScheduleViewOf; byUser: Map<string, number[]>}>()
  for (const p of personFeeds) {
    const drafts: EventDraft[] = []
    for (const i of schedulesOf.get(p.email) ?? []) {
      let entry = held.get(i)
      if (entry === undefined) {
        const view = await withShifts(feeds[i] as ScheduleFeedOf)
        const byUser = new Map<string, number[]>()
        view.shifts.forEach((shift, si) => {
          if (!inWindow(shift, input.window)) return
          const list = byUser.get(shift.user)
          if (list) list.push(si)
          else byUser.set(shift.user, [si])
        })
        entry = {view, byUser}
        held.set(i, entry)
      }
      for (const si of entry.byUser.get(p.email) ?? []) drafts.push(shiftEventDraft(entry.view, si, 'user', nameOf, entry.view.escalation))
      const left = (usesLeft.get(i) ?? 1) - 1
      if (left > 0) usesLeft.set(i, left)
      else held.delete(i)
    }
    drafts.sort((a, b) => a.start - b.start || cmp(a.uid, b.uid))
    const description = withNote(`On-call shifts of ${nameOf(p.email)} across all schedules.`, input.basisNote)
    yield calendar(p.feedPath, `On call: ${nameOf(p.email)}`, description, drafts)
  }
  const page = {schedules: feeds, people: personFeeds, window: input.window, now: input.now, baseUrl: input.baseUrl, nameOf, load: loadView(input, loads), basisNote: input.basisNote}
  const allShifts = (list: readonly ScheduleFeed[]) => Promise.all(list.map((f) => withShifts(f as ScheduleFeedOf)))
  if (feeds.length <= SPLIT_ABOVE_SCHEDULES) {
    yield {path: INDEX_FILE, content: renderIndexPage({...page, schedules: await allShifts(feeds)})}
    return
  }
  yield* teamPages(page, allShifts)
  yield {path: INDEX_FILE, content: renderSplitIndex(page, (key) => input.teamNames?.get(key) ?? key)}
}

type ScheduleFeedOf = ScheduleFeed & {readonly escalation: string}
type ScheduleViewOf = ScheduleFeedOf & ScheduleShifts & ScheduleView

/** Per team, each person's hours in the export window, from the loads of the feeds' shifts. */
function loadView(input: ExportInput, loads: readonly ScheduleLoad[]): TeamLoadView[] {
  const report = reportFromLoads({users: input.users, teams: input.teams ?? new Map()}, input.window, 'config', loads)
  return report.teams.map((t) => ({team: t.team, name: t.name, people: t.people}))
}

/**
 * A schedule's load as the page's load view keeps it until the end: its figures without each
 * person's on-call intervals (only team rules read those). Kept, the intervals of every schedule
 * were every shift of the year again, the export's largest holding (issue 14).
 */
function withoutIntervals(load: ScheduleLoad): ScheduleLoad {
  return {...load, people: load.people.map((p) => ({...p, intervals: []}))}
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
  const made = new Set<string>()
  for await (const f of exportFiles(input, (path) => {
    const content = before(path)
    return content !== undefined && isOurs(path, content) ? content : undefined
  })) {
    files.push({path: f.path, events: f.events})
    // Encoded once, for the hash and the write.
    const bytes = Buffer.from(f.content, 'utf8')
    hashes.set(f.path, contentHash(bytes))
    if (before(f.path) === f.content) {
      unchanged.push(f.path)
      continue
    }
    await writeAtomically(join(input.outDir, f.path), bytes, made)
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
  if (readIfExists(join(input.outDir, manifest)) !== manifestText) await writeAtomically(join(input.outDir, manifest), manifestText, made)
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

/** Writes `path` whole or not at all; `made` remembers the directories already created (one mkdir per directory, not per file). */
async function writeAtomically(path: string, content: string | Buffer, made: Set<string>): Promise<void> {
  const dir = dirname(path)
  if (!made.has(dir)) {
    await mkdir(dir, {recursive: true})
    made.add(dir)
  }
  const tmp = `${path}.${process.pid}.tmp`
  await writeFile(tmp, content, 'utf8')
  await rename(tmp, path)
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
