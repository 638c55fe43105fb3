import type {Change} from '../../plan/change.js'
import type {ApplyClient} from './apply-client.js'
import type {AppliedChange, ApplyEvent, ApplyReport, FailedChange} from './apply-events.js'
import {removeMember, runChange, type MemberRemoval, type OperationContext} from './apply-operations.js'
import type {IdIndex} from './id-index.js'

export type {ApplyClient} from './apply-client.js'
export type {AppliedChange, ApplyEvent, ApplyReport, FailedChange} from './apply-events.js'
export {formatApplyEvent} from './apply-events.js'

export interface ApplyOptions {
  /** The plan's owner: written into the ownership marker of every object apply writes. */
  readonly owner: string
  /** The instant used for ending schedule layers that left the config (injected clock). */
  readonly now: Date
  readonly onProgress?: (event: ApplyEvent) => void
  /** Monotonic milliseconds for the per-change durations. Default performance.now. */
  readonly elapsed?: () => number
}

/**
 * Executes a plan's changes against PagerDuty, in plan order (already dependency-ordered), one
 * change at a time: later changes refer to objects earlier ones create, and PagerDuty has no
 * transactions, so a sequential run is the only one whose partial result is easy to explain.
 * The ID index resolves keys and emails to IDs and learns the IDs of created objects.
 *
 * Team member removals are the one exception to plan order: they run last, after every other
 * change (PagerDuty refuses to remove a member that a team policy still reaches, and the updates
 * that stop reaching them come later in the plan). They are reported as an extra step of their
 * team change (`step: 'remove-members'`).
 *
 * Stops at the first failure and reports what was applied, what failed (with PagerDuty's message)
 * and what was not attempted. Never prints: progress goes to `onProgress`.
 */
export async function applyChanges(
  client: ApplyClient,
  changes: readonly Change[],
  ids: IdIndex,
  options: ApplyOptions,
): Promise<ApplyReport> {
  const elapsed = options.elapsed ?? (() => performance.now())
  const ctx = {client, ids, owner: options.owner, now: options.now}
  const applied: AppliedChange[] = []
  const total = changes.length
  const removals: PendingRemovals[] = []
  for (const [index, change] of changes.entries()) {
    options.onProgress?.({kind: 'start', change, index, total})
    const started = elapsed()
    try {
      const outcome = await runChange(change, ctx)
      const ms = elapsed() - started
      applied.push({change, id: outcome.id, ms})
      if (outcome.memberRemovals.length > 0) removals.push({change, index, id: outcome.id, list: outcome.memberRemovals})
      options.onProgress?.({kind: 'done', change, index, total, id: outcome.id, ms})
    } catch (error) {
      const failed = describeFailure(change, error)
      options.onProgress?.({kind: 'failed', change, index, total, ms: elapsed() - started, message: failed.message})
      return {applied, failed, notAttempted: changes.slice(index + 1)}
    }
  }
  const failed = await removeMembersLast(removals, total, ctx, options.onProgress, elapsed)
  return {applied, failed, notAttempted: []}
}

interface PendingRemovals {
  readonly change: Change
  readonly index: number
  readonly id: string
  readonly list: readonly MemberRemoval[]
}

/** The second step of team changes; returns the first failure (its change is also in `applied`). */
async function removeMembersLast(
  pending: readonly PendingRemovals[],
  total: number,
  ctx: OperationContext,
  onProgress: ApplyOptions['onProgress'],
  elapsed: () => number,
): Promise<FailedChange | null> {
  const step = 'remove-members' as const
  for (const {change, index, id, list} of pending) {
    onProgress?.({kind: 'start', change, index, total, step})
    const started = elapsed()
    for (const removal of list) {
      try {
        await removeMember(removal, ctx)
      } catch (error) {
        const failed = {...describeFailure(change, error, `removing member ${removal.email}: `), step}
        onProgress?.({kind: 'failed', change, index, total, ms: elapsed() - started, message: failed.message, step})
        return failed
      }
    }
    onProgress?.({kind: 'done', change, index, total, id, ms: elapsed() - started, step})
  }
  return null
}

function describeFailure(change: Change, error: unknown, prefix = ''): FailedChange {
  const e = error as {message?: unknown; status?: unknown; code?: unknown}
  const message = prefix + (typeof e?.message === 'string' ? (e.message.split('\n')[0] ?? '') : String(error))
  return {
    change,
    message,
    ...(typeof e?.status === 'number' ? {status: e.status} : {}),
    ...(typeof e?.code === 'number' ? {code: e.code} : {}),
  }
}
