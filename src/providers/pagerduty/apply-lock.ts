/**
 * Mutual exclusion between applies of one config (two CI pipelines, a re-run next to a stuck
 * job), with nothing but the PagerDuty API: a short-lived team named `oncall apply lock: <owner>`.
 *
 * Why a team: PagerDuty refuses a second team with a name already taken ("Name has already been
 * taken"), atomically on its side, so "create the lock team" succeeds for exactly one of several
 * applies racing for it. Schedules, which concurrent applies used to duplicate, have no unique
 * names; teams are the cheapest object that does (no rule, no target, no side effects), cost two
 * requests per apply (POST, DELETE) and can be deleted by hand if ever needed.
 *
 * The lock is a lease: its description says until when it is held (real wall-clock time, not the
 * plan's --now), on which host and by which process. Apply renews it while it works and deletes
 * it when done. A lock past its expiry, or held by a process of this host that no longer exists
 * (a killed apply), is removed by the next apply, always by ID, so a lock someone else took in
 * between is never deleted. An apply that finds the lock held waits (saying so) up to its
 * timeout, then stops with the holder named.
 *
 * What it does not cover: applies of older oncall versions, writes made by hand, and an apply
 * that works on past its lease without renewing (renewal failing with 404 stops it). Those are
 * what the plan's DUPLICATE_OWNED_KEY error is for.
 */
import {randomBytes} from 'node:crypto'
import {hostname} from 'node:os'
import type {ApplyClient} from './apply-client.js'
import {PagerDutyApiError} from './client/errors.js'
import {processIsAlive} from '../../os/process-alive.js'

export const LOCK_NAME_PREFIX = 'oncall apply lock: '

export interface ApplyLockOptions {
  readonly owner: string
  /** How long a lock holds without renewal. Default 10 minutes. */
  readonly leaseMs?: number
  /** How long to wait for a lock another apply holds. Default 5 minutes; 0 = do not wait. */
  readonly waitMs?: number
  /** Pause between looks while waiting. Default 3 s (plus up to 1 s of jitter). */
  readonly pollMs?: number
  /** Told what the lock is doing (waiting, removing a stale lock). */
  readonly onNotice?: (message: string) => void
  readonly now?: () => number
  readonly sleep?: (ms: number) => Promise<void>
  readonly random?: () => number
  readonly host?: string
  readonly pid?: number
  /** Whether a process of this host still runs. */
  readonly isAlive?: (pid: number) => boolean
}

/** The lock is held by another apply and did not come free in time. */
export class ApplyLockBusyError extends Error {
  override readonly name = 'ApplyLockBusyError'
}

interface LockTeam {
  readonly id: string
  readonly name?: string
  readonly description?: string | null
}

interface Holder {
  readonly expiresAt: number
  readonly host: string
  readonly pid: number
  readonly nonce: string
}

const DESCRIPTION = /^Held by an oncall apply until (\S+) \(host (.*), pid (\d+), lock (\w+)\)\./

export function lockName(owner: string): string {
  return `${LOCK_NAME_PREFIX}${owner}`
}

export class ApplyLock {
  #renewedAt: number

  private constructor(
    private readonly client: ApplyClient,
    readonly id: string,
    private readonly settings: Settings,
    private readonly nonce: string,
  ) {
    this.#renewedAt = settings.now()
  }

  /**
   * Takes the lock of `options.owner`, waiting while another apply holds it. Null when the
   * account cannot have teams (HTTP 402/403 on POST /teams): the caller says it runs unlocked.
   */
  static async acquire(client: ApplyClient, options: ApplyLockOptions): Promise<ApplyLock | null> {
    const s = settingsOf(options)
    const name = lockName(options.owner)
    const deadline = s.now() + s.waitMs
    let announced = ''
    for (;;) {
      const nonce = randomBytes(6).toString('hex')
      try {
        const created = await client.post<{team?: LockTeam}>(
          '/teams',
          {team: {type: 'team', name, description: describe(s, nonce)}},
          {findExisting: async () => findOwn(client, name, nonce)},
        )
        const id = created?.team?.id
        if (typeof id !== 'string') throw new Error('PagerDuty answered POST /teams without an id')
        return new ApplyLock(client, id, s, nonce)
      } catch (error) {
        if (error instanceof PagerDutyApiError && (error.status === 402 || error.status === 403)) return null
        if (!(error instanceof PagerDutyApiError && error.status === 400 && /already been taken/i.test(error.message))) throw error
      }
      const team = await findLock(client, name)
      if (team === undefined) continue // released between our POST and our look
      const holder = parseHolder(team.description)
      if (holder === null) {
        throw new ApplyLockBusyError(
          `a team named "${name}" (${team.id}) exists but is not an apply lock; rename or delete it so applies can lock`,
        )
      }
      const abandoned = holder.host === s.host && !s.isAlive(holder.pid)
      if (holder.expiresAt <= s.now() || abandoned) {
        s.onNotice(`removing a stale apply lock (${team.id}, ${abandoned ? `process ${holder.pid} has ended` : `expired ${new Date(holder.expiresAt).toISOString()}`})`)
        await deleteIgnoringGone(client, team.id)
        continue
      }
      const who = `team ${team.id}, host ${holder.host}, pid ${holder.pid}, until ${new Date(holder.expiresAt).toISOString()}`
      if (s.now() >= deadline) {
        throw new ApplyLockBusyError(
          `another apply of owner "${options.owner}" is running (lock ${who}); nothing was changed. ` +
            'Run again when it has finished (or delete that team if its apply is known to be dead)',
        )
      }
      if (announced !== team.id) s.onNotice(`waiting for another apply of owner "${options.owner}" to finish (lock ${who})`)
      announced = team.id
      await s.sleep(Math.min(s.pollMs + Math.round(s.random() * 1000), Math.max(0, deadline - s.now())))
    }
  }

