import type {Change} from '../../plan/change.js'
import type {ApplyClient} from './apply-client.js'
import type {AppliedChange, ApplyEvent, ApplyReport, FailedChange} from './apply-events.js'
import {removeMember, runChange, type MemberRemoval, type OperationContext} from './apply-operations.js'
import type {IdIndex} from './id-index.js'
import {dependencyRank} from '../../plan/order.js'

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
  /** Awaited before each change (apply renews its lock here); a throw fails that change like an API error. */
  readonly beforeChange?: () => Promise<void>
}

/**
 * Changes of one wave that run at once. The client has its own budget of requests in flight and
 * paces by PagerDuty's rate-limit headers; this only keeps enough changes going to use it (a change
 * is one to three requests in a row).
 */
export const APPLY_CONCURRENCY = 4

/**
 * Executes a plan's changes against PagerDuty in dependency waves: the plan is already sorted
 * parents first for creates and updates, children first for deletes (plan/order.ts), and changes
 * of the same rank (same type, same direction) never depend on each other, so each run of equal
 * rank is one wave whose changes run concurrently (APPLY_CONCURRENCY at a time), and a wave starts
 * only when the previous one has finished. The ID index resolves keys and emails to IDs and learns
 * the IDs of created objects (a later wave uses them).
 *
 * Progress keeps plan order: `start` events come as changes start (in plan order, as they are taken
 * in order), `done`/`failed` only once every earlier change has reported its outcome, so the
 * output reads as a sequential run would.
 *
 * Team member removals are the one exception to plan order: they run last, after every other
 * change (PagerDuty refuses to remove a member that a team policy still reaches, and the updates
 * that stop reaching them come later in the plan). They are reported as an extra step of their
 * team change (`step: 'remove-members'`).
 *
 * Stops at the first failure: no further change starts; changes of the same wave already running
 * finish and are reported (applied, or failed too: `alsoFailed`). The report says what was
 * applied, what failed (with PagerDuty's message) and what was not attempted. Never prints:
 * progress goes to `onProgress`.
 */
export async function applyChanges(
  client: ApplyClient,
  changes: readonly Change[],
  ids: IdIndex,
  options: ApplyOptions,
): Promise<ApplyReport> {
  const elapsed = options.elapsed ?? (() => performance.now())
  const ctx = {client, ids, owner: options.owner, now: options.now}
  const total = changes.length
  const results: (Result | undefined)[] = new Array(total)
  let reported = 0
  // Reports the outcome of every finished change whose predecessors have all reported: plan order.
  const flush = () => {
    for (let r = results[reported]; r !== undefined; r = results[reported]) {
      const {change} = r
      if (r.ok) options.onProgress?.({kind: 'done', change, index: reported, total, id: r.id, ms: r.ms})
      else options.onProgress?.({kind: 'failed', change, index: reported, total, ms: r.ms, message: r.failure.message})
      reported++
    }
  }
  let stopped = false
  // A progress callback that throws (a cancelled run) stops apply like a failure: nothing new
  // starts, what is running lands, then the error is rethrown.
  let callbackError: {error: unknown} | undefined
  for (const wave of waves(changes)) {
    let next = wave.start
    const worker = async () => {
      while (!stopped && next < wave.end) {
        const index = next++
        const change = changes[index] as Change
        try {
          // Indices are taken in order, so start events come in plan order.
          options.onProgress?.({kind: 'start', change, index, total})
        } catch (error) {
          stopped = true
          callbackError = {error}
          next = index // not started
          return
        }
        const started = elapsed()
        try {
          await options.beforeChange?.()
          const outcome = await runChange(change, ctx)
          results[index] = {ok: true, change, id: outcome.id, ms: elapsed() - started, removals: outcome.memberRemovals}
        } catch (error) {
          stopped = true
          results[index] = {ok: false, change, ms: elapsed() - started, failure: describeFailure(change, error)}
        }
        try {
          flush()
        } catch (error) {
          stopped = true
          callbackError ??= {error}
        }
      }
    }
    await Promise.all(Array.from({length: Math.min(APPLY_CONCURRENCY, wave.end - wave.start)}, worker))
    if (stopped) break
  }
  if (callbackError) throw callbackError.error
  const applied: AppliedChange[] = []
  const failures: FailedChange[] = []
  const removals: PendingRemovals[] = []
  results.forEach((r, index) => {
    if (r?.ok) {
      applied.push({change: r.change, id: r.id, ms: r.ms})
      if (r.removals.length > 0) removals.push({change: r.change, index, id: r.id, list: r.removals})
    } else if (r) failures.push(r.failure)
  })
  if (failures.length > 0) {
    const [failed, ...alsoFailed] = failures
    const notAttempted = changes.filter((_, index) => results[index] === undefined)
    return {applied, failed: failed as FailedChange, notAttempted, ...(alsoFailed.length > 0 ? {alsoFailed} : {})}
  }
  const failed = await removeMembersLast(removals, total, ctx, options.onProgress, elapsed)
  return {applied, failed, notAttempted: []}
}

type Result =
  | {readonly ok: true; readonly change: Change; readonly id: string; readonly ms: number; readonly removals: readonly MemberRemoval[]}
  | {readonly ok: false; readonly change: Change; readonly ms: number; readonly failure: FailedChange}

/** Runs of consecutive changes with the same dependency rank: [start, end) index ranges. */
function waves(changes: readonly Change[]): {start: number; end: number}[] {
  const out: {start: number; end: number}[] = []
  changes.forEach((c, i) => {
    const last = out[out.length - 1]
    if (last && dependencyRank(changes[last.start] as Change) === dependencyRank(c)) last.end = i + 1
    else out.push({start: i, end: i + 1})
  })
  return out
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
