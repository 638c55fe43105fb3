import type {DataPath} from '../source-position.js'
import {canonicalZone, nearestZone} from '../time-zone.js'
import type {Rule, RuleContext} from './context.js'

/** Every zone is a known IANA zone; aliases (`Japan`, `US/Eastern`) work but are flagged. */
export const timeZonesValid: Rule = (ctx) => {
  ctx.config.users.forEach((u, i) => u.time_zone !== undefined && check(ctx, u.time_zone, ['users', i, 'time_zone']))
  for (const [key, s] of ctx.config.schedules) check(ctx, s.time_zone, ['schedules', key, 'time_zone'])
  for (const [key, s] of ctx.config.services) {
    if (typeof s.urgency === 'object') check(ctx, s.urgency.support_hours.time_zone, ['services', key, 'urgency', 'support_hours', 'time_zone'])
  }
}

function check(ctx: RuleContext, zone: string, path: DataPath): void {
  const canonical = canonicalZone(zone)
  if (canonical === undefined) {
    const near = nearestZone(zone)
    ctx.report({code: 'invalid-time-zone', message: `\`${zone}\` is not an IANA time zone`, path, hint: near ? `did you mean \`${near}\`?` : 'use a name like Asia/Tokyo or Europe/London'})
  } else if (canonical !== zone) {
    ctx.report({severity: 'warning', code: 'time-zone-alias', message: `\`${zone}\` is an alias of \`${canonical}\``, path, hint: `write \`${canonical}\``})
  }
}
