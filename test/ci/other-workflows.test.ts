/**
 * The oncall steps of apply.yml, drift.yml and calendars.yml, run as written against the sandbox:
 * apply brings a first-time account up to the config, drift then reports nothing, a change made
 * by hand in the account is drift (exit 2 → drift=true), and the calendars are exported.
 */
import {cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {Account, cliEnv, editYaml, example, runCli} from '../integration/harness.js'
import {feedEvents} from '../export/feed-events.js'
import {runOncallSteps, workflow} from './workflow-runner.js'

describe('apply.yml, drift.yml and calendars.yml against the sandbox', () => {
  let account: Account
  let repo: string

  beforeAll(async () => {
    const ex = example('retail-org')
    account = await Account.start(ex.seed, ex.from)
    repo = mkdtempSync(join(tmpdir(), 'oncall-ci-'))
    cpSync(ex.config, join(repo, 'oncall'), {recursive: true})
  }, 60_000)

  afterAll(async () => {
    await account?.stop()
    if (repo !== undefined) rmSync(repo, {recursive: true, force: true})
  })

  const output = () => readFileSync(join(repo, 'github-output'), 'utf8')

  it('apply.yml validates and applies the config with --auto-approve', async () => {
    const runs = await runOncallSteps(workflow('apply.yml'), repo, cliEnv(account), account.sandbox.token)
    expect(runs.map((r) => [r.name, r.status])).toEqual([
      ['oncall validate', 0],
      ['oncall apply', 0],
    ])
    expect(runs[1]?.stdout).toMatch(/Applied (\d+) of \1 change\(s\)/)
    expect(account.state().schedules.map((s) => s.name)).toContain('Consumer App - Primary')
  }, 60_000)

  it('drift.yml finds no drift right after apply, and drift after a change by hand', async () => {
    writeFileSync(join(repo, 'github-output'), '')
    const clean = await runOncallSteps(workflow('drift.yml'), repo, cliEnv(account), account.sandbox.token)
    expect(clean.map((r) => r.status)).toEqual([0])
    expect(output()).toBe('drift=false\n')

    // Someone renames a service in the PagerDuty UI.
    const client = account.client()
    const service = account.state().services.find((s) => s.name === 'Consumer App BFF')
    if (!service) throw new Error('no service')
    await client.put(`/services/${service.id}`, {service: {type: 'service', name: 'BFF (renamed by hand)'}})

    writeFileSync(join(repo, 'github-output'), '')
    const drifted = await runOncallSteps(workflow('drift.yml'), repo, cliEnv(account), account.sandbox.token)
    expect(drifted.map((r) => r.status)).toEqual([0])
    expect(output()).toBe('drift=true\n')
    expect(readFileSync(join(repo, 'drift.md'), 'utf8')).toContain('BFF (renamed by hand)')
  }, 60_000)

  it('calendars.yml publishes what the account will do: after a swap applied mid-rotation, the events of export --live', async () => {
    // Monday 12:00 Tokyo: Takumi's week began at 10:00; the swap gives that week to Yui, but the
    // account keeps Takumi until the next handoff (rollout: next_handoff).
    editYaml(join(repo, 'oncall', 'consumer-app', 'team.yaml'), (doc) => {
      const users = ['yui.watanabe@example.com', 'takumi.kobayashi@example.com', 'sota.ito@example.com', 'rin.yamamoto@example.com']
      doc.setIn(['schedules', 'consumer-app-primary', 'layers', 0, 'users'], doc.createNode(users, {flow: true}))
    })
    const applied = await runOncallSteps(workflow('apply.yml'), repo, cliEnv(account), account.sandbox.token)
    expect(applied.map((r) => r.status)).toEqual([0, 0])
    const env = {PAGERDUTY_API_URL: account.sandbox.url, ONCALL_NOW: account.now.toISOString()}
    const runs = await runOncallSteps(workflow('calendars.yml'), repo, env, account.sandbox.token)
    expect(runs.map((r) => [r.name, r.status, r.stderr])).toEqual([['oncall export', 0, '']])
    expect(existsSync(join(repo, 'public', 'schedules', 'consumer-app-primary.ics'))).toBe(true)
    const page = readFileSync(join(repo, 'public', 'index.html'), 'utf8')
    expect(page).toContain('https://retail-it.github.io/oncall-config/')
    expect(page).not.toContain('Computed from the config alone')
    const live = join(repo, 'live')
    const r = await runCli(['export', join(repo, 'oncall'), '--out', live, '--live'], cliEnv(account))
    expect(r.status, r.stderr).toBe(0)
    const published = feedEvents(join(repo, 'public'))
    expect(published.some((e) => e.includes('Takumi') && e.includes('2026-03-02'))).toBe(true)
    expect(published).toEqual(feedEvents(live))
  }, 60_000)
})
