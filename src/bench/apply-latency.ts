import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {performance} from 'node:perf_hooks'
import {stringify} from 'yaml'
import {applyToAccount} from '../app/apply-to-account.js'
import {planAgainstAccount} from '../app/plan-against-account.js'
import {loadConfig} from '../config/load-config.js'
import {PagerDutyClient} from '../providers/pagerduty/client/index.js'
import {startSandbox} from '../sandbox/index.js'
import type {BenchResult} from './bench-result.js'
import {syntheticConfig} from './plan-apply.js'

/**
 * Parallel apply against PagerDuty's real constraints (issue 14): the 1× synthetic organisation
 * (plan-apply.ts) applied from an empty account (2,300 creations and the teams' memberships) with
 * 150 ms of latency per request and 960 requests per minute per token. Sequentially that is at
 * least requests × 150 ms; the target is the rate-limit bound (requests / 960 per minute) × 1.2.
 *
 * The sandbox's clock runs (from NOW) so its rate-limit windows reset as PagerDuty's do.
 * Mostly waiting: little CPU, but minutes of wall time (`npm run bench -- apply-latency`).
 */
const NOW = Date.parse('2026-03-02T03:00:00Z')
const USERS = 2000
const LATENCY_MS = 150
const PER_MINUTE = 960

const email = (i: number) => `user${String(i).padStart(4, '0')}@example.com`

export async function run(): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'oncall-bench-apply-'))
  const started = Date.now()
  const clock = () => NOW + (Date.now() - started)
  const seedUsers = Array.from({length: USERS}, (_, i) => ({name: `User ${i}`, email: email(i), role: i === 0 ? 'admin' : 'user'}))
  const sandbox = await startSandbox({seed: {users: seedUsers}, now: clock, rateLimitPerMinute: PER_MINUTE})
  try {
    const file = join(dir, 'oncall.yaml')
    writeFileSync(file, stringify(syntheticConfig()))
    const now = new Date(NOW)
    const loaded = await loadConfig(file, {now})
    if (!loaded.state) throw new Error(`synthetic config is invalid: ${loaded.diagnostics[0]?.message}`)
    sandbox.admin.setFaults({latencyMs: LATENCY_MS})
    const client = new PagerDutyClient({baseUrl: sandbox.url, token: sandbox.token, from: email(0)})
    const outcome = await planAgainstAccount({desired: loaded.state, client, now, adopt: false, allowDestroy: false, force: false})
    const planRequests = client.requestCount
    const t = performance.now()
    const report = await applyToAccount(client, outcome, outcome.plan.changes, {now})
    const applyMs = performance.now() - t
    if (report.failed) throw new Error(`apply failed: ${report.failed.message}`)
    const applyRequests = client.requestCount - planRequests
    const rateLimited = sandbox.admin.requests().filter((r) => r.status === 429).length
    const boundMs = (applyRequests / PER_MINUTE) * 60_000
    return [
      {name: 'apply-latency changes applied (1x org from empty)', value: outcome.plan.changes.length, unit: 'changes', target: 'informational'},
      {name: 'apply-latency apply requests', value: applyRequests, unit: 'requests', target: 'informational'},
      {name: `apply-latency apply wall (${LATENCY_MS} ms latency, ${PER_MINUTE}/min)`, value: Math.round(applyMs), unit: 'ms', target: `<= ${Math.round(boundMs * 1.2)} ms (1.2x the rate-limit bound ${Math.round(boundMs)} ms)`},
      {name: 'apply-latency sequential lower bound (requests x latency)', value: applyRequests * LATENCY_MS, unit: 'ms', target: 'informational'},
      {name: 'apply-latency 429 responses', value: rateLimited, unit: 'responses', target: 'informational'},
    ]
  } finally {
    await sandbox.stop()
    rmSync(dir, {recursive: true, force: true})
  }
}
