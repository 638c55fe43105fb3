import {spawn} from 'node:child_process'
import {readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import ICAL from 'ical.js'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {startSandbox, type Sandbox} from '../../src/sandbox/index.js'
import {REPO, tempDir} from './run-cli.js'

const NOW = '2026-03-02T03:00:00Z'
const CONFIG = join(REPO, 'examples', 'retail-org')

/** Async spawn: the sandbox runs in this process, so the event loop must stay free. */
function cli(args: readonly string[], env: Record<string, string>): Promise<{status: number | null; stdout: string; stderr: string}> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(REPO, 'bin', 'run.js'), ...args], {
      cwd: REPO,
      env: {...process.env, NO_COLOR: '1', ONCALL_NOW: NOW, ...env},
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    child.on('error', reject)
    child.on('close', (status) => resolve({status, stdout, stderr}))
  })
}

/**
 * Each event of a feed from `from` on, as `start/end summary` in UTC, sorted. Earlier time is cut
 * off: PagerDuty moves a new layer's past start to the time of the write, so the account has no
 * shifts before the apply, while the config's layers start in January.
 */
function events(file: string, from = Date.parse(NOW)): string[] {
  const cal = new ICAL.Component(ICAL.parse(readFileSync(file, 'utf8')))
  return cal
    .getAllSubcomponents('vevent')
    .map((v) => new ICAL.Event(v))
    .filter((e) => e.endDate.toJSDate().getTime() > from)
    .map((e) => {
      const start = new Date(Math.max(from, e.startDate.toJSDate().getTime()))
      return `${start.toISOString()}/${e.endDate.toJSDate().toISOString()} ${e.summary}`
    })
    .sort()
}

describe('export --live (the account’s rendered final schedules)', () => {
  let sandbox: Sandbox
  let env: Record<string, string>

  beforeAll(async () => {
    sandbox = await startSandbox({seed: join(REPO, 'examples', 'seeds', 'retail-org.yaml'), now: () => Date.parse(NOW)})
    env = {PAGERDUTY_API_URL: sandbox.url, PAGERDUTY_TOKEN: sandbox.token, PAGERDUTY_FROM: 'hiroshi.mori@example.com'}
  })
  afterAll(async () => sandbox.stop())

  it('refuses before the schedules exist in the account, naming the schedule', async () => {
    const r = await cli(['export', CONFIG, '--live', '--out', tempDir()], env)
    expect(r.status).toBe(1)
    expect(r.stderr).toMatch(/schedule consumer-app-primary .* is not in the account yet/)
    expect(r.stderr).not.toContain(sandbox.token)
  })

  it('after apply, gives the same shifts as the export computed from the config', async () => {
    expect((await cli(['apply', CONFIG, '--auto-approve'], env)).status).toBe(0)
    const fromConfig = tempDir()
    const live = tempDir()
    const window = ['--from', '2026-03-01', '--to', '2026-04-15']
    expect((await cli(['export', CONFIG, '--out', fromConfig, ...window], env)).status).toBe(0)
    const r = await cli(['export', CONFIG, '--live', '--out', live, ...window], env)
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
    const feeds = readdirSync(join(fromConfig, 'schedules')).sort()
    expect(readdirSync(join(live, 'schedules')).sort()).toEqual(feeds)
    expect(feeds.length).toBe(6)
    for (const feed of feeds) {
      const expected = events(join(fromConfig, 'schedules', feed))
      expect(expected.length).toBeGreaterThan(0)
      expect(events(join(live, 'schedules', feed)), feed).toEqual(expected)
    }
    expect(readFileSync(join(live, 'schedules', feeds[0]!), 'utf8')).toContain("the account's final schedule")
  })
})
