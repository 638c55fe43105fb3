/**
 * Shared setup of the plan/apply integration tests: the in-process sandbox on loopback, the real
 * axios client (no interceptors, no mocks) and the use cases (planAgainstAccount, applyToAccount),
 * with one injected clock so nothing depends on today's date. Configs are edited as YAML in a
 * temporary copy of an example, exactly as a person would edit them.
 */
import {spawn} from 'node:child_process'
import {cpSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {parseDocument, type Document} from 'yaml'
import {applyToAccount} from '../../src/app/apply-to-account.js'
import {planAgainstAccount, type PlanOutcome} from '../../src/app/plan-against-account.js'
import type {RefreshMode} from '../../src/app/read-strategy.js'
import {loadConfig} from '../../src/config/load-config.js'
import type {DesiredState} from '../../src/model/state.js'
import type {ApplyEvent, ApplyReport} from '../../src/providers/pagerduty/apply.js'
import {PagerDutyClient, type PagerDutyClientOptions} from '../../src/providers/pagerduty/client/index.js'
import {parseDescription} from '../../src/providers/pagerduty/ownership.js'
import {startSandbox, type LoggedRequest, type Sandbox, type SandboxOptions, type SandboxState} from '../../src/sandbox/index.js'

export const REPO = join(import.meta.dirname, '..', '..')
export const BIN = join(REPO, 'bin', 'run.js')
/** A Monday after every example's layer start (2026-01-05): the fixed "now" of these tests. */
export const NOW = new Date('2026-03-02T03:00:00Z')

export interface Example {
  readonly name: string
  /** Directory or file the config is read from. */
  readonly config: string
  readonly seed: string
  /** An admin user of the seed, for the From header. */
  readonly from: string
}

export const EXAMPLES: readonly Example[] = [
  {name: 'starter', config: 'examples/starter', seed: 'examples/seeds/starter.yaml', from: 'aiko.tanaka@example.com'},
  {name: 'retail-org', config: 'examples/retail-org', seed: 'examples/seeds/retail-org.yaml', from: 'hiroshi.mori@example.com'},
  {name: 'follow-the-sun', config: 'examples/follow-the-sun', seed: 'examples/seeds/follow-the-sun.yaml', from: 'aiko.tanaka@example.com'},
].map((e) => ({...e, config: join(REPO, e.config), seed: join(REPO, e.seed)}))

export function example(name: string): Example {
  const found = EXAMPLES.find((e) => e.name === name)
  if (!found) throw new Error(`no example ${name}`)
  return found
}

/** A sandbox account plus a client whose clock is the sandbox's (sleeps advance it, so backoff costs no real time). */
export class Account {
  /** Every request the sandbox logged, across clearRequests-free runs (for the spec contract check). */
  readonly clients: PagerDutyClient[] = []
  #t: number

  private constructor(
    readonly sandbox: Sandbox,
    readonly from: string,
    start: number,
  ) {
    this.#t = start
  }

  static async start(seed: SandboxOptions['seed'], from: string, options: Omit<SandboxOptions, 'now' | 'seed'> = {}, now = NOW): Promise<Account> {
    let account: Account | undefined
    const sandbox = await startSandbox({...options, seed, now: () => account?.nowMs ?? now.getTime()})
    account = new Account(sandbox, from, now.getTime())
    return account
  }

  get nowMs(): number {
    return this.#t
  }

  get now(): Date {
    return new Date(this.#t)
  }

  /** Moves the shared clock (sandbox and client). */
  setNow(date: Date): void {
    this.#t = date.getTime()
  }

  client(options: Partial<PagerDutyClientOptions> = {}): PagerDutyClient {
    const client = new PagerDutyClient({
      baseUrl: this.sandbox.url,
      token: this.sandbox.token,
      from: this.from,
      now: () => this.#t,
      // Waiting advances the fake clock instead of real time: the faults stay real HTTP, the waits do not.
      sleep: async (ms) => {
        this.#t += ms
      },
      random: () => 0.5,
      backoff: {baseMs: 50, maxMs: 2000},
      ...options,
    })
    this.clients.push(client)
    return client
  }

  async plan(
    desired: DesiredState,
    flags: {adopt?: boolean; allowDestroy?: boolean; force?: boolean; refresh?: RefreshMode} = {},
    client = this.client(),
  ): Promise<PlanOutcome> {
    return planAgainstAccount({
      desired,
      client,
      now: this.now,
      adopt: flags.adopt ?? false,
      allowDestroy: flags.allowDestroy ?? false,
      force: flags.force ?? false,
      refresh: flags.refresh,
    })
  }

  /** plan + apply of the fresh plan's changes (what `oncall apply --auto-approve` does). */
  async apply(
    desired: DesiredState,
    flags: {adopt?: boolean; allowDestroy?: boolean; force?: boolean} = {},
    options: {client?: PagerDutyClient; onProgress?: (e: ApplyEvent) => void} = {},
  ): Promise<{outcome: PlanOutcome; report: ApplyReport}> {
    const client = options.client ?? this.client()
    const outcome = await this.plan(desired, flags, client)
    const report = await applyToAccount(client, outcome, outcome.plan.changes, {now: this.now, onProgress: options.onProgress})
    return {outcome, report}
  }

  state(): SandboxState {
    return this.sandbox.admin.state()
  }

  requests(): LoggedRequest[] {
    return this.sandbox.admin.requests()
  }

  stop(): Promise<void> {
    return this.sandbox.stop()
  }
}

export async function loadDesired(path: string, now: Date = NOW): Promise<DesiredState> {
  const result = await loadConfig(path, {now})
  if (!result.state) throw new Error(`invalid config ${path}:\n${result.diagnostics.map((d) => JSON.stringify(d)).join('\n')}`)
  return result.state
}

/** A writable copy of an example's config directory (or file's directory). */
export function copyConfig(source: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'oncall-it-'))
  cpSync(source, dir, {recursive: true})
  return dir
}

