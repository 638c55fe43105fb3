import type {Change} from '../../plan/change.js'
import {printable} from '../../text/printable.js'

/**
 * What apply reports while it runs and when it stops. Plain values: the CLI decides how to show
 * them (formatApplyEvent gives the default one-line form).
 */
interface EventBase {
  readonly change: Change
  /** Position of the change in the plan (0-based) and the plan's length. */
  readonly index: number
  readonly total: number
  /** Set for the second step of a team change: removing members, which runs after all other changes. */
  readonly step?: 'remove-members'
}

export type ApplyEvent =
  | (EventBase & {readonly kind: 'start'})
  | (EventBase & {readonly kind: 'done'; readonly id: string; readonly ms: number})
  | (EventBase & {readonly kind: 'failed'; readonly ms: number; readonly message: string})

export interface AppliedChange {
  readonly change: Change
  /** PagerDuty ID of the object (new for a create). */
  readonly id: string
  readonly ms: number
}

export interface FailedChange {
  readonly change: Change
  /** One line, with PagerDuty's own error message and details when it sent them. */
  readonly message: string
  readonly status?: number
  readonly code?: number
  /** Set when the change's first step was applied (it is in `applied`) and its member removals failed. */
  readonly step?: 'remove-members'
}

/**
 * Outcome of applying a plan. Apply stops at the first failure: everything before it is applied
 * (and stays applied: PagerDuty has no transactions), nothing after it is started (changes of its
 * wave already running finish and are listed as applied or in `alsoFailed`), so re-running
 * plan/apply continues from where it stopped.
 */
export interface ApplyReport {
  readonly applied: readonly AppliedChange[]
  readonly failed: FailedChange | null
  readonly notAttempted: readonly Change[]
  /**
   * Changes of the failed change's wave that were already running and failed as well (apply runs
   * independent changes concurrently, providers/pagerduty/apply.ts). Absent when none did.
   */
  readonly alsoFailed?: readonly FailedChange[]
}

const SIGN = {create: '+', update: '~', adopt: '~', delete: '-'} as const

/** `+ schedule consumer-app-primary ... done (120ms)`; untrusted text (keys, server messages) through printable(). */
export function formatApplyEvent(event: ApplyEvent): string {
  return printable(applyEventLine(event))
}

function applyEventLine(event: ApplyEvent): string {
  const {change} = event
  const notes = [change.kind === 'adopt' ? ' (adopt)' : '', event.step === 'remove-members' ? ' (remove members)' : ''].join('')
  // The type as the plan prints it (`escalation_policy`), so plan and progress lines read alike.
  const head = `${SIGN[change.kind]} ${change.type} ${change.key}${notes}`
  switch (event.kind) {
    case 'start':
      return `${head} ...`
    case 'done':
      return `${head} ... done (${Math.round(event.ms)}ms)`
    case 'failed':
      return `${head} ... failed (${Math.round(event.ms)}ms): ${event.message}`
  }
}
