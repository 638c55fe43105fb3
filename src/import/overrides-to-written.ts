import {Document} from 'yaml'
import type {WrittenOverride} from '../config/written.js'
import type {LiveOverride} from '../plan/override-plan.js'
import {overrideInstant} from '../schedule/override-time.js'
import {ZoneClock} from '../schedule/zone-clock.js'

/**
 * The account's current and future overrides as `overrides:` entries, so that an imported
 * config's who/export agree with the account. Times are written on the schedule's wall clock
 * (`2026-03-10T10:00`); a time that reads back as another instant there (the repeated hour of a
 * fall-back change) gets its offset. Overrides with seconds cannot be written: they are returned
 * as skipped, for a warning.
 */
export function writtenOverrides(
  scheduleKey: string,
  timeZone: string,
  live: readonly LiveOverride[],
): {overrides: WrittenOverride[]; skipped: LiveOverride[]} {
  const overrides: WrittenOverride[] = []
  const skipped: LiveOverride[] = []
  for (const o of live) {
    const start = timeText(o.start, timeZone)
    const end = timeText(o.end, timeZone)
    if (start === undefined || end === undefined) skipped.push(o)
    else overrides.push({schedule: scheduleKey, user: o.user, start, end})
  }
  return {overrides, skipped}
}

function timeText(instant: number, timeZone: string): string | undefined {
  if (instant % 60_000 !== 0) return undefined
  const clock = ZoneClock.of(timeZone)
  const local = new Date(clock.toLocal(instant)).toISOString().slice(0, 16)
  if (overrideInstant(local, timeZone) === instant) return local
  const offset = clock.offsetAt(instant) / 60_000
  const sign = offset < 0 ? '-' : '+'
  const abs = Math.abs(offset)
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`
}

/** `overrides:` as a YAML section (one flow mapping per line), with comment lines above it. */
export function renderOverridesSection(overrides: readonly WrittenOverride[], headerLines: readonly string[]): string {
  const doc = new Document({overrides})
  for (const item of (doc.get('overrides') as {items: {flow?: boolean}[]}).items) item.flow = true
  if (headerLines.length > 0) doc.commentBefore = headerLines.map((l) => (l === '' ? '' : ` ${l}`)).join('\n')
  return doc.toString({lineWidth: 0, flowCollectionPadding: false})
}
