/** A person, identified by email (accounts are usually provisioned by SSO). */
export interface User {
  /** Lower-cased email: the user's key. */
  readonly email: string
  /** Declared users are managed (created/updated); referenced-only users are not. */
  readonly name: string
  /** IANA zone or null when not declared. */
  readonly timeZone: string | null
  /** PagerDuty account role, null when not declared. */
  readonly role: UserRole | null
}

export const USER_ROLES = [
  'admin',
  'limited_user',
  'observer',
  'owner',
  'read_only_user',
  'restricted_access',
  'read_only_limited_user',
  'user',
] as const
export type UserRole = (typeof USER_ROLES)[number]
