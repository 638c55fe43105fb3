import type {Rule} from './context.js'

/**
 * A schedule is layer-based (layers) or shift-based (rotations), never both and never neither; it
 * needs at least one layer and a layer at least one user. Shift-based checks: shift-events.ts.
 */
export const layersNotEmpty: Rule = (ctx) => {
  for (const [key, s] of ctx.config.schedules) {
    if (s.layers !== undefined && s.rotations !== undefined) {
      ctx.report({code: 'schedule-kind', message: `schedule \`${key}\` has both layers and rotations: a schedule is either layer-based or shift-based`, path: ['schedules', key, 'rotations'], atKey: true})
      continue
    }
    if (s.rotations !== undefined) continue
    if (s.layers === undefined || s.layers.length === 0) {
      ctx.report({code: 'empty-schedule', message: `schedule \`${key}\` has no layers`, path: ['schedules', key, s.layers === undefined ? 'time_zone' : 'layers'], atKey: s.layers === undefined, hint: s.layers === undefined ? 'add layers (layer-based) or rotations (shift-based)' : undefined})
      continue
    }
    s.layers.forEach((l, i) => {
      if (l.users.length === 0) ctx.report({code: 'empty-layer', message: 'layer has no users', path: ['schedules', key, 'layers', i, 'users']})
    })
  }
}
