import {formatInZone} from '../../schedule/format-local.js'
import type {PlannedOverride, ScheduleOverridePlan} from '../override-plan.js'
import type {Plan} from '../plan.js'
import {shiftPreviewView} from './shift-preview-view.js'
import type {FieldView, ResourceView} from './view.js'

/**
 * The overrides of a plan as resource blocks of the shared view, one per schedule with overrides
 * to create or delete: each override with its person, span on the schedule's wall clock and the
 * person it replaces, then the schedule's shift preview (who gains and loses time).
 */
export function overrideResourceViews(plan: Plan): ResourceView[] {
  const out: ResourceView[] = []
  for (const o of plan.overrides ?? []) {
    if (o.create.length === 0 && o.delete.length === 0) continue
    const fields: FieldView[] = [
      ...o.create.map((c): FieldView => ({sign: '+', path: 'override', before: null, after: describeOverride(c, o)})),
      ...o.delete.map((d): FieldView => ({sign: '-', path: 'override', before: `${describeOverride(d, o)} (made outside the config)`, after: null})),
    ]
    const previews = (plan.shiftPreviews ?? []).filter((p) => p.schedule === o.schedule)
    const preview = previews[previews.length - 1]
    out.push({
      sign: '~',
      kind: 'update',
      type: 'schedule',
      key: o.schedule,
      title: `overrides of schedule ${o.schedule}`,
      note: o.exclusive ? '(overrides: exclusive)' : null,
      fields,
      ...(preview ? {shifts: shiftPreviewView(preview)} : {}),
    })
  }
  return out
}

/** `ken@example.com tue 2026-03-03 10:00 – wed 2026-03-04 10:00 Asia/Tokyo, instead of mei@example.com (time off: holiday)` */
export function describeOverride(o: PlannedOverride, plan: Pick<ScheduleOverridePlan, 'timeZone'>): string {
  const span = `${formatInZone(Date.parse(o.start), plan.timeZone)} – ${formatInZone(Date.parse(o.end), plan.timeZone)} ${plan.timeZone}`
  const inRotation = o.rotation === undefined ? '' : o.rotation === null ? ' in a custom shift' : ` in rotation ${o.rotation}`
  const instead = o.replaces && o.replaces !== o.user ? `${inRotation}, instead of ${o.replaces}` : o.replaces === null ? `${inRotation}, where nobody is on call` : inRotation
  const why = o.origin === 'time_off' ? ` (covers time off${o.note ? `: ${o.note}` : ''})` : o.note ? ` (${o.note})` : ''
  return `${o.user} ${span}${instead}${why}`
}
