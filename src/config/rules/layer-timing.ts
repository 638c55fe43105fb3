import {analyzeLayerTiming} from '../layer-timing.js'
import {toLocalDateTime} from '../local-time.js'
import type {Rule} from './context.js'

/**
 * handoff/rotation_start/start/end make sense together (docs/language.md "Layer timing
 * rules"); a layer whose `end` has passed is probably forgotten, so it is a warning.
 */
export const layerTiming: Rule = (ctx) => {
  const today = ctx.now.toISOString().slice(0, 16)
  for (const [key, s] of ctx.config.schedules) {
    s.layers?.forEach((l, i) => {
      const path = ['schedules', key, 'layers', i] as const
      for (const p of analyzeLayerTiming(l).problems) {
        ctx.report({code: p.code, message: p.message, path: [...path, p.field], ...(p.hint ? {hint: p.hint} : {})})
      }
      // Compared in UTC: a day's precision is plenty for "this layer has ended".
      const end = l.end === undefined ? undefined : toLocalDateTime(l.end)
      if (end !== undefined && end < today) {
        ctx.report({severity: 'warning', code: 'layer-ended', message: `layer ended at ${end}`, path: [...path, 'end'], hint: 'remove the layer if it is no longer needed'})
      }
    })
  }
}
