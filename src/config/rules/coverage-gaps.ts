import {computeShifts} from '../../schedule/compute-shifts.js'
import {formatInZone} from '../../schedule/format-local.js'
import type {Shift, TimeWindow} from '../../schedule/shift.js'
import type {Rule} from './context.js'

export const COVERAGE_HORIZON_DAYS = 28
/** Gaps listed per schedule; the rest are counted, so one broken rotation cannot flood the output. */
export const MAX_GAPS_LISTED = 3

/**
 * Warns when a schedule that an escalation policy pages first has nobody on call at some time in
 * the next four weeks (from the injected clock): an incident then would skip straight to the next
 * level after its delay, or page no one. Gaps are shown on the schedule's own clock.
 */
export const coverageGaps: Rule = (ctx) => {
  const state = ctx.state
  if (state === undefined) return
  const pagedFirstBy = new Map<string, string[]>()
  for (const policy of state.escalationPolicies.values()) {
    for (const target of policy.rules[0]?.targets ?? []) {
      if (target.type === 'schedule') pagedFirstBy.set(target.key, [...(pagedFirstBy.get(target.key) ?? []), policy.key])
    }
  }
  const start = ctx.now.getTime()
  const window: TimeWindow = {start, end: start + COVERAGE_HORIZON_DAYS * 86_400_000}
  for (const [key, policies] of [...pagedFirstBy].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const schedule = state.schedules.get(key)
    if (schedule === undefined) continue
    let final: Shift[]
    try {
      final = computeShifts(schedule, window).final
    } catch {
      continue // an invalid zone or time: other rules report it
    }
    const gaps = gapsIn(final, window)
    if (gaps.length === 0) continue
    const zone = schedule.timeZone
    const listed = gaps.slice(0, MAX_GAPS_LISTED).map((g) =>
      g.end === window.end
        ? `from ${formatInZone(g.start, zone)} ${zone} to the end of the ${COVERAGE_HORIZON_DAYS} days checked`
        : `${formatInZone(g.start, zone)} – ${formatInZone(g.end, zone)} ${zone}`,
    )
    const more = gaps.length > MAX_GAPS_LISTED ? `; and ${gaps.length - MAX_GAPS_LISTED} more` : ''
    const by = [...policies].sort()
    ctx.report({
      severity: 'warning',
      code: 'coverage-gap',
      message: `schedule \`${key}\` has nobody on call ${gaps.length} time(s) in the next ${COVERAGE_HORIZON_DAYS / 7} weeks: ${listed.join('; ')}${more}`,
      path: ['schedules', key],
      atKey: true,
      hint: `escalation polic${by.length > 1 ? 'ies' : 'y'} ${by.map((p) => `\`${p}\``).join(', ')} page${by.length > 1 ? '' : 's'} it first; add a layer or widen restrictions so someone always is`,
    })
  }
}

/** The parts of `window` that no shift covers (shifts sorted, non-overlapping). */
function gapsIn(shifts: readonly Shift[], window: TimeWindow): {start: number; end: number}[] {
  const gaps: {start: number; end: number}[] = []
  let cursor = window.start
  for (const s of shifts) {
    if (s.start > cursor) gaps.push({start: cursor, end: s.start})
    cursor = Math.max(cursor, s.end)
  }
  if (cursor < window.end) gaps.push({start: cursor, end: window.end})
  return gaps
}
