import {Document} from 'yaml'
import type {WrittenOverride} from '../config/written.js'
import type {Override} from '../model/override.js'
import type {Schedule} from '../model/schedule.js'
import type {LiveOverride, LiveV3Override} from '../plan/override-plan.js'
import {rotationOverrides} from '../schedule/v3/rotation-overrides.js'
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

/**
 * A shift-based schedule's live v3 overrides as `overrides:` entries. Each entry names its
 * `rotation:`; v3 overrides of one rotation with the same person, start and end are one entry
 * when they replace exactly the members the entry would replace by default (everyone the rotation
 * has on call in the span), else one entry per member with `replaces:`, so the plan reads back
 * exactly the live overrides. What the language cannot say is returned as a warning naming the
 * override: overrides of custom shifts or of rotations that no longer exist, empty members, users
 * the account does not list, times with seconds.
 */
export function writtenV3Overrides(
  schedule: Schedule,
  live: readonly LiveV3Override[],
  rotationNames: ReadonlyMap<string, string>,
): {overrides: WrittenOverride[]; warnings: string[]} {
  const warnings: string[] = []
  const why = (o: LiveV3Override, reason: string) => warnings.push(`schedule ${schedule.key}: override ${o.id} not imported: ${reason}`)
  const groups = new Map<string, {rotation: string; user: string; start: number; end: number; members: LiveV3Override[]}>()
  for (const o of live) {
    if (o.customShiftId !== undefined) {
      why(o, 'it overrides a custom shift, which the language has no form for (apply leaves it alone)')
      continue
    }
    const rotation = o.rotationId === undefined ? undefined : rotationNames.get(o.rotationId)
    if (rotation === undefined || !(schedule.rotations ?? []).some((r) => r.name === rotation)) {
      why(o, `its rotation ${o.rotationId ?? '(none)'} is not a current rotation of the schedule`)
      continue
    }
    if (o.user === null || o.overridden === null) {
      why(o, `its ${o.user === null ? 'overriding' : 'overridden'} member is an empty_member slot, which the language has no form for`)
      continue
    }
    const unknown = [o.user, o.overridden].find((m) => !m.includes('@'))
    if (unknown !== undefined) {
      why(o, `its user ${unknown} is not in the account`)
      continue
    }
    const key = `${rotation}|${o.user}|${o.start}|${o.end}`
    const group = groups.get(key) ?? {rotation, user: o.user, start: o.start, end: o.end, members: []}
    group.members.push(o)
    groups.set(key, group)
  }
  const overrides: WrittenOverride[] = []
  for (const g of groups.values()) {
    const start = timeText(g.start, schedule.timeZone)
    const end = timeText(g.end, schedule.timeZone)
    if (start === undefined || end === undefined) {
      for (const o of g.members) why(o, 'its times have seconds, which the language cannot write')
      continue
    }
    const entry: WrittenOverride = {schedule: schedule.key, user: g.user, start, end, rotation: g.rotation}
    const asConfig: Override = {schedule: schedule.key, user: g.user, start: g.start, end: g.end, note: null, origin: {kind: 'declared', index: -1}, rotation: g.rotation}
    const byDefault = rotationOverrides(schedule, [asConfig]).map((p) => p.overridden)
    const members = [...new Set(g.members.map((o) => o.overridden as string))].sort()
    if (members.length === byDefault.length && members.every((m, i) => m === byDefault[i])) overrides.push(entry)
    else overrides.push(...members.map((m) => ({...entry, replaces: m})))
  }
  return {overrides, warnings}
}