  /** Extends the lease when a third of it has passed. Throws when the lock is gone (someone removed it). */
  async renewIfDue(): Promise<void> {
    if (this.settings.now() - this.#renewedAt < this.settings.leaseMs / 3) return
    const now = this.settings.now()
    try {
      await this.client.put(`/teams/${this.id}`, {team: {type: 'team', name: lockName(this.settings.owner), description: describe(this.settings, this.nonce)}})
    } catch (error) {
      if (error instanceof PagerDutyApiError && error.status === 404) {
        throw new ApplyLockBusyError(`the apply lock (team ${this.id}) was removed by someone else; stopping. Run \`oncall plan\` to see what is left`)
      }
      throw error
    }
    this.#renewedAt = now
  }

  async release(): Promise<void> {
    await deleteIgnoringGone(this.client, this.id)
  }
}

interface Settings {
  readonly owner: string
  readonly leaseMs: number
  readonly waitMs: number
  readonly pollMs: number
  readonly onNotice: (message: string) => void
  readonly now: () => number
  readonly sleep: (ms: number) => Promise<void>
  readonly random: () => number
  readonly host: string
  readonly pid: number
  readonly isAlive: (pid: number) => boolean
}

function settingsOf(o: ApplyLockOptions): Settings {
  return {
    owner: o.owner,
    leaseMs: o.leaseMs ?? 10 * 60_000,
    waitMs: o.waitMs ?? 5 * 60_000,
    pollMs: o.pollMs ?? 3000,
    onNotice: o.onNotice ?? (() => undefined),
    now: o.now ?? Date.now,
    sleep: o.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    random: o.random ?? Math.random,
    host: (o.host ?? hostname()).replace(/[()\s]+/g, '-'),
    pid: o.pid ?? process.pid,
    isAlive: o.isAlive ?? processIsAlive,
  }
}

function describe(s: Settings, nonce: string): string {
  const until = new Date(s.now() + s.leaseMs).toISOString()
  return (
    `Held by an oncall apply until ${until} (host ${s.host}, pid ${s.pid}, lock ${nonce}). ` +
    'Deleted when that apply ends; once expired, the next apply removes it.'
  )
}

export function parseHolder(description: string | null | undefined): Holder | null {
  const m = DESCRIPTION.exec(description ?? '')
  if (!m) return null
  const expiresAt = Date.parse(m[1] as string)
  return Number.isFinite(expiresAt) ? {expiresAt, host: m[2] as string, pid: Number(m[3]), nonce: m[4] as string} : null
}

/** A team that is an apply lock: the lock name and a lock description. */
export function isApplyLock(team: {readonly name?: string; readonly description?: string | null}): boolean {
  return (team.name ?? '').startsWith(LOCK_NAME_PREFIX) && parseHolder(team.description) !== null
}

async function findLock(client: ApplyClient, name: string): Promise<LockTeam | undefined> {
  const teams = await client.listAll<LockTeam>('/teams', 'teams', {query: name})
  return teams.find((t) => t.name === name)
}

/** After a POST whose answer was lost: the lock is ours only if it carries our nonce. */
async function findOwn(client: ApplyClient, name: string, nonce: string): Promise<{team: LockTeam} | undefined> {
  const team = await findLock(client, name)
  return team && parseHolder(team.description)?.nonce === nonce ? {team} : undefined
}

async function deleteIgnoringGone(client: ApplyClient, id: string): Promise<void> {
  try {
    await client.delete(`/teams/${id}`)
  } catch (error) {
    if (!(error instanceof PagerDutyApiError && error.status === 404)) throw error
  }
}
