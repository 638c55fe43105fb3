import type {KeyedSection} from '../merge.js'
import type {Rule} from './context.js'

/** PagerDuty refuses two objects of one type with the same name; names default to keys. */
export const uniqueNames: Rule = (ctx) => {
  for (const section of ['teams', 'schedules', 'escalation_policies', 'services'] as const satisfies readonly KeyedSection[]) {
    const byName = new Map<string, string>()
    for (const [key, entry] of ctx.config[section] as ReadonlyMap<string, {name?: string}>) {
      const name = entry.name ?? key
      const folded = name.trim().toLowerCase()
      const other = byName.get(folded)
      if (other !== undefined) {
        ctx.report({
          code: 'duplicate-name',
          message: `name \`${name}\` is also used by \`${other}\` in ${section}`,
          path: entry.name === undefined ? [section, key] : [section, key, 'name'],
          atKey: entry.name === undefined,
          hint: 'names must be unique per type (ignoring case)',
        })
      } else byName.set(folded, key)
    }
  }
}
