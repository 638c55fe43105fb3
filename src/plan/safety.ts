import type {ResourceType} from '../model/keys.js'
import type {Change} from './change.js'
import {COLLECTION_OF, type LiveState} from './live-state.js'
import type {Plan} from './plan.js'
import {findDanglingReferences} from './dangling-references.js'
import {onCallChangesSoon} from './oncall-soon.js'
import {findBlockedMemberRemovals} from './member-removals.js'

/** What it takes to go ahead despite a violation: a flag, or a change to config or account. */
export type SafetyRequirement = 'allow-destroy' | 'force' | 'fix'

export interface SafetyViolation {
  readonly code: string
  readonly message: string
  readonly requires: SafetyRequirement
}

export interface SafetyOptions {
  /** `--allow-destroy`: deletes are allowed. */
  readonly allowDestroy: boolean
  /** `--force`: large plans are allowed. */
  readonly force: boolean
  /** Largest safe share of a type's managed objects to update (octoDNS MAX_SAFE_UPDATE_PCENT). */
  readonly maxUpdateFraction?: number
  /** Largest safe share of a type's managed objects to delete (octoDNS MAX_SAFE_DELETE_PCENT). */
  readonly maxDeleteFraction?: number
  /** Thresholds apply only from this many managed objects of a type (octoDNS MIN_EXISTING_RECORDS). */
  readonly minManaged?: number
  /** The plan's instant: with it, schedule changes that alter who is on call in the next 24 h need --force. */
  readonly now?: Date
  /**
   * Whether apply will send a From address (`--from` / PAGERDUTY_FROM): PagerDuty refuses to
   * create users without one. Unset: not judged.
   */
  readonly hasFrom?: boolean
}

export const SAFETY_DEFAULTS = {maxUpdateFraction: 0.3, maxDeleteFraction: 0.3, minManaged: 10} as const

const THRESHOLD_TYPES = ['team', 'schedule', 'escalation_policy', 'service'] as const

/**
 * octoDNS-style safety, judged at plan time so that `plan` already says what `apply` would refuse:
 * deletes need --allow-destroy; updating or deleting more than 30 % of a type's managed objects
 * (once there are at least 10) needs --force; deleting something a kept object still points at
 * can never work (PagerDuty refuses) and needs a fix first; with `now`, a schedule change that
 * alters who is on call in the next 24 hours needs --force (ONCALL_CHANGES_SOON, oncall-soon.ts).
 * Returns only unresolved violations.
 */
export function assessSafety(plan: Plan, live: LiveState, options: SafetyOptions): SafetyViolation[] {
  const violations: SafetyViolation[] = []
  const deletes = plan.changes.filter((c) => c.kind === 'delete')
  if (deletes.length > 0 && !options.allowDestroy) {
    violations.push({
      code: 'DESTROY_NOT_ALLOWED',
      message: `the plan deletes ${count(deletes.length, 'object')} (${deletes.map(label).join(', ')}); re-run with --allow-destroy to allow deletes`,
      requires: 'allow-destroy',
    })
  }
  if (!options.force) violations.push(...thresholdViolations(plan, live, options))
  if (!options.force && options.now !== undefined) {
    // A migration's legacy schedule ends at the handoff where the shift-based one takes over: a
    // page reaches the same person (migration-plan.ts), so that is no change of who is on call.
    const handoffs = new Set((plan.migrations ?? []).map((m) => m.legacyId))
    for (const soon of onCallChangesSoon(plan.changes.filter((c) => c.kind === 'create' || !handoffs.has(c.id)), options.now)) {
      violations.push({
        code: 'ONCALL_CHANGES_SOON',
        message:
          `schedule ${soon.schedule} changes who is on call within 24 hours: ${soon.who}; review it and re-run with --force` +
          (soon.wait === undefined ? '' : ` (or let it wait: \`${soon.wait}\` on the schedule, its first handoff after 24 hours)`),
        requires: 'force',
      })
    }
  }
  const newUsers = plan.changes.filter((c) => c.type === 'user' && c.kind === 'create').map((c) => c.key)
  if (newUsers.length > 0 && options.hasFrom === false) {
    violations.push({
      code: 'USERS_NEED_FROM',
      message:
        `the plan creates ${count(newUsers.length, 'user')} (${newUsers.join(', ')}), which PagerDuty allows only with the email of an existing ` +
        'admin user as From: pass --from EMAIL or set PAGERDUTY_FROM',
      requires: 'fix',
    })
  }
  for (const d of findDanglingReferences(plan, live)) {
    violations.push({code: 'STILL_REFERENCED', message: d, requires: 'fix'})
  }
  for (const m of findBlockedMemberRemovals(plan, live)) {
    violations.push({code: 'MEMBER_STILL_PAGED', message: m, requires: 'fix'})
  }
  return violations
}

function thresholdViolations(plan: Plan, live: LiveState, options: SafetyOptions): SafetyViolation[] {
  const minManaged = options.minManaged ?? SAFETY_DEFAULTS.minManaged
  const limits = {
    update: options.maxUpdateFraction ?? SAFETY_DEFAULTS.maxUpdateFraction,
    delete: options.maxDeleteFraction ?? SAFETY_DEFAULTS.maxDeleteFraction,
  }
  const out: SafetyViolation[] = []
  for (const type of THRESHOLD_TYPES) {
    const managed = live[COLLECTION_OF[type]].filter((l) => l.owner === plan.owner).length
    if (managed < minManaged) continue
    for (const kind of ['update', 'delete'] as const) {
      // Adoptions are not counted: they touch objects that are not managed yet.
      const n = plan.changes.filter((c) => c.type === type && c.kind === kind).length
      if (n / managed <= limits[kind]) continue
      out.push({
        code: kind === 'update' ? 'TOO_MANY_UPDATES' : 'TOO_MANY_DELETES',
        message:
          `the plan ${kind}s ${n} of ${managed} managed ${plural(type)} (${percent(n / managed)}, more than ${percent(limits[kind])}); ` +
          'review it and re-run with --force',
        requires: 'force',
      })
    }
  }
  return out
}

export function label(c: Change): string {
  return `${c.type} ${c.key}`
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`
}

function plural(type: ResourceType): string {
  return type === 'escalation_policy' ? 'escalation policies' : `${type}s`
}

function percent(f: number): string {
  return `${Math.round(f * 100)}%`
}
