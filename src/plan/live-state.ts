import type {EscalationPolicy} from '../model/escalation-policy.js'
import type {ResourceType} from '../model/keys.js'
import type {Schedule} from '../model/schedule.js'
import type {Service} from '../model/service.js'
import type {Team} from '../model/team.js'
import type {User} from '../model/user.js'

/**
 * One object read from the account, already mapped into the canonical model. The provider
 * fills this in; the plan core only reads it.
 */
export interface LiveResource<T> {
  /** PagerDuty ID. Only the provider and apply use it; plans show keys. */
  readonly id: string
  /**
   * Owner named by the object's ownership marker, or null when the object carries none
   * (created by hand or by another tool).
   */
  readonly owner: string | null
  /**
   * The object in the model. Its `key` is the key recorded in the ownership marker, or, for
   * unmarked objects, a key derived from the name (the diff matches unmarked objects by name).
   */
  readonly value: T
  /** sha256 of the canonical JSON of the raw API object, for stale-plan detection. */
  readonly fingerprint: string
  /**
   * Fields the config does not manage that hold a non-default value, as `field (value)` texts
   * (docs/fields.md, "preserved"): apply carries them through; the plan names them on changes.
   */
  readonly notManaged?: readonly string[]
}

export interface LiveState {
  /** Users by lower-cased email. */
  readonly users: ReadonlyMap<string, LiveResource<User>>
  readonly teams: readonly LiveResource<Team>[]
  readonly schedules: readonly LiveResource<Schedule>[]
  readonly escalationPolicies: readonly LiveResource<EscalationPolicy>[]
  readonly services: readonly LiveResource<Service>[]
  /** How many HTTP requests reading the account took (shown in the plan footer). */
  readonly requestCount: number
}

export type LiveCollectionName = 'teams' | 'schedules' | 'escalationPolicies' | 'services'

export const COLLECTION_OF: Readonly<Record<Exclude<ResourceType, 'user'>, LiveCollectionName>> = {
  team: 'teams',
  schedule: 'schedules',
  escalation_policy: 'escalationPolicies',
  service: 'services',
}
