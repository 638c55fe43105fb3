import type {User, UserRole} from '../../../model/user.js'
import {USER_ROLES} from '../../../model/user.js'
import type {PdUser, Read} from '../dto.js'
import {canonicalTimeZone} from './time-zone.js'

/** A PagerDuty user as the model sees it: keyed by lower-cased email; zone canonicalised. */
export function userFromPd(raw: Read<PdUser>): User {
  return {
    email: raw.email.trim().toLowerCase(),
    name: raw.name,
    timeZone: raw.time_zone ? canonicalTimeZone(raw.time_zone) : null,
    role: isUserRole(raw.role) ? raw.role : null,
  }
}

function isUserRole(role: unknown): role is UserRole {
  return typeof role === 'string' && (USER_ROLES as readonly string[]).includes(role)
}
