import type {EscalationPolicy, Schedule} from '../../model/index.js'
import {computeShifts} from '../../schedule/compute-shifts.js'
import {formatInZone} from '../../schedule/format-local.js'
import {unionOf, type Interval} from '../../schedule/interval.js'
import type {TimeWindow} from '../../schedule/shift.js'
import type {Rule} from './context.js'

export const COVERAGE_HORIZON_DAYS = 28
/** Gaps listed per warning; the rest are counted, so one broken rotation cannot flood the output. */
export const MAX_GAPS_LISTED = 3

/**
 * Warns when the first level of an escalation policy would page nobody at some time in the next
 * four weeks (from the injected clock): an incident then waits for the next level's delay, or
 * pages no one at all. The first level is judged as a whole: a user target always answers, and
 * several schedules cover for each other (follow-the-sun), so only times when none of its
 * schedules has anyone count. Gaps are shown on the clock of the (first) schedule.
 *
 * Where the first level is a single schedule the warning points at that schedule (once, naming
 * every policy that pages it first); with several schedules it points at the policy's first rule.
 */
export const coverageGaps: Rule = (ctx) => {
  const state = ctx.state
  if (state === undefined) return
  const start = ctx.now.getTime()
  const window: TimeWindow = {start, end: start + COVERAGE_HORIZON_DAYS * 86_400_000}
  const gapsOf = memo((keys: string) => levelGaps(keys.split('\n').map((k) => state.schedules.get(k)), window))

  const singles = new Map<string, string[]>() // schedule key → policies paging only it first
  const policies = [...state.escalationPolicies.values()].sort((a, b) => cmp(a.key, b.key))
  for (const policy of policies) {
    const targets = policy.rules[0]?.targets ?? []
    if (targets.length === 0 || targets.some((t) => t.type === 'user')) continue
    const keys = [...new Set(targets.flatMap((t) => (t.type === 'schedule' ? [t.key] : [])))]
    if (keys.length === 1) singles.set(keys[0] as string, [...(singles.get(keys[0] as string) ?? []), policy.key])
    else reportPolicy(policy, keys)
  }
  for (const [key, by] of [...singles].sort(([a], [b]) => cmp(a, b))) {
    const gaps = gapsOf(key)
    const schedule = state.schedules.get(key)
    if (gaps === null || gaps.length === 0 || schedule === undefined) continue
    ctx.report({
      severity: 'warning',
      code: 'coverage-gap',
      message: `schedule \`${key}\` has nobody on call ${describeGaps(gaps, window, schedule.timeZone)}`,
      path: ['schedules', key],
      atKey: true,
      hint: `escalation polic${by.length > 1 ? 'ies' : 'y'} ${by.map((p) => `\`${p}\``).join(', ')} page${by.length > 1 ? '' : 's'} it first; ${schedule.rotations !== undefined ? 'add an event or a rotation' : 'add a layer or widen restrictions'} so someone always is`,
    })
  }

  function reportPolicy(policy: EscalationPolicy, keys: string[]): void {
    const gaps = gapsOf(keys.join('\n'))
    const zone = state?.schedules.get(keys[0] as string)?.timeZone
    if (gaps === null || gaps.length === 0 || zone === undefined) return
    ctx.report({
      severity: 'warning',
      code: 'coverage-gap',
      message: `the first level of escalation policy \`${policy.key}\` (${keys.map((k) => `\`${k}\``).join(', ')}) has nobody on call ${describeGaps(gaps, window, zone)}`,
      path: ['escalation_policies', policy.key, 'rules', 0],
      hint: 'add a layer or widen restrictions so that one of these schedules always has someone, or add a user target',
    })
  }
}

/** Times in `window` when none of the schedules has anyone; null when one cannot be computed. */
function levelGaps(schedules: (Schedule | undefined)[], window: TimeWindow): Interval[] | null {
  const covered: Interval[] = []
  for (const schedule of schedules) {
    if (schedule === undefined) return null // an unknown reference: other rules report it
    try {
      covered.push(...computeShifts(schedule, window).final)
    } catch {
      return null // an invalid zone or time: other rules report it
    }
  }
  const gaps: Interval[] = []
  let cursor = window.start
  for (const c of unionOf(covered)) {
    if (c.start > cursor) gaps.push({start: cursor, end: c.start})
    cursor = Math.max(cursor, c.end)
  }
  if (cursor < window.end) gaps.push({start: cursor, end: window.end})
  return gaps
}

/** `3 time(s) in the next 4 weeks: sat 2026-03-07 18:00 – mon 2026-03-09 09:00 Asia/Tokyo; ...; and 1 more` */
function describeGaps(gaps: readonly Interval[], window: TimeWindow, zone: string): string {
  const listed = gaps.slice(0, MAX_GAPS_LISTED).map((g) =>
    g.end === window.end
      ? `from ${formatInZone(g.start, zone)} ${zone} to the end of the ${COVERAGE_HORIZON_DAYS} days checked`
      : `${formatInZone(g.start, zone)} – ${formatInZone(g.end, zone)} ${zone}`,
  )
  const more = gaps.length > MAX_GAPS_LISTED ? `; and ${gaps.length - MAX_GAPS_LISTED} more` : ''
  return `${gaps.length} time(s) in the next ${COVERAGE_HORIZON_DAYS / 7} weeks: ${listed.join('; ')}${more}`
}

function memo<T>(f: (key: string) => T): (key: string) => T {
  const cache = new Map<string, T>()
  return (key) => {
    if (!cache.has(key)) cache.set(key, f(key))
    return cache.get(key) as T
  }
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
