import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {performance} from 'node:perf_hooks'
import {stringify} from 'yaml'
import {applyToAccount} from '../app/apply-to-account.js'
import {planAgainstAccount} from '../app/plan-against-account.js'
import {loadConfig} from '../config/load-config.js'
import type {DesiredState} from '../model/state.js'
import {PagerDutyClient} from '../providers/pagerduty/client/index.js'
import {startSandbox} from '../sandbox/index.js'
import {collectGarbage, type BenchResult} from './bench-result.js'

/**
 * plan/apply at scale (issue 4): a synthetic organisation of 2,000 users (seeded in the sandbox,
 * referenced by the config), 300 teams, 500 schedules, 500 escalation policies and 1,000 services,
 * applied from empty into the in-process sandbox over loopback HTTP with the real client (rate
 * limit raised so it never throttles, no latency), then planned again (must be "no changes").
 *
 * The sandbox runs in this process, so CPU time and peak memory include its side too (a
 * PagerDuty account of this size in memory, every response rendered and parsed).
 *
 * The request target of the plan is the API's minimum: one list call per 100 objects of each type
 * plus one members call per managed team (20 + 3 + 5 + 5 + 10 + 300 = 343), with 10 % slack.
 */

const USERS = 2000
const TEAMS = 300
const SCHEDULES = 500
const POLICIES = 500
const SERVICES = 1000
const NOW = new Date('2026-03-02T03:00:00Z')
const PAGE = 100

const email = (i: number) => `user${String(i).padStart(4, '0')}@example.com`
/** Each team has 7 members; schedule/policy/service i belongs to team i mod 300 and uses its members. */
const teamMembers = (t: number) => Array.from({length: 7}, (_, m) => email((t * 7 + m) % USERS))

export function syntheticConfig(): Record<string, unknown> {
  const teams: Record<string, unknown> = {}
  for (let t = 0; t < TEAMS; t++) {
    teams[`team-${t}`] = {
      name: `Team ${t}`,
      members: teamMembers(t).map((user, m) => (m === 0 ? {user, role: 'manager'} : {user})),
    }
  }
  const schedules: Record<string, unknown> = {}
  for (let s = 0; s < SCHEDULES; s++) {
    const members = teamMembers(s % TEAMS)
    schedules[`schedule-${s}`] = {
      time_zone: s % 2 === 0 ? 'Asia/Tokyo' : 'Europe/London',
      teams: [`team-${s % TEAMS}`],
      layers: [
        {name: 'Weekly', users: members.slice(1, 5), turn: 'weekly', handoff: 'mon 10:00', start: '2026-01-05'},
        ...(s % 5 === 0
          ? [{name: 'Business hours', users: members.slice(5), turn: 'daily', handoff: '09:00', start: '2026-01-05', restrictions: [{weekly: {from: 'mon 09:00', to: 'fri 18:00'}}]}]
          : []),
      ],
    }
  }
  const policies: Record<string, unknown> = {}
  for (let p = 0; p < POLICIES; p++) {
    policies[`policy-${p}`] = {
      team: `team-${p % TEAMS}`,
      repeat: 1,
      rules: [
        {delay: '15m', targets: [{schedule: `schedule-${p}`}]},
        {delay: '30m', targets: [{user: teamMembers(p % TEAMS)[0]}]},
      ],
    }
  }
  const services: Record<string, unknown> = {}
  for (let v = 0; v < SERVICES; v++) {
    const p = v % POLICIES
    services[`service-${v}`] = {
      escalation_policy: `policy-${p}`,
      team: `team-${p % TEAMS}`,
      urgency: v % 3 === 0 ? 'high' : 'low',
      alert_grouping: v % 2 === 0 ? {type: 'time', timeout: '10m'} : null,
    }
  }
  return {version: 1, owner: 'bench', teams, schedules, escalation_policies: policies, services}
}

