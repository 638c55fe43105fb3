import type {DesiredState} from '../model/state.js'
import type {User} from '../model/user.js'
import type {Change} from './change.js'
import {compareStrings} from './canonical-json.js'
import {diffFields} from './field-diff.js'
import type {LiveResource} from './live-state.js'
import type {OwnershipConflict, PlanWarning} from './plan.js'

/**
 * Users are referenced, not owned: accounts usually come from SSO, so the plan never deletes a
 * user (not even one removed from `users:`). Declared users are created when missing and updated
 * where a declared field differs (a time zone or role the config leaves out is not compared).
 * A referenced email missing from the account is an error: apply could not point at it. A user
 * that another config declared (its marker names another owner) is a conflict when this config
 * would change it.
 */
export function planUsers(
  desired: DesiredState,
  live: ReadonlyMap<string, LiveResource<User>>,
): {changes: Change[]; errors: PlanWarning[]; conflicts: OwnershipConflict[]} {
  const changes: Change[] = []
  const conflicts: OwnershipConflict[] = []
  for (const email of [...desired.users.keys()].sort(compareStrings)) {
    const want = desired.users.get(email) as User
    const have = live.get(email)
    if (!have) {
      changes.push({kind: 'create', type: 'user', key: email, after: want})
      continue
    }
    const ignore = new Set<string>()
    if (want.timeZone === null) ignore.add('time_zone')
    if (want.role === null) ignore.add('role')
    const fields = diffFields('user', have.value, want, ignore)
    // A user another config declares (and marked) is theirs to change: two configs declaring one
    // user differently would otherwise flip it on every apply.
    if (fields.length > 0 && have.owner !== null && have.owner !== desired.owner) {
      conflicts.push({type: 'user', key: email, id: have.id, name: have.value.name, owner: have.owner})
      continue
    }
    if (fields.length > 0) changes.push({kind: 'update', type: 'user', key: email, id: have.id, before: have.value, after: want, fields})
  }
  const errors: PlanWarning[] = [...desired.referencedUsers]
    .filter((email) => !live.has(email) && !desired.users.has(email))
    .sort(compareStrings)
    .map((email) => ({
      code: 'UNKNOWN_USER',
      message: `user ${email} is referenced by the config but does not exist in the account (fix the email, or declare it under users: to create it)`,
      type: 'user' as const,
      key: email,
    }))
  return {changes, errors, conflicts}
}
