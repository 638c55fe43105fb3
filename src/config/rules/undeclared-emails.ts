import {closest} from '../did-you-mean.js'
import type {DataPath} from '../source-position.js'
import type {Rule} from './context.js'

/**
 * Emails need not be declared under `users` (they may already exist in the account), so a typo in
 * a layer would only surface at plan time, without a position. When an undeclared email is within
 * two edits of a declared one, it is most likely that person misspelt: warn where it is written.
 * Farther apart, two addresses are more likely two people (ken.sato / mei.sato), so say nothing.
 */
export const MAX_EMAIL_TYPO_DISTANCE = 2

export const undeclaredEmails: Rule = (ctx) => {
  const declared = new Set(ctx.config.users.map((u) => u.email.toLowerCase()))
  if (declared.size === 0) return
  const check = (email: string, path: DataPath) => {
    const lower = email.toLowerCase()
    if (declared.has(lower)) return
    const match = closest(lower, declared, MAX_EMAIL_TYPO_DISTANCE)
    if (match === undefined) return
    ctx.report({
      severity: 'warning',
      code: 'undeclared-user',
      message: `\`${email}\` is not declared under \`users\` (it must then exist in the account)`,
      path,
      hint: `did you mean \`${match}\`?`,
    })
  }
  for (const [key, team] of ctx.config.teams) (team.members ?? []).forEach((m, i) => check(m.user, ['teams', key, 'members', i, 'user']))
  for (const [key, schedule] of ctx.config.schedules) {
    schedule.layers?.forEach((layer, i) => layer.users.forEach((u, j) => check(u, ['schedules', key, 'layers', i, 'users', j])))
    schedule.rotations?.forEach((r, i) => r.events.forEach((e, j) => e.members.forEach((u, k) => check(u, ['schedules', key, 'rotations', i, 'events', j, 'members', k]))))
  }
  for (const [key, policy] of ctx.config.escalation_policies) {
    policy.rules.forEach((rule, r) =>
      rule.targets.forEach((t, i) => {
        if ('user' in t) check(t.user, ['escalation_policies', key, 'rules', r, 'targets', i, 'user'])
      }),
    )
  }
}
