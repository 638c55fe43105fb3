import type {HealthSettings} from '../health/settings.js'
import type {EscalationPolicy} from './escalation-policy.js'
import type {Override, TimeOff} from './override.js'
import type {Schedule} from './schedule.js'
import type {Service} from './service.js'
import type {Team} from './team.js'
import type {User} from './user.js'

/**
 * A whole on-call setup in the canonical model. The config is normalized into one
 * (the desired state) and the live account is mapped into one (the live state), so that
 * the diff compares like with like. Maps are keyed by resource key (users by email).
 */
export interface OnCallState {
  readonly users: ReadonlyMap<string, User>
  readonly teams: ReadonlyMap<string, Team>
  readonly schedules: ReadonlyMap<string, Schedule>
  readonly escalationPolicies: ReadonlyMap<string, EscalationPolicy>
  readonly services: ReadonlyMap<string, Service>
}

/** The desired state plus what only the config knows. */
export interface DesiredState extends OnCallState {
  /** Owner marker written on every object this config manages (e.g. `team-consumer-app`). */
  readonly owner: string
  /** Emails that the config references but does not declare (they must exist in the account). */
  readonly referencedUsers: ReadonlySet<string>
  /**
   * Overrides written in `overrides:` (sorted by schedule, start, user). Absent or empty when the
   * config has none. Time-off covers are not here: they are derived from the rotation
   * (schedule/time-off-covers.ts), so they follow it when it changes.
   */
  readonly overrides?: readonly Override[]
  readonly timeOff?: readonly TimeOff[]
  /** Keys of schedules written with `overrides: exclusive` (apply deletes overrides made outside the config). */
  readonly exclusiveOverrides?: ReadonlySet<string>
  /** The team's rules and holiday calendars (`rules:`, `holidays:`); absent = none declared. */
  readonly health?: HealthSettings
}

export function emptyState(): OnCallState {
  return {users: new Map(), teams: new Map(), schedules: new Map(), escalationPolicies: new Map(), services: new Map()}
}
