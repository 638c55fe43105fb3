import {mkdir, readdir, readFile, rename, rm, writeFile} from 'node:fs/promises'
import {dirname, join} from 'node:path'
import type {EscalationPolicy, Schedule, User} from '../model/index.js'
import {computeShifts} from '../schedule/compute-shifts.js'
import type {Shift, TimeWindow} from '../schedule/shift.js'
import {renderCalendar, type EventDraft} from '../export/calendar-feed.js'
import {policiesPaging} from '../export/escalation-levels.js'
import {paddedWindow} from '../export/export-window.js'
import {scheduleFeedFileName, userFeedFileName} from '../export/feed-file-names.js'
import {renderIndexPage, type ScheduleView} from '../export/html/index-page.js'
import {readPreviousRevisions, reviseEvents} from '../export/revision.js'
import {shiftEventDrafts, type ScheduleShifts} from '../export/shift-events.js'

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
  const schedules = [...input.schedules].sort((a, b) => cmp(a.key, b.key))
  const policies = [...input.policies]
  const nameOf = (email: string): string => input.users.get(email)?.name || email
  const computeWindow = paddedWindow(input.window)
  const views: (ScheduleShifts & ScheduleView)[] = []
  for (const schedule of schedules) {
    const shifts = [...(await input.shiftsFor(schedule.key, computeWindow))].sort((a, b) => a.start - b.start)
    views.push({schedule, shifts, policies: policiesPaging(schedule.key, policies), feedPath: `${SCHEDULES_DIR}/${scheduleFeedFileName(schedule.key)}`})
  }
  const calendar = (path: string, name: string, description: string, drafts: EventDraft[]): ExportedFile => {
    const revisions = readPreviousRevisions(previous(path) ?? '')
    const events = reviseEvents(drafts, input.busy, revisions)
    return {path, content: renderCalendar({name, description, busy: input.busy, events}), events: events.length}
  }
  const files: ExportedFile[] = []
  for (const v of views) {
    const drafts = shiftEventDrafts(v, 'schedule', input.window, nameOf)
    files.push(calendar(v.feedPath, `On call: ${v.schedule.name}`, v.schedule.description, drafts))
  }
  // Everyone in a rotation gets a feed, even with no shift in the window: a subscribed URL must not vanish.
  const people = [...new Set(schedules.flatMap((s) => s.layers.flatMap((l) => l.users)))].sort()
  const personFeeds = people.map((email) => ({email, feedPath: `${USERS_DIR}/${userFeedFileName(email)}`}))
  checkNoCollisions(personFeeds)
  for (const p of personFeeds) {
    const drafts = views
      .flatMap((v) => shiftEventDrafts(v, 'user', input.window, nameOf, p.email))
      .sort((a, b) => a.start - b.start || cmp(a.uid, b.uid))
    files.push(calendar(p.feedPath, `On call: ${nameOf(p.email)}`, `On-call shifts of ${nameOf(p.email)} across all schedules`, drafts))
  }
  const page = renderIndexPage({schedules: views, people: personFeeds, window: input.window, now: input.now, baseUrl: input.baseUrl, nameOf})
  files.push({path: INDEX_FILE, content: page})
  return files
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
  readonly files: readonly ExportedFile[]
  readonly written: readonly string[]
  readonly unchanged: readonly string[]
  readonly removed: readonly string[]
}

/**
 * Builds the export and writes it to `outDir`: each file atomically (temp file + rename, so a web
 * server never serves half a feed), unchanged files untouched, and .ics files of schedules or
 * people no longer in the config removed, so the directory mirrors the config.
 */
export async function exportCalendars(input: ExportInput & {readonly outDir: string}): Promise<ExportReport> {
  const old = new Map<string, string>()
  for (const sub of [SCHEDULES_DIR, USERS_DIR]) {
    for (const name of await listIcs(join(input.outDir, sub))) old.set(`${sub}/${name}`, await readFile(join(input.outDir, sub, name), 'utf8'))
  }
  const oldIndex = await readFile(join(input.outDir, INDEX_FILE), 'utf8').catch(() => undefined)
  const files = await buildExport(input, (p) => old.get(p))
  const written: string[] = []
  const unchanged: string[] = []
  for (const f of files) {
    const before = f.path === INDEX_FILE ? oldIndex : old.get(f.path)
    if (before === f.content) {
      unchanged.push(f.path)
      continue
    }
    await writeAtomically(join(input.outDir, f.path), f.content)
    written.push(f.path)
  }
  const keep = new Set(files.map((f) => f.path))
  const removed = [...old.keys()].filter((p) => !keep.has(p)).sort()
  for (const p of removed) await rm(join(input.outDir, p), {force: true})
  return {files, written, unchanged, removed}
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