async function loadSynthetic(): Promise<DesiredState> {
  const dir = mkdtempSync(join(tmpdir(), 'oncall-bench-'))
  try {
    const file = join(dir, 'oncall.yaml')
    writeFileSync(file, stringify(syntheticConfig()))
    const result = await loadConfig(file, {now: NOW})
    if (!result.state) throw new Error(`synthetic config is invalid: ${result.diagnostics[0]?.message}`)
    return result.state
  } finally {
    rmSync(dir, {recursive: true, force: true})
  }
}

/** Samples the resident set size while `work` runs; returns the peak in MB. */
async function withPeakRss<T>(work: () => Promise<T>): Promise<{value: T; peakMb: number}> {
  let peak = process.memoryUsage().rss
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss)
  }, 20)
  try {
    const value = await work()
    peak = Math.max(peak, process.memoryUsage().rss)
    return {value, peakMb: Math.round(peak / 1e6)}
  } finally {
    clearInterval(timer)
  }
}

const round = (ms: number) => Math.round(ms)

export async function run(): Promise<BenchResult[]> {
  collectGarbage()
  const {value: results, peakMb} = await withPeakRss(async () => {
    const desired = await loadSynthetic()
    const seedUsers = Array.from({length: USERS}, (_, i) => ({name: `User ${i}`, email: email(i), role: i === 0 ? 'admin' : 'user'}))
    const sandbox = await startSandbox({seed: {users: seedUsers}, now: () => NOW.getTime(), rateLimitPerMinute: 1e9})
    try {
      const client = () => new PagerDutyClient({baseUrl: sandbox.url, token: sandbox.token, from: email(0)})
      const request = {desired, now: NOW, adopt: false, allowDestroy: false, force: false}

      const applier = client()
      let started = performance.now()
      const outcome = await planAgainstAccount({...request, client: applier})
      const report = await applyToAccount(applier, outcome, outcome.plan.changes, {now: NOW})
      const applyMs = performance.now() - started
      if (report.failed) throw new Error(`apply failed: ${report.failed.message}`)

      collectGarbage()
      const planner = client()
      started = performance.now()
      const cpu = process.cpuUsage()
      const again = await planAgainstAccount({...request, client: planner})
      const planMs = performance.now() - started
      const planCpu = process.cpuUsage(cpu)
      if (again.plan.changes.length > 0) throw new Error(`plan after apply has ${again.plan.changes.length} change(s)`)
      return {changes: outcome.plan.changes.length, applyRequests: applier.requestCount, applyMs, planRequests: planner.requestCount, planMs, planCpuMs: (planCpu.user + planCpu.system) / 1000}
    } finally {
      await sandbox.stop()
    }
  })
  const minimum = [USERS, TEAMS, SCHEDULES, POLICIES, SERVICES].reduce((n, count) => n + Math.ceil(count / PAGE), 0) + TEAMS
  return [
    {name: 'plan-apply first apply changes', value: results.changes, unit: 'changes', target: `${TEAMS + SCHEDULES + POLICIES + SERVICES}`},
    {name: 'plan-apply first apply requests', value: results.applyRequests, unit: 'requests', target: 'informational'},
    {name: 'plan-apply first apply wall time', value: round(results.applyMs), unit: 'ms', target: 'informational'},
    {name: 'plan-apply plan of the applied org, requests', value: results.planRequests, unit: 'requests', target: `<= ${Math.floor(minimum * 1.1)} (API minimum ${minimum} + 10%)`},
    {name: 'plan-apply plan of the applied org, wall time', value: round(results.planMs), unit: 'ms', target: '< 10000 ms'},
    {name: 'plan-apply plan of the applied org, CPU time (client and sandbox, one process)', value: round(results.planCpuMs), unit: 'ms', target: 'informational: wall time minus this is waiting'},
    {name: 'plan-apply peak rss', value: peakMb, unit: 'MB', target: '< 300 MB'},
  ]
}
