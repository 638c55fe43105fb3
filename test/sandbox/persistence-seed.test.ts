import {mkdtempSync, readFileSync, readdirSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterEach, describe, expect, it} from 'vitest'
import {startClient, type Client} from './helpers.js'

const FIXTURE = new URL('../fixtures/sandbox/seed.yaml', import.meta.url).pathname
let c: Client | undefined
afterEach(async () => {
  await c?.sandbox.stop()
  c = undefined
})

describe('seed and state file', () => {
  it('loads users (examples/seeds format) and wire-shape teams, schedules, policies and services from a seed', async () => {
    c = await startClient({seed: FIXTURE})
    const users = (await c.get('/users')).body.users
    expect(users.map((u: any) => [u.name, u.email, u.time_zone, u.role])).toEqual([
      ['Aiko Tanaka', 'aiko.tanaka@example.com', 'Asia/Tokyo', 'admin'],
      ['Ken Sato', 'ken.sato@example.com', 'Asia/Tokyo', 'user'],
    ])
    const members = (await c.get('/teams/PTEAM01/members')).body.members
    expect(members.map((m: any) => m.role)).toEqual(['manager', 'responder'])
    const schedule = (await c.get('/schedules/PSCHED1')).body.schedule
    expect(schedule.schedule_layers[0].users.map((u: any) => u.user.summary)).toEqual(['Aiko Tanaka', 'Ken Sato'])
    const service = (await c.get('/services')).body.services[0]
    expect(service.escalation_policy.id).toBe('PEPOL01')
    expect(service.teams[0].id).toBe('PTEAM01')
  })

  it('writes the state file atomically after each write and reloads it on restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sandbox-state-'))
    const file = join(dir, 'state.json')
    c = await startClient({stateFile: file, seed: FIXTURE})
    const team = (await c.post('/teams', {team: {type: 'team', name: 'Persisted'}})).body.team
    const saved = JSON.parse(readFileSync(file, 'utf8'))
    expect(saved.teams.map((t: any) => t.name)).toContain('Persisted')
    // No temporary file is left behind.
    expect(readdirSync(dir)).toEqual(['state.json'])
    await c.sandbox.stop()
    // The state file wins over the seed on restart; IDs continue without reuse.
    c = await startClient({stateFile: file, seed: FIXTURE})
    expect((await c.get(`/teams/${team.id}`)).body.team.name).toBe('Persisted')
    const next = (await c.post('/teams', {team: {type: 'team', name: 'Next'}})).body.team
    expect(next.id).not.toBe(team.id)
  })

  it('refuses a seed with an unknown reference', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sandbox-seed-'))
    const file = join(dir, 'bad.yaml')
    writeFileSync(file, 'users: []\nteams:\n  - name: T\n    members: [{user: nobody@example.com}]\n')
    await expect(startClient({seed: file})).rejects.toThrow(/nobody@example.com/)
  })
})

describe('leftovers of a killed sandbox', () => {
  it('removes state.json.<pid>.tmp of processes that have ended at start, keeps those of running ones', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'oncall-sandbox-tmp-'))
    const file = join(dir, 'state.json')
    writeFileSync(join(dir, 'state.json.4000000.tmp'), '{"half": ')
    writeFileSync(join(dir, `state.json.${process.ppid}.tmp`), '{"another sandbox is writing": ')
    writeFileSync(join(dir, 'other.json.4000000.tmp'), 'not ours')
    c = await startClient({stateFile: file})
    expect(readdirSync(dir).sort()).toEqual(['other.json.4000000.tmp', `state.json.${process.ppid}.tmp`, 'state.json'].sort())
  })
})
