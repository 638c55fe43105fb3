import {turnSeconds} from '../layer-timing.js'
import type {Rule} from './context.js'

export const MIN_TURN_SECONDS = 3600
export const MAX_TURN_SECONDS = 365 * 86_400

/** PagerDuty accepts turns from 1 hour to 365 days. */
export const turnLength: Rule = (ctx) => {
  for (const [key, s] of ctx.config.schedules) {
    s.layers?.forEach((l, i) => {
      const seconds = turnSeconds(l.turn)
      if (seconds !== undefined && (seconds < MIN_TURN_SECONDS || seconds > MAX_TURN_SECONDS)) {
        ctx.report({code: 'turn-out-of-range', message: `turn \`${l.turn}\` is outside 1h .. 365d`, path: ['schedules', key, 'layers', i, 'turn']})
      }
    })
  }
}
