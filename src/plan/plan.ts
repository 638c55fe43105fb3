import type {ResourceType} from '../model/keys.js'
import type {Change} from './change.js'
import type {ScheduleMigration} from './migration-plan.js'
import type {ScheduleOverridePlan} from './override-plan.js'
import type {ScheduleRollout} from './rollout.js'
import type {ShiftPreview} from './shift-preview.js'

/** A live object that matches a config object by name but carries no ownership marker. */
export interface UnmanagedMatch {
  readonly type: ResourceType
  readonly key: string
  readonly id: string
  readonly name: string
}

/** A live object that matches a config object but is marked as owned by someone else. */
export interface OwnershipConflict extends UnmanagedMatch {
  readonly owner: string
}

export interface PlanWarning {
  readonly code: string
  readonly message: string
  readonly type?: ResourceType
  readonly key?: string
}

/**
 * The plan is a value: `plan` prints it, `--out` saves it, `apply` consumes it. It never holds
 * secrets. Changes are already in dependency order (creates/updates parents first, deletes last
 * in reverse order).
 */
export interface Plan {
  /** Version of the plan JSON format (schemas/plan.schema.json; 2 = snake_case keys in JSON). */
  readonly formatVersion: 2
  readonly owner: string
  readonly changes: readonly Change[]
  readonly unmanaged: readonly UnmanagedMatch[]
  readonly conflicts: readonly OwnershipConflict[]
  readonly warnings: readonly PlanWarning[]
  /**
   * Problems that make the plan impossible to apply, e.g. `UNKNOWN_USER` (a referenced email that
   * does not exist in the account). Ownership conflicts are in `conflicts`. `makePlan` always sets
   * this; it is optional only so that code building plans by hand keeps compiling.
   */
  readonly errors?: readonly PlanWarning[]
  readonly summary: {readonly create: number; readonly update: number; readonly delete: number}
  /** How many API requests building the plan took. */
  readonly requestCount: number
  readonly fingerprints: {
    /** sha256 of the canonical desired state. */
    readonly config: string
    /** sha256 per live object the plan touches, keyed `type:key`, so apply can refuse a stale plan. */
    readonly live: Readonly<Record<string, string>>
  }
  /**
   * Per schedule change, who gains and loses on-call time in the next days (shift-preview.ts).
   * Informational only: apply and the stale check ignore it. Absent when not computed.
   */
  readonly shiftPreviews?: readonly ShiftPreview[]
  /**
   * When the rotation changes of changed schedules take effect (rollout.ts): one entry per config
   * layer whose change starts later than now. Informational: the changes already carry the timing.
   */
  readonly rollouts?: readonly ScheduleRollout[]
  /**
   * Per updated or adopted object (`type:key`), the fields the config does not manage that hold a
   * non-default value (docs/fields.md): apply leaves them as they are; the plan shows them so a
   * reviewer knows what the config does not control. Absent when there are none.
   */
  readonly notManaged?: Readonly<Record<string, readonly string[]>>
  /**
   * Overrides to create or delete per schedule, and live ones left alone (override-plan.ts).
   * Absent when the config has no overrides, time off or `overrides: exclusive` to plan.
   * Creates and deletes are counted in `summary`.
   */
  readonly overrides?: readonly ScheduleOverridePlan[]
  /**
   * Layer schedules moving to their shift-based form (migration-plan.ts): the handoff, the phase
   * and the policies that move. Informational: the changes already do it. Absent when none.
   */
  readonly migrations?: readonly ScheduleMigration[]
}

/** Whether apply has anything to do: resource changes, or overrides to create or delete. */
export function planHasWork(plan: Plan): boolean {
  return plan.changes.length > 0 || (plan.overrides ?? []).some((o) => o.create.length > 0 || o.delete.length > 0)
}