/** Edits one YAML file of a config copy in place, keeping comments and layout. */
export function editYaml(file: string, edit: (doc: Document) => void): void {
  const doc = parseDocument(readFileSync(file, 'utf8'))
  edit(doc)
  if (doc.errors.length > 0) throw new Error(doc.errors.map((e) => e.message).join('\n'))
  writeFileSync(file, doc.toString())
}

/** Objects of each type in the account, by name (duplicates show up as counts > 1). */
export type NameCounts = Record<'users' | 'teams' | 'schedules' | 'escalation_policies' | 'services', Record<string, number>>

export function namesByType(state: SandboxState): NameCounts {
  const count = (names: readonly string[]) => {
    const out: Record<string, number> = {}
    for (const n of [...names].sort()) out[n] = (out[n] ?? 0) + 1
    return out
  }
  return {
    users: count(state.users.map((u) => u.email)),
    teams: count(state.teams.map((t) => t.name)),
    schedules: count(state.schedules.map((s) => s.name)),
    escalation_policies: count(state.escalation_policies.map((p) => p.name)),
    services: count(state.services.map((s) => s.name)),
  }
}

/** How many objects of each type carry this owner's marker. */
export function ownedCounts(state: SandboxState, owner: string): Record<string, number> {
  const owned = (list: readonly {description: string | null}[]) => list.filter((o) => parseDescription(o.description).marker?.owner === owner).length
  return {
    teams: owned(state.teams),
    schedules: owned(state.schedules),
    escalation_policies: owned(state.escalation_policies),
    services: owned(state.services),
  }
}

export interface CliRun {
  status: number | null
  stdout: string
  stderr: string
}

/** The environment of a CLI run against an account. */
export function cliEnv(account: Account, extra: Record<string, string> = {}): Record<string, string> {
  return {
    PAGERDUTY_API_URL: account.sandbox.url,
    PAGERDUTY_TOKEN: account.sandbox.token,
    PAGERDUTY_FROM: account.from,
    ONCALL_NOW: account.now.toISOString(),
    NO_COLOR: '1',
    ...extra,
  }
}

/**
 * Runs the built CLI (dist/ is compiled by test/global-setup.ts). Asynchronous, because the
 * sandbox answers from this very process: a synchronous spawn would block its event loop.
 */
export function runCli(args: readonly string[], env: Record<string, string>, options: {cwd?: string} = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const clean = {...process.env}
    for (const k of ['PAGERDUTY_TOKEN', 'PAGERDUTY_API_URL', 'PAGERDUTY_FROM', 'ONCALL_NOW']) delete clean[k]
    const child = spawn(process.execPath, [BIN, ...args], {cwd: options.cwd ?? REPO, env: {...clean, ...env}, stdio: ['ignore', 'pipe', 'pipe']})
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    child.on('error', reject)
    child.on('close', (status) => resolve({status, stdout, stderr}))
  })
}

/**
 * Runs the CLI and kills it with SIGKILL as soon as `kill()` says so (polled every 5 ms), e.g.
 * when the sandbox has seen N writes: an apply cut off mid-run, as by a crash or a CI timeout.
 */
export function runCliUntil(args: readonly string[], env: Record<string, string>, kill: () => boolean): Promise<CliRun & {killed: boolean}> {
  return new Promise((resolve, reject) => {
    const clean = {...process.env}
    for (const k of ['PAGERDUTY_TOKEN', 'PAGERDUTY_API_URL', 'PAGERDUTY_FROM', 'ONCALL_NOW']) delete clean[k]
    const child = spawn(process.execPath, [BIN, ...args], {cwd: REPO, env: {...clean, ...env}, stdio: ['ignore', 'pipe', 'pipe']})
    let stdout = ''
    let stderr = ''
    let killed = false
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    const timer = setInterval(() => {
      if (!killed && kill()) {
        killed = true
        child.kill('SIGKILL')
      }
    }, 5)
    child.on('error', reject)
    child.on('close', (status) => {
      clearInterval(timer)
      resolve({status, stdout, stderr, killed})
    })
  })
}
