import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {checkRequestsAgainstSpec} from '../../src/sandbox/spec/index.js'
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {feedEvents} from '../export/feed-events.js'
import {runCli} from '../integration/harness.js'
import {createUser, startClient, type Client} from '../sandbox/helpers.js'
import {CONCURRENT} from './fixture.js'

/**
 * `who --live` on a shift-based schedule: the account's v3 final schedule (computed_shift_assignments)
 * names the same people, at the same times, in the same rotations as config-mode `who`. The v3
 * schedule is built through the sandbox's v3 API exactly as the fixture writes it (an unmarked
 * schedule of the same name; event names carry the rotation name as PagerDuty's only place for it).
 */
let c: Client & {clock: {now: number}}
let env: Record<string, string>
let v3Id: string
const ids: Record<string, string> = {}

const member = (email: string) => ({type: 'user_member', user_id: ids[email]})
function event(name: string, start: string, end: string, rrule: string, members: string[], strategy: 'rotating' | 'every', shiftsPerMember = 1) {
  return {
    event: {
      name,
      start_time: {date_time: start, time_zone: 'Europe/Berlin'},
      end_time: {date_time: end, time_zone: 'Europe/Berlin'},
      effective_since: '2026-03-02T00:00:00Z',
      recurrence: [rrule],
      assignment_strategy:
        strategy === 'every'
          ? {type: 'every_member_assignment_strategy', members: members.map(member)}
          : {type: 'rotating_member_assignment_strategy', shifts_per_member: shiftsPerMember, members: members.map(member)},
    },
  }
}

beforeAll(async () => {
  c = await startClient()
  for (const name of ['anna', 'ben', 'carl', 'dora', 'emil']) ids[`${name}@example.com`] = await createUser(c, name, `${name}@example.com`)
  const s = await c.post('/v3/schedules', {schedule: {name: 'Ops - Shifts', time_zone: 'Europe/Berlin'}})
  expect(s.status).toBe(201)
  v3Id = s.body.schedule.id
  const events = [
    event('Primary · Day', '2026-03-02T08:00:00+01:00', '2026-03-02T20:00:00+01:00', 'RRULE:FREQ=DAILY', ['anna@example.com', 'ben@example.com', 'carl@example.com'], 'rotating', 7),
    event('Secondary · Day backup', '2026-03-02T08:00:00+01:00', '2026-03-02T20:00:00+01:00', 'RRULE:FREQ=DAILY', ['dora@example.com', 'emil@example.com'], 'rotating'),
    event('Releases · Release window', '2026-03-05T14:00:00+01:00', '2026-03-05T16:00:00+01:00', 'RRULE:FREQ=WEEKLY', ['ben@example.com', 'carl@example.com'], 'every'),
  ]
  for (const body of events) {
    const r = await c.post(`/v3/schedules/${v3Id}/rotations`, {})
    expect(r.status).toBe(201)
    const e = await c.post(`/v3/schedules/${v3Id}/rotations/${r.body.rotation.id}/events`, body)
    expect(e.status, JSON.stringify(e.body)).toBe(201)
  }
  env = {NO_COLOR: '1', PAGERDUTY_API_URL: c.sandbox.url, PAGERDUTY_TOKEN: c.sandbox.token, ONCALL_NOW: '2026-03-02T00:00:00Z'}
}, 60_000)
afterAll(async () => c.sandbox.stop())

