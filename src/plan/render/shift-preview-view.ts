import {formatInZone} from '../../schedule/format-local.js'
import {ZoneClock} from '../../schedule/zone-clock.js'
import type {LoadFigures, PersonLoadDelta, PreviewInterval, PreviewShift, ShiftPreview} from '../shift-preview.js'

/**
 * A shift preview in words, shared by the text and markdown renderers: names instead of emails
 * where known, local times on the schedule's wall clock (`mon 2026-03-09 10:00`), the zone once
 * in the heading.
 */
export interface ShiftPreviewView {
  /** `Shifts in the next 28 days (Asia/Tokyo)` */
  readonly heading: string
  /** `On call now: Aiko Tanaka → Ken Sato`, or `On call now: Aiko Tanaka (unchanged)` */
  readonly nowLine: string
  /** People whose on-call time changes, sorted by email. Empty: nobody's time changes. */
  readonly people: readonly PersonView[]
  readonly timeZone: string
  readonly before: readonly GanttBar[]
  readonly after: readonly GanttBar[]
  /** Shifts per side in the window (the bar lists may hold fewer). */
  readonly counts: {readonly before: number; readonly after: number}
}

export interface PersonView {
  /** Name if known, else email. */
  readonly label: string
  /** `mon 2026-03-09 10:00 – mon 2026-03-16 10:00` */
  readonly gained: readonly string[]
  readonly lost: readonly string[]
  /** `nights 63 → 126 h, weekends 48 → 96 h`: the load figures that change, or null. */
  readonly load: string | null
}

export interface GanttBar {
  readonly label: string
  /** Local wall-clock `YYYY-MM-DD HH:mm` in the schedule's zone (Mermaid's dateFormat has no zones). */
  readonly start: string
  readonly end: string
}

export const NO_SHIFT_CHANGES = "No change in who is on call."

export function shiftPreviewView(p: ShiftPreview): ShiftPreviewView {
  const label = (email: string | null): string => (email === null ? 'nobody' : (p.names[email] ?? email))
  // A shift-based schedule can have several people on call at once: name them all.
  const side = (all: readonly string[] | undefined, first: string | null): string => (all === undefined ? label(first) : all.length === 0 ? 'nobody' : all.map(label).join(', '))
  const was = side(p.onCallNow?.before, p.nowBefore)
  const will = side(p.onCallNow?.after, p.nowAfter)
  const now = was === will ? `${will} (unchanged)` : `${was} → ${will}`
  const span = (i: PreviewInterval): string => `${formatInZone(Date.parse(i.start), p.timeZone)} – ${formatInZone(Date.parse(i.end), p.timeZone)}`
  const bar = (s: PreviewShift): GanttBar => ({label: label(s.user), start: localStamp(s.start, p.timeZone), end: localStamp(s.end, p.timeZone)})
  return {
    heading: `Shifts in the next ${p.days} day${p.days === 1 ? '' : 's'} (${p.timeZone})`,
    nowLine: `On call now: ${now}`,
    people: p.people.map((person) => ({
      label: label(person.user),
      gained: person.gained.map(span),
      lost: person.lost.map(span),
      load: describeDelta(p.loadDeltas?.find((d) => d.user === person.user)),
    })),
    timeZone: p.timeZone,
    before: p.before.map(bar),
    after: p.after.map(bar),
    counts: p.shiftCounts,
  }
}

const FIGURES: readonly [keyof LoadFigures, string, string][] = [
  ['hours', 'on call', ' h'],
  ['shifts', 'shifts', ''],
  ['nightHours', 'nights', ' h'],
  ['weekendHours', 'weekends', ' h'],
  ['holidayHours', 'holidays', ' h'],
  ['longestStreakDays', 'longest streak', ' d'],
]

/** The figures that change, before → after (the window of the preview; nights on the person's clock). */
export function describeDelta(d: PersonLoadDelta | undefined): string | null {
  if (d === undefined) return null
  const parts = FIGURES.filter(([k]) => d.before[k] !== d.after[k]).map(([k, name, unit]) => `${name} ${round(d.before[k])} → ${round(d.after[k])}${unit}`)
  return parts.length === 0 ? null : parts.join(', ')
}

function round(n: number): string {
  return String(Math.round(n * 10) / 10)
}

function localStamp(isoUtc: string, timeZone: string): string {
  const local = new Date(ZoneClock.of(timeZone).toLocal(Date.parse(isoUtc))).toISOString()
  return `${local.slice(0, 10)} ${local.slice(11, 16)}`
}
