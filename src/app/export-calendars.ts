import {readFileSync} from 'node:fs'
import {mkdir, readdir, rename, rm, writeFile} from 'node:fs/promises'
import {dirname, join} from 'node:path'
import type {EscalationPolicy, Schedule, User} from '../model/index.js'
import {computeShifts} from '../schedule/compute-shifts.js'
import type {Shift, TimeWindow} from '../schedule/shift.js'
import {renderCalendar, type EventDraft} from '../export/calendar-feed.js'
import {policiesPagingBySchedule} from '../export/escalation-levels.js'
import {paddedWindow} from '../export/export-window.js'
import {scheduleFeedFileName, userFeedFileName} from '../export/feed-file-names.js'
import {renderIndexPage, type ScheduleView} from '../export/html/index-page.js'
import {renderSplitIndex, SPLIT_ABOVE_SCHEDULES, teamPages} from '../export/html/team-pages.js'
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
    yield calendar(v.feedPath, `On call: ${v.schedule.name}`, v.schedule.description, drafts)
  }
  for (const p of personFeeds) {
    const drafts = (shiftsOf.get(p.email) ?? [])
      .map(([vi, si]) => {
        const v = views[vi] as (typeof views)[number]
        return shiftEventDraft(v, si, 'user', nameOf, v.escalation)
      })
      .sort((a, b) => a.start - b.start || cmp(a.uid, b.uid))
    yield calendar(p.feedPath, `On call: ${nameOf(p.email)}`, `On-call shifts of ${nameOf(p.email)} across all schedules`, drafts)
  }
  const page = {schedules: views, people: personFeeds, window: input.window, now: input.now, baseUrl: input.baseUrl, nameOf}
  if (views.length <= SPLIT_ABOVE_SCHEDULES) {
    yield {path: INDEX_FILE, content: renderIndexPage(page)}
    return
  }
  yield* teamPages(page)
  yield {path: INDEX_FILE, content: renderSplitIndex(page, (key) => input.teamNames?.get(key) ?? key)}
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
  readonly removed: readonly string[]
}

/**
 * Builds the export and writes it to `outDir` as it goes: each file atomically (temp file +
 * rename, so a web server never serves half a feed), unchanged files untouched, and .ics files of
 * schedules or people no longer in the config removed, so the directory mirrors the config.
 * Earlier files are read one at a time, when their successor is built, never all at once.
 */
export async function exportCalendars(input: ExportInput & {readonly outDir: string}): Promise<ExportReport> {
  const old = new Set<string>()
  for (const sub of [SCHEDULES_DIR, USERS_DIR]) for (const name of await listIcs(join(input.outDir, sub))) old.add(`${sub}/${name}`)
  for (const name of await listTeamPages(input.outDir)) old.add(name)
  // The one earlier file in hand: read for its SEQUENCE numbers, then compared with its successor.
  let last: {path: string; content: string | undefined} | undefined
  const before = (path: string): string | undefined => {
    if (last?.path !== path) last = {path, content: old.has(path) || path === INDEX_FILE ? readIfExists(join(input.outDir, path)) : undefined}
    return last.content
  }
  const files: Omit<ExportedFile, 'content'>[] = []
  const written: string[] = []
  const unchanged: string[] = []
  for await (const f of exportFiles(input, before)) {
    files.push({path: f.path, events: f.events})
    if (before(f.path) === f.content) {
      unchanged.push(f.path)
      continue
    }
    await writeAtomically(join(input.outDir, f.path), f.content)
    written.push(f.path)
  }
  const keep = new Set(files.map((f) => f.path))
  const removed = [...old].filter((p) => !keep.has(p)).sort()
  for (const p of removed) await rm(join(input.outDir, p), {force: true})
  return {files, written, unchanged, removed}
}

function readIfExists(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
}

/** Pages an earlier split export wrote (html/team-pages.ts teamPagePath): removed when no longer written. */
async function listTeamPages(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir, {withFileTypes: true})).filter((e) => e.isFile() && /^team-[a-z0-9_-]+\.html$/i.test(e.name)).map((e) => e.name).sort()
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw error
  }
}

async function listIcs(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir, {withFileTypes: true})).filter((e) => e.isFile() && e.name.endsWith('.ics')).map((e) => e.name).sort()
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
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
