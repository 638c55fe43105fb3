import {unionOf} from '../../schedule/interval.js'
import type {TimeWindow} from '../../schedule/shift.js'
import {EventExpander} from '../../schedule/v3/event-shifts.js'
import {engineEvent} from './parse.js'
import type {MemberRec, V3ScheduleRec} from './records.js'

/** One computed shift assignment (spec ComputedShiftAssignment), before formatting. */
export interface Assignment {
  start: number
  end: number
  member: string
  source: {type: 'schedule_rotation' | 'custom_shift' | 'schedule_rotation_override' | 'custom_shift_override'; rotation_id?: string; shift_id?: string; override_id?: string}
}

/**
 * The final schedule of a v3 schedule in `window`: every rotation's event shifts (deleted
 * rotations keep their past shifts), custom shifts, then overrides, each of which hands the part
 * of the overridden member's shift from its rotation (or custom shift) inside the override's
 * time to the overriding member. Rotations are concurrent (v3 has no layer precedence), so two
 * assignments may cover the same time. `overflow` keeps shifts whole instead of cutting them at
 * the window's edges. Adjacent pieces of the same member from the same source are joined.
 */
export function computeFinalSchedule(s: V3ScheduleRec, window: TimeWindow, overflow: boolean): {assignments: Assignment[]; coveragePercent: number} {
  // Expand a bit beyond the window so overflow can show whole shifts (long shifts: up to 31 days).
  const wide = overflow ? {start: window.start - 31 * DAY, end: window.end + 31 * DAY} : window
  let out: Assignment[] = []
  for (const r of s.rotations) {
    for (const e of r.events) {
      for (const sh of new EventExpander(engineEvent(e)).shifts(wide)) {
        out.push({start: sh.start, end: sh.end, member: sh.member, source: {type: 'schedule_rotation', rotation_id: r.id}})
      }
    }
  }
  for (const c of s.custom_shifts) {
    if (c.member !== null) out.push({start: c.start, end: c.end, member: c.member, source: {type: 'custom_shift', shift_id: c.id}})
  }
  for (const o of s.overrides) out = applyOverride(out, o)
  out = joinAdjacent(out.sort(order))
  const visible = out
    .filter((a) => a.end > window.start && a.start < window.end)
    .map((a) => (overflow ? a : {...a, start: Math.max(a.start, window.start), end: Math.min(a.end, window.end)}))
  const covered = unionOf(visible.map((a) => ({start: Math.max(a.start, window.start), end: Math.min(a.end, window.end)}))).reduce((n, i) => n + i.end - i.start, 0)
  const span = window.end - window.start
  return {assignments: visible, coveragePercent: span <= 0 ? 0 : Math.round((covered / span) * 10_000) / 100}
}

function applyOverride(list: Assignment[], o: V3ScheduleRec['overrides'][number]): Assignment[] {
  const out: Assignment[] = []
  for (const a of list) {
    const fromRotation = o.rotation_id !== undefined && a.source.type === 'schedule_rotation' && a.source.rotation_id === o.rotation_id
    const fromShift = o.custom_shift_id !== undefined && a.source.type === 'custom_shift' && a.source.shift_id === o.custom_shift_id
    const s = Math.max(a.start, o.start)
    const e = Math.min(a.end, o.end)
    if (!(fromRotation || fromShift) || !sameMember(a.member, o.overridden) || e <= s) {
      out.push(a)
      continue
    }
    if (a.start < s) out.push({...a, end: s})
    if (o.overriding !== null) {
      out.push({
        start: s,
        end: e,
        member: o.overriding,
        source: fromRotation
          ? {type: 'schedule_rotation_override', rotation_id: o.rotation_id, override_id: o.id}
          : {type: 'custom_shift_override', shift_id: o.custom_shift_id, override_id: o.id},
      })
    }
    if (e < a.end) out.push({...a, start: e})
  }
  return out
}

function sameMember(a: string, b: MemberRec): boolean {
  return b !== null && a === b
}

function order(a: Assignment, b: Assignment): number {
  return a.start - b.start || a.member.localeCompare(b.member) || a.end - b.end || JSON.stringify(a.source).localeCompare(JSON.stringify(b.source))
}

function joinAdjacent(sorted: Assignment[]): Assignment[] {
  const out: Assignment[] = []
  const last = new Map<string, Assignment>()
  for (const a of sorted) {
    const key = `${a.member}|${JSON.stringify(a.source)}`
    const prev = last.get(key)
    if (prev !== undefined && prev.end === a.start) prev.end = a.end
    else {
      const copy = {...a}
      out.push(copy)
      last.set(key, copy)
    }
  }
  return out
}

const DAY = 86_400_000
