export const TEAM_ROLES = ['responder', 'manager', 'observer'] as const
export type TeamRole = (typeof TEAM_ROLES)[number]

export interface TeamMember {
  readonly email: string
  readonly role: TeamRole
}

export interface Team {
  readonly key: string
  readonly name: string
  /** Empty string when not set. */
  readonly description: string
  /** Sorted by email so that comparison does not depend on YAML order. */
  readonly members: readonly TeamMember[]
}
