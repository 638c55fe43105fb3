import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {startSandbox, type Sandbox} from '../../src/sandbox/index.js'
import {runCli} from '../integration/harness.js'

const REPO = join(import.meta.dirname, '..', '..')
const NOW = '2026-03-02T03:00:00Z'
const CONFIG = join(REPO, 'examples', 'retail-org')

/** The built CLI, asynchronously (the sandbox answers from this process), at the fixed clock. */
const cli = (args: readonly string[], env: Record<string, string>) => runCli(args, {NO_COLOR: '1', ONCALL_NOW: NOW, ...env})

/** schedule key → person on call, from `who --format json`. */
function people(json: string): Record<string, string | null> {
  const report = JSON.parse(json) as {schedules: {key: string; on_call: {user: string} | null}[]}
  return Object.fromEntries(report.schedules.map((s) => [s.key, s.on_call?.user ?? null]))
}

describe('who --live (asks the account)', () => {
  let sandbox: Sandbox
  let env: Record<string, string>

  beforeAll(async () => {
    sandbox = await startSandbox({seed: join(REPO, 'examples', 'seeds', 'retail-org.yaml'), now: () => Date.parse(NOW)})
    env = {PAGERDUTY_API_URL: sandbox.url, PAGERDUTY_TOKEN: sandbox.token, PAGERDUTY_FROM: 'hiroshi.mori@example.com'}
    expect((await cli(['apply', CONFIG, '--auto-approve'], env)).status).toBe(0)
  })
  afterAll(async () => sandbox.stop())

  it('names the same people as the config for every schedule, now and a week later', async () => {
    for (const at of [NOW, '2026-03-09T12:00:00Z']) {
      const fromConfig = await cli(['who', CONFIG, '--at', at, '--format', 'json'], env)
      const live = await cli(['who', CONFIG, '--at', at, '--format', 'json', '--live'], env)
      expect(live.status, live.stderr).toBe(0)
      const expected = people(fromConfig.stdout)
      expect(Object.keys(expected)).toHaveLength(6)
      expect(Object.values(expected).every((p) => p !== null)).toBe(true)
      expect(people(live.stdout)).toEqual(expected)
    }
    const requests = sandbox.admin.requests().map((r) => `${r.method} ${r.path}`)
    expect(requests.some((r) => r.startsWith('GET /schedules/'))).toBe(true)
  }, 120_000) // four CLI runs against the sandbox; slow on a loaded machine

  it('fails with one line when the token is wrong, without printing it', async () => {
    const r = await cli(['who', CONFIG, '--live'], {...env, PAGERDUTY_TOKEN: 'wrongtoken123'})
    expect(r.status).toBe(1)
    expect(r.stderr).toMatch(/HTTP 401/)
    expect(r.stderr).not.toContain('wrongtoken123')
    expect(r.stderr.trim().split('\n')).toHaveLength(1)
  })
})
