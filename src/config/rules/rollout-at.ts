import {parseLocalDateTime} from '../../schedule/local-time.js'
import type {WrittenRollout} from '../written.js'
import type {Rule} from './context.js'

/**
 * `rollout: {at: ...}` must name a real local date-time (the schema checks only the shape, so
 * 2026-02-30T10:00 gets here). A time that has already passed is allowed but said: the change
 * then applies at once, like `immediate`.
 */
export const rolloutAt: Rule = (ctx) => {
  for (const [key, s] of ctx.config.schedules) {
    check(s.rollout, ['schedules', key, 'rollout'])
    s.layers?.forEach((l, i) => check(l.rollout, ['schedules', key, 'layers', i, 'rollout']))
    s.rotations?.forEach((r, i) => r.events.forEach((e, j) => check(e.rollout, ['schedules', key, 'rotations', i, 'events', j, 'rollout'])))
  }

  function check(r: WrittenRollout | undefined, path: readonly (string | number)[]): void {
    if (r === undefined || typeof r === 'string') return
    try {
      parseLocalDateTime(r.at)
    } catch {
      ctx.report({code: 'invalid-rollout-at', message: `rollout.at ${r.at} is not a date-time`, path: [...path, 'at'], hint: 'write YYYY-MM-DDTHH:MM, e.g. 2026-03-16T10:00'})
      return
    }
    // Compared in UTC: a day's precision is plenty for "this time has passed".
    if (r.at < ctx.now.toISOString().slice(0, 16)) {
      ctx.report({severity: 'warning', code: 'rollout-at-passed', message: `rollout.at ${r.at} has passed: a change applies at once`, path: [...path, 'at']})
    }
  }
}
