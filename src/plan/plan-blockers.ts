import type {Plan} from './plan.js'

export interface PlanBlockers {
  /** One line, e.g. `the plan cannot be applied: 2 referenced users do not exist in the account`. */
  readonly summary: string
  /** One line per problem, for the lines under the error. */
  readonly details: readonly string[]
}

/**
 * What makes a plan impossible to apply whatever the flags: ownership conflicts and plan errors
 * (unknown users). `plan` fails with these (after printing the plan), and `apply` refuses. Null
 * when there are none. Safety violations are separate: flags can resolve most of them.
 */
export function planBlockers(plan: Plan): PlanBlockers | null {
  const errors = plan.errors ?? []
  const unknownUsers = errors.filter((e) => e.code === 'UNKNOWN_USER').map((e) => e.key ?? '?')
  const otherErrors = errors.filter((e) => e.code !== 'UNKNOWN_USER')
  const parts: string[] = []
  const details: string[] = []
  if (unknownUsers.length > 0) {
    parts.push(`${count(unknownUsers.length, 'referenced user')} ${unknownUsers.length === 1 ? 'does' : 'do'} not exist in the account (${unknownUsers.join(', ')})`)
    details.push(...unknownUsers.map((email) => `unknown user ${email}: fix the email, or declare it under users: to create it`))
  }
  if (plan.conflicts.length > 0) {
    parts.push(`${count(plan.conflicts.length, 'object')} ${plan.conflicts.length === 1 ? 'is' : 'are'} owned by another config`)
    details.push(...plan.conflicts.map((c) => `${c.type} ${c.key}: "${c.name}" (${c.id}) is owned by config "${c.owner}"`))
  }
  if (otherErrors.length > 0) {
    parts.push(count(otherErrors.length, 'other error'))
    details.push(...otherErrors.map((e) => e.message))
  }
  if (parts.length === 0) return null
  return {summary: `the plan cannot be applied: ${parts.join('; ')}`, details}
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`
}
