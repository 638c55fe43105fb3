import {readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import ICAL from 'ical.js'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {startSandbox, type Sandbox} from '../../src/sandbox/index.js'
import {runCli} from '../integration/harness.js'
import {REPO, tempDir} from './run-cli.js'

const NOW = '2026-03-02T03:00:00Z'
const CONFIG = join(REPO, 'examples', 'retail-org')

/** The built CLI, asynchronously (the sandbox answers from this process), at the fixed clock. */
const cli = (args: readonly string[], env: Record<string, string>) => runCli(args, {NO_COLOR: '1', ONCALL_NOW: NOW, ...env})

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

  /** A PagerDuty API call to the sandbox, as a person would make in the web UI or a script. */
  async function pd(method: string, path: string, body?: unknown): Promise<any> {
    const res = await fetch(sandbox.url + path, {
      method,
      headers: {Authorization: `Token token=${sandbox.token}`, Accept: 'application/vnd.pagerduty+json;version=2', 'Content-Type': 'application/json'},
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`)
    return res.json()
  }

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
    const window = ['--since', '2026-03-01', '--until', '2026-04-15']
    const scheduleReads = () => sandbox.admin.requests().filter((q) => q.method === 'GET' && /^\/schedules\/[^/]+$/.test(q.path)).map((q) => q.path)
    sandbox.admin.clearRequests()
    expect((await cli(['export', CONFIG, '--out', fromConfig, ...window], env)).status).toBe(0)
    // With a token (config as applied to the account), too: one read of each schedule's past in the account.
    expect(scheduleReads().length).toBe(6)
    expect(new Set(scheduleReads()).size).toBe(6)
    sandbox.admin.clearRequests()
    const r = await cli(['export', CONFIG, '--live', '--out', live, ...window], env)
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
    // The export asks for a schedule's shifts more than once (it keeps none for long): the account is read once per schedule.
    expect(scheduleReads().length).toBe(6)
    expect(new Set(scheduleReads()).size).toBe(6)
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

  it('shows an override made in the account (the rendered final schedule), which the config export does not', async () => {
    // Runs after the apply above. Someone covers three hours of another person's shift.
    const window = ['--since', '2026-03-01', '--until', '2026-04-15']
    const before = tempDir()
    expect((await cli(['export', CONFIG, '--out', before, ...window], env)).status).toBe(0)
    const feed = 'consumer-app-primary.ics'
    const shift = events(join(before, 'schedules', feed))
      .map((e) => /^(\S+)\/(\S+) On call: (.*) \((.*)\)$/.exec(e))
      .filter((m): m is RegExpExecArray => m !== null)
      .find((m) => Date.parse(m[2]!) - Date.parse(m[1]!) >= 8 * 3_600_000 && Date.parse(m[1]!) >= Date.parse(NOW) + 86_400_000)
    expect(shift).toBeDefined()
    const [, shiftStart, , scheduleName, onCall] = shift!
    const users = (await pd('GET', '/users?limit=100')).users as {id: string; name: string}[]
    const cover = users.find((u) => u.name !== onCall && u.name !== 'Hiroshi Mori')!
    const schedules = (await pd('GET', `/schedules?limit=100&query=${encodeURIComponent(scheduleName!)}`)).schedules as {id: string; description: string}[]
    const scheduleId = schedules.find((x) => x.description.includes('key: consumer-app-primary)'))!.id
    const start = new Date(Date.parse(shiftStart!) + 2 * 3_600_000).toISOString()
    const end = new Date(Date.parse(shiftStart!) + 5 * 3_600_000).toISOString()
    const created = await pd('POST', `/schedules/${scheduleId}/overrides`, {overrides: [{start, end, user: {id: cover.id, type: 'user_reference'}}]})
    expect(created.map((x: {status: number}) => x.status)).toEqual([201])

    const live = tempDir()
    const r = await cli(['export', CONFIG, '--live', '--out', live, ...window], env)
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
    const liveEvents = events(join(live, 'schedules', feed))
    const iso = (t: string) => new Date(t).toISOString()
    // Labelled: the account's final schedule says an override put the cover there.
    expect(liveEvents).toContain(`${iso(start)}/${iso(end)} On call: ${scheduleName} (${cover.name}) [override]`)
    // The person whose shift it was is off for those hours: their shift is split around the override.
    expect(liveEvents).toContain(`${iso(shiftStart!)}/${iso(start)} On call: ${scheduleName} (${onCall})`)
    expect(liveEvents.filter((e) => e.includes(`(${cover.name})`))).toHaveLength(1)

    // The config knows nothing of the override: its export is unchanged.
    const after = tempDir()
    expect((await cli(['export', CONFIG, '--out', after, ...window], env)).status).toBe(0)
    const fromConfig = events(join(after, 'schedules', feed))
    expect(fromConfig).toEqual(events(join(before, 'schedules', feed)))
    expect(fromConfig.some((e) => e.includes(`(${cover.name})`))).toBe(false)
    // Three CLI runs: generous on a loaded 2-core machine.
  }, 120_000)
})
