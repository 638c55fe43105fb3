import {restriction} from '../normalize.js'
import type {Rule} from './context.js'

/** A restriction window must have a length (a full day or week is written by leaving it out). */
export const restrictionWindows: Rule = (ctx) => {
  for (const [key, s] of ctx.config.schedules) {
    s.layers?.forEach((l, i) => {
      ;(l.restrictions ?? []).forEach((r, j) => {
        if (restriction(r).durationMinutes === 0) {
          const kind = 'daily' in r ? 'daily' : 'weekly' in r ? 'weekly' : 'weekdays'
          const from = 'daily' in r ? r.daily.from : 'weekly' in r ? r.weekly.from : r.weekdays.from
          ctx.report({
            code: 'empty-restriction',
            message: `${kind} window from \`${from}\` to the same time has zero length`,
            path: ['schedules', key, 'layers', i, 'restrictions', j, kind],
            hint: 'to be on call all the time, leave the restriction out',
          })
        }
      })
    })
  }
}
