import type {Rule} from './context.js'

/** A schedule needs at least one layer and a layer at least one user. */
export const layersNotEmpty: Rule = (ctx) => {
  for (const [key, s] of ctx.config.schedules) {
    if (s.layers.length === 0) ctx.report({code: 'empty-schedule', message: `schedule \`${key}\` has no layers`, path: ['schedules', key, 'layers']})
    s.layers.forEach((l, i) => {
      if (l.users.length === 0) ctx.report({code: 'empty-layer', message: 'layer has no users', path: ['schedules', key, 'layers', i, 'users']})
    })
  }
}