describe('who --live on a shift-based schedule', () => {
  it('reads the v3 final schedule and agrees with config-mode who (everyone on call at once, their rotations, who is next)', async () => {
    for (const at of ['2026-03-05T15:00', '2026-03-05T07:00', '2026-03-12T14:30']) {
      const fromConfig = await runCli(['who', CONCURRENT, 'ops-shifts', '--at', at, '--json', '--config-only'], env)
      const live = await runCli(['who', CONCURRENT, 'ops-shifts', '--at', at, '--json', '--live'], env)
      expect(live.status, live.stderr).toBe(0)
      const a = JSON.parse(fromConfig.stdout)
      const b = JSON.parse(live.stdout)
      expect(b.basis).toBe('account')
      expect(b.schedule).toEqual(a.schedule)
      expect(b.schedule.also_on_call).toBeDefined()
    }
    // At 15:00 on Thursday four people are on call at once.
    const text = await runCli(['who', CONCURRENT, 'ops-shifts', '--at', '2026-03-05T15:00', '--live'], env)
    expect(text.stdout).toContain('           carl@example.com (since thu 2026-03-05 14:00, until thu 2026-03-05 16:00 Europe/Berlin) [rotation Releases]')
  }, 180_000)

  it('with a token (config as applied to the account): the past from the v3 final schedule, joined at now to the config’s future', async () => {
    // Now is Thursday 13:00 Berlin, inside Anna's and Emil's shifts (08:00–20:00): their pieces
    // before now (the account) and after (the config) must read as one shift each.
    const at = {...env, ONCALL_NOW: '2026-03-05T12:00:00Z'}
    for (const when of ['2026-03-05T15:00', '2026-03-05T12:00']) {
      const planned = await runCli(['who', CONCURRENT, 'ops-shifts', '--at', when, '--json'], at)
      const alone = await runCli(['who', CONCURRENT, 'ops-shifts', '--at', when, '--json', '--config-only'], at)
      expect(planned.status, planned.stderr).toBe(0)
      expect(JSON.parse(planned.stdout).basis).toBe('config+account')
      expect(JSON.parse(planned.stdout).schedule).toEqual(JSON.parse(alone.stdout).schedule)
    }
  }, 180_000)

  it('export --live writes the same events (times, people, UIDs) as export from the config', async () => {
    const window = ['--since', '2026-03-02', '--until', '2026-03-16']
    const live = mkdtempSync(join(tmpdir(), 'oncall-v3-live-'))
    const config = mkdtempSync(join(tmpdir(), 'oncall-v3-config-'))
    const a = await runCli(['export', CONCURRENT, '-o', live, ...window, '--live'], env)
    expect(a.status, a.stderr).toBe(0)
    const b = await runCli(['export', CONCURRENT, '-o', config, ...window, '--config-only'], env)
    expect(b.status, b.stderr).toBe(0)
    const events = feedEvents(live)
    // 14 primary and 14 secondary days, 2 × 2 release-window members, in the schedule feed and again in person feeds.
    expect(events.filter((e) => e.startsWith('schedules/'))).toHaveLength(32)
    expect(events).toEqual(feedEvents(config))
  }, 180_000)

  it('report --live counts the same load as report from the config (everyone events for each member)', async () => {
    const window = ['--since', '2026-03-02', '--until', '2026-03-16', '--json']
    const live = await runCli(['report', CONCURRENT, ...window, '--live'], env)
    expect(live.status, live.stderr).toBe(0)
    const config = await runCli(['report', CONCURRENT, ...window], {...env, PAGERDUTY_TOKEN: ''})
    expect(config.status, config.stderr).toBe(0)
    const people = (json: string) => JSON.parse(json).teams[0].people.map((p: {user: string; hours: number}) => [p.user, p.hours])
    expect(people(live.stdout)).toEqual(people(config.stdout))
    // Two weeks: Anna primary the first, Ben the second; Ben's release window of 12 March lies inside his primary day and counts once.
    expect(people(live.stdout)).toEqual([
      ['anna@example.com', 84],
      ['ben@example.com', 86],
      ['carl@example.com', 4],
      ['dora@example.com', 84],
      ['emil@example.com', 84],
    ])
  }, 120_000)

  it('a shift-based schedule the account does not have yet: one line saying so, exit 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'oncall-v3-missing-'))
    writeFileSync(join(dir, 'oncall.yaml'), readFileSync(join(CONCURRENT, 'oncall.yaml'), 'utf8').replace('name: Ops - Shifts', 'name: Ops - Not Applied'))
    const r = await runCli(['who', dir, 'ops-shifts', '--at', '2026-03-05T15:00', '--live'], env)
    expect(r.status).toBe(1)
    expect(r.stderr.trim()).toBe('error: shift-based schedule ops-shifts ("Ops - Not Applied") is not in the account yet: run `oncall apply`, or leave out --live')
  }, 60_000)

  it('the reads are v3 GETs the PagerDuty spec allows, the final schedule asked with include[]=final_schedule', () => {
    const log = c.sandbox.admin.requests().filter((r) => r.method === 'GET' && r.path.startsWith('/v3/'))
    expect(log.some((r) => r.path === `/v3/schedules/${v3Id}` && [r.query['include[]']].flat().includes('final_schedule'))).toBe(true)
    expect(checkRequestsAgainstSpec(log.filter((r) => r.status !== null && r.status < 300))).toEqual([])
  })
})
