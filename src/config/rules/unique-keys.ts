import type {Rule} from './context.js'

const SINGULAR = {teams: 'team', schedules: 'schedule', escalation_policies: 'escalation policy', services: 'service'} as const

/** Every key is defined once (across files too), every user email once, every team member once. */
export const uniqueKeys: Rule = (ctx) => {
  for (const d of ctx.duplicates) {
    ctx.report({
      code: 'duplicate-key',
      message: `${SINGULAR[d.section]} \`${d.key}\` is defined twice: first at ${d.first.file}:${d.first.line}:${d.first.col}`,
      path: [d.section, d.key],
      at: d.again,
    })
  }
  // The merge keeps the first definition; point the duplicate at its own place, not the first.
  const firstByEmail = new Map<string, number>()
  ctx.config.users.forEach((user, index) => {
    const email = user.email.toLowerCase()
    const first = firstByEmail.get(email)
    if (first === undefined) {
      firstByEmail.set(email, index)
      return
    }
    ctx.report({code: 'duplicate-user', message: `user \`${email}\` is declared twice (emails compare lower-cased)`, path: ['users', index, 'email'], hint: `first declared as users[${first}]`})
  })
  for (const [key, team] of ctx.config.teams) {
    const seen = new Set<string>()
    ;(team.members ?? []).forEach((m, i) => {
      const email = m.user.toLowerCase()
      if (seen.has(email)) ctx.report({code: 'duplicate-member', message: `\`${email}\` is listed twice in team \`${key}\``, path: ['teams', key, 'members', i, 'user']})
      seen.add(email)
    })
  }
}
