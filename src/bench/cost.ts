import {spawn} from 'node:child_process'
import {existsSync, mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {applyToAccount} from '../app/apply-to-account.js'
import {planAgainstAccount} from '../app/plan-against-account.js'
import {loadConfig} from '../config/load-config.js'
import {PagerDutyClient} from '../providers/pagerduty/client/index.js'
import {startSandbox} from '../sandbox/index.js'
import type {BenchResult} from './bench-result.js'
import {benchEmail, ONE_TEAM, orgSize, seedUsers, writeOrgConfigs, type OrgSize} from './scaled-org.js'

/**
 * Cost as a user sees it (issue 14), at several scales of the synthetic organisation
 * (scaled-org.ts): the CLI runs as its own process against the sandbox (served over loopback by
 * this process), so wall time and peak RSS are the CLI's own (`/usr/bin/time`), and request
 * counts are the client's own (`--verbose` prints them).
 *
 * Measured per scale: the whole-org plan (requests vs the API minimum, wall, peak RSS), a
 * one-team plan (9 objects: target <= 10 requests at every scale), `import --team` (requests),
 * and `export` of one year (wall and peak RSS, first export and re-export over the same files).
 *
 * Scales come from BENCH_SCALES (default 0.25,1,4). The account is built by applying both
 * configs with the real client in this process (not measured).
 */
const NOW = '2026-03-02T03:00:00Z'
const PAGE = 100
const BIN = join(import.meta.dirname, '..', '..', 'bin', 'run.js')

interface CliRun {
  readonly code: number
  readonly stdout: string
  readonly stderr: string
  readonly wallMs: number
  readonly peakMb: number | null
  /** User + system CPU of the CLI process: steadier than wall time on a shared machine. */
  readonly cpuMs: number | null
}

/** Runs the CLI as a child process (async: this process serves the sandbox meanwhile). */
export function runCli(args: readonly string[], env: Record<string, string>): Promise<CliRun> {
  const timed = existsSync('/usr/bin/time')
  const [command, argv] = timed ? ['/usr/bin/time', ['-f', '@@peak-kb %M cpu %U %S', process.execPath, BIN, ...args]] : [process.execPath, [BIN, ...args]]
  const started = performance.now()
  return new Promise((resolve, reject) => {
    const child = spawn(command as string, argv as string[], {env: {...process.env, ...env}})
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    child.on('error', reject)
    child.on('close', (code) => {
      const peak = /@@peak-kb (\d+) cpu ([\d.]+) ([\d.]+)/.exec(stderr)
      resolve({
        code: code ?? 1,
        stdout,
        stderr,
        wallMs: performance.now() - started,
        peakMb: peak ? Math.round(Number(peak[1]) / 1000) : null,
        cpuMs: peak ? Math.round((Number(peak[2]) + Number(peak[3])) * 1000) : null,
      })
    })
  })
}

function requestsOf(run: CliRun, what: string): number {
  const m = /PagerDuty requests: (\d+)/.exec(run.stderr) ?? /(\d+) API requests/.exec(run.stdout)
  if (run.code !== 0 && run.code !== 2) throw new Error(`${what} exited ${run.code}: ${run.stderr.slice(-2000)}`)
  if (!m) throw new Error(`${what}: no request count in its output`)
  return Number(m[1])
}

async function buildAccount(size: OrgSize, configs: {org: string; oneTeam: string}) {
  const now = new Date(NOW)
  const sandbox = await startSandbox({seed: {users: seedUsers(size)}, now: () => now.getTime(), rateLimitPerMinute: 1e9})
  for (const dir of [configs.org, configs.oneTeam]) {
    const loaded = await loadConfig(dir, {now})
    if (!loaded.state) throw new Error(`bench config ${dir} is invalid: ${loaded.diagnostics[0]?.message}`)
    const client = new PagerDutyClient({baseUrl: sandbox.url, token: sandbox.token, from: benchEmail(0)})
    const outcome = await planAgainstAccount({desired: loaded.state, client, now, adopt: false, allowDestroy: false, force: false})
    const report = await applyToAccount(client, outcome, outcome.plan.changes, {now})
    if (report.failed) throw new Error(`building the bench account failed: ${report.failed.message}`)
  }
  return sandbox
}

const CONCURRENT_PLANS = 24

/**
 * Many plans sharing one token (issue 14): CONCURRENT_PLANS one-team plans at once, in this
 * process (one client each, as separate CI jobs would have), against PagerDuty's 960 requests per
 * minute and 150 ms of latency per request. Returns the 429s the sandbox answered and the slowest plan.
 */
async function concurrentOneTeamPlans(sandbox: Awaited<ReturnType<typeof startSandbox>>, dir: string) {
  const now = new Date(NOW)
  const loaded = await loadConfig(dir, {now})
  if (!loaded.state) throw new Error('one-team config is invalid')
  const desired = loaded.state
  sandbox.admin.setRateLimit(960)
  sandbox.admin.setFaults({latencyMs: 150})
  sandbox.admin.clearRequests()
  try {
    const times = await Promise.all(
      Array.from({length: CONCURRENT_PLANS}, async () => {
        const client = new PagerDutyClient({baseUrl: sandbox.url, token: sandbox.token})
        const started = performance.now()
        const outcome = await planAgainstAccount({desired, client, now, adopt: false, allowDestroy: false, force: false})
        if (outcome.plan.changes.length > 0) throw new Error('a concurrent one-team plan is not clean')
        return performance.now() - started
      }),
    )
    return {rateLimited: sandbox.admin.requests().filter((r) => r.status === 429).length, slowestMs: Math.round(Math.max(...times))}
  } finally {
    sandbox.admin.resetFaults()
    sandbox.admin.setRateLimit(1e9)
  }
}

async function measureScale(scale: number): Promise<BenchResult[]> {
  const size = orgSize(scale)
  const dir = mkdtempSync(join(tmpdir(), 'oncall-bench-cost-'))
  const configs = writeOrgConfigs(dir, size)
  const sandbox = await buildAccount(size, configs)
  const label = `${scale}x`
  try {
    const env = {PAGERDUTY_TOKEN: sandbox.token, PAGERDUTY_API_URL: sandbox.url, ONCALL_NOW: NOW, NO_COLOR: '1'}
    const org = await runCli(['plan', configs.org, '--verbose', '--detailed-exitcode'], env)
    const orgRequests = requestsOf(org, 'whole-org plan')
    if (org.code !== 0) throw new Error(`whole-org plan is not clean (exit ${org.code})`)
    const one = await runCli(['plan', configs.oneTeam, '--verbose', '--detailed-exitcode'], env)
    const oneRequests = requestsOf(one, 'one-team plan')
    if (one.code !== 0) throw new Error(`one-team plan is not clean (exit ${one.code})`)
    const imported = await runCli(['import', '--team', `Team ${ONE_TEAM}`, '--out', join(dir, 'imported')], env)
    const importRequests = requestsOf(imported, 'import --team')
    const exportArgs = ['export', configs.org, '--out', join(dir, 'site'), '--since', '2026-03-02', '--until', '2027-03-02']
    const exported = await runCli(exportArgs, env)
    if (exported.code !== 0) throw new Error(`export failed: ${exported.stderr.slice(-2000)}`)
    const reexported = await runCli(exportArgs, env)
    if (reexported.code !== 0) throw new Error(`re-export failed: ${reexported.stderr.slice(-2000)}`)

    const shared = await concurrentOneTeamPlans(sandbox, configs.oneTeam)

    const ownedTeams = size.teams - 1
    // + 1: the shift-based (v3) schedule list, empty in this org (providers/pagerduty/v3/read-v3-schedules.ts).
    const minimum = [size.users, size.teams, size.schedules, size.policies, size.services].reduce((n, c) => n + Math.ceil(c / PAGE), 0) + ownedTeams + 1
    const mb = (v: number | null) => v ?? -1
    return [
      {name: `cost ${label} whole-org plan, requests`, value: orgRequests, unit: 'requests', target: `= API minimum ${minimum}`},
      {name: `cost ${label} whole-org plan, CLI wall`, value: Math.round(org.wallMs), unit: 'ms', target: 'informational'},
      {name: `cost ${label} whole-org plan, CLI CPU`, value: org.cpuMs ?? -1, unit: 'ms', target: 'informational'},
      {name: `cost ${label} whole-org plan, CLI peak RSS`, value: mb(org.peakMb), unit: 'MB', target: scale >= 4 ? '< 300 MB' : 'informational'},
      {name: `cost ${label} one-team plan (9 objects), requests`, value: oneRequests, unit: 'requests', target: '<= 10'},
      {name: `cost ${label} one-team plan, CLI wall`, value: Math.round(one.wallMs), unit: 'ms', target: 'informational'},
      {name: `cost ${label} one-team plan, CLI CPU`, value: one.cpuMs ?? -1, unit: 'ms', target: 'informational'},
      {name: `cost ${label} ${CONCURRENT_PLANS} one-team plans at once on one token (960/min, 150 ms latency), 429s`, value: shared.rateLimited, unit: 'responses', target: 'informational'},
      {name: `cost ${label} ${CONCURRENT_PLANS} one-team plans at once on one token, slowest plan`, value: shared.slowestMs, unit: 'ms', target: 'informational'},
      {name: `cost ${label} import --team (one team), requests`, value: importRequests, unit: 'requests', target: 'informational'},
      {name: `cost ${label} export 1 year, CLI wall`, value: Math.round(exported.wallMs), unit: 'ms', target: scale === 1 ? '< 8000 ms' : 'linear: <= 4.5x the 1x time at 4x'},
      {name: `cost ${label} export 1 year, CLI CPU`, value: exported.cpuMs ?? -1, unit: 'ms', target: 'informational (wall on an idle machine)'},
      {name: `cost ${label} export 1 year, CLI peak RSS`, value: mb(exported.peakMb), unit: 'MB', target: scale === 1 ? '< 300 MB' : 'bounded by the largest feed'},
      {name: `cost ${label} re-export 1 year, CLI wall`, value: Math.round(reexported.wallMs), unit: 'ms', target: 'informational'},
      {name: `cost ${label} re-export 1 year, CLI peak RSS`, value: mb(reexported.peakMb), unit: 'MB', target: scale === 1 ? '< 300 MB' : 'bounded by the largest feed'},
    ]
  } finally {
    await sandbox.stop()
    rmSync(dir, {recursive: true, force: true})
  }
}

export async function run(): Promise<BenchResult[]> {
  const scales = (process.env.BENCH_SCALES ?? '0.25,1,4').split(',').map(Number).filter((n) => n > 0)
  const results: BenchResult[] = []
  for (const scale of scales) {
    const measured = await measureScale(scale)
    for (const r of measured) process.stderr.write(`  ${r.name}: ${r.value} ${r.unit}\n`)
    results.push(...measured)
  }
  return results
}
