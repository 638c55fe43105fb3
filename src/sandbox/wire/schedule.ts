import type {Shift} from '../../schedule/shift.js'
import type {SandboxContext} from '../context.js'
import {policiesTargetingSchedule} from '../lookup.js'
import {objectHead, reference, type Reference} from '../references.js'
import {coveragePercentage, renderSchedule, type RenderedScheduleRec} from '../render.js'
import type {LayerRec, ScheduleRec} from '../state.js'
import {formatInZone} from '../time-format.js'
import {teamRef} from './team.js'
import {userRef} from './user.js'

export function scheduleRef(ctx: SandboxContext, id: string): Reference {
  const s = ctx.state.schedules.find((x) => x.id === id)
  return reference(ctx, 'schedule', id, s?.name ?? 'Deleted Schedule')
}

export interface ScheduleView {
  /** Emit schedule_layers (GET /schedules only with include[]=schedule_layers). */
  layers: boolean
  /** Emit final_schedule / overrides_subschedule. */
  subschedules: boolean
  /** Render entries in this window (since/until); without it entries are empty, as in PD. */
  window: {start: number; end: number} | null
  /** Offset zone for every timestamp: the request's time_zone, else the schedule's. */
  zone: string
  /** overflow=true: entries keep their full extent instead of being cut at since/until. */
  overflow?: boolean
}

/**
 * Renders the view's window. With overflow the engine renders a wider window (one longest turn
 * or override plus a day on each side) and the shifts touching the asked window are kept whole (notes §3.3:
 * a daily midnight rotation queried 10:00-14:00 gives 00:00-24:00 with overflow=true).
 */
function render(s: ScheduleRec, view: ScheduleView): RenderedScheduleRec {
  const w = view.window
  if (!w) return {final: [], layers: s.layers.map(() => []), overrides: []}
  if (!view.overflow) return renderSchedule(s, w)
  // Overrides may be longer than any turn: the margin covers the longest one too.
  const longest = Math.max(0, ...s.layers.map((l) => l.rotation_turn_length_seconds * 1000), ...(s.overrides ?? []).map((o) => o.end - o.start))
  const margin = longest + 86_400_000
  const wide = renderSchedule(s, {start: w.start - margin, end: w.end + margin})
  const touching = (shifts: Shift[]) => shifts.filter((x) => x.end > w.start && x.start < w.end)
  return {final: touching(wide.final), layers: wide.layers.map(touching), overrides: touching(wide.overrides)}
}

/** Coverage counts only the part of each shift inside the window. */
function coverage(shifts: readonly Shift[], w: {start: number; end: number}): number {
  return coveragePercentage(shifts.map((x) => ({...x, start: Math.max(x.start, w.start), end: Math.min(x.end, w.end)})), w)
}

function entries(ctx: SandboxContext, shifts: readonly Shift[], zone: string): Record<string, unknown>[] {
  return shifts.map((s) => ({start: formatInZone(s.start, zone), end: formatInZone(s.end, zone), user: userRef(ctx, s.user)}))
}

function layerWire(ctx: SandboxContext, l: LayerRec, shifts: readonly Shift[], view: ScheduleView): Record<string, unknown> {
  return {
    id: l.id,
    name: l.name,
    start: formatInZone(l.start, view.zone),
    end: l.end === null ? null : formatInZone(l.end, view.zone),
    rotation_virtual_start: formatInZone(l.rotation_virtual_start, view.zone),
    rotation_turn_length_seconds: l.rotation_turn_length_seconds,
    users: l.users.map((id) => ({user: userRef(ctx, id)})),
    restrictions: l.restrictions.map((r) => ({...r})),
    rendered_schedule_entries: entries(ctx, shifts, view.zone),
    rendered_coverage_percentage: view.window ? coverage(shifts, view.window) : null,
  }
}

/** Union of the layers' users, in first-seen order (Schedule.users, readOnly). */
function scheduleUsers(s: ScheduleRec): string[] {
  return [...new Set(s.layers.flatMap((l) => l.users))]
}

export function scheduleWire(ctx: SandboxContext, s: ScheduleRec, view: ScheduleView): Record<string, unknown> {
  const rendered = render(s, view)
  const out: Record<string, unknown> = {
    ...objectHead(ctx, 'schedule', s.id, s.name, false),
    name: s.name,
    description: s.description,
    time_zone: s.time_zone,
    users: scheduleUsers(s).map((id) => userRef(ctx, id)),
    teams: s.teams.map((id) => teamRef(ctx, id)),
    escalation_policies: policiesTargetingSchedule(ctx, s.id).map((p) => reference(ctx, 'escalation_policy', p.id, p.name)),
  }
  if (view.layers) {
    // PD returns layers in the reverse of the written order: highest precedence first (notes §4.5).
    out.schedule_layers = s.layers.map((l, i) => layerWire(ctx, l, rendered.layers[i] ?? [], view)).reverse()
  }
  if (view.subschedules) {
    out.final_schedule = {
      name: 'Final Schedule',
      rendered_schedule_entries: entries(ctx, rendered.final, view.zone),
      rendered_coverage_percentage: view.window ? coverage(rendered.final, view.window) : null,
    }
    out.overrides_subschedule = {
      name: 'Overrides',
      rendered_schedule_entries: entries(ctx, rendered.overrides, view.zone),
      rendered_coverage_percentage: view.window ? coverage(rendered.overrides, view.window) : null,
    }
  }
  return out
}
