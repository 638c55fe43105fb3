import {readdirSync, readFileSync, statSync} from 'node:fs'
import {dirname, join, relative, resolve} from 'node:path'
import {parse} from 'yaml'
import {describe, expect, it} from 'vitest'
import {loadConfig} from '../../src/config/load-config.js'

const EXAMPLES = resolve('examples')
const SCHEMA = resolve('schemas/oncall.schema.json')
const CONFIGS = ['retail-org', 'starter', 'follow-the-sun']

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name)
    return statSync(full).isDirectory() ? yamlFiles(full) : /\.ya?ml$/.test(name) ? [full] : []
  })
}

describe('examples', () => {
  it.each(CONFIGS.flatMap((c) => yamlFiles(join(EXAMPLES, c))).map((f) => [relative(EXAMPLES, f), f]))(
    '%s starts with a yaml-language-server schema comment that resolves',
    (_, file) => {
      const first = readFileSync(file, 'utf8').split('\n')[0] ?? ''
      const match = /^# yaml-language-server: \$schema=(\S+)$/.exec(first)
      expect(match, first).not.toBeNull()
      expect(resolve(dirname(file), match?.[1] ?? '')).toBe(SCHEMA)
    },
  )

  it.each(CONFIGS)('seeds/%s.yaml lists exactly the users %s references', async (name) => {
    const path = join(EXAMPLES, name)
    const {state} = await loadConfig(path, {now: new Date('2026-03-01T00:00:00Z')})
    expect(state).toBeDefined()
    const seed = parse(readFileSync(join(EXAMPLES, 'seeds', `${name}.yaml`), 'utf8')) as {users: {name: string; email: string; time_zone: string; role: string}[]}
    const seeded = seed.users.map((u) => u.email).sort()
    const used = [...(state?.users.keys() ?? []), ...(state?.referencedUsers ?? [])].sort()
    expect(seeded).toEqual(used)
    for (const u of seed.users) {
      expect(Object.keys(u).sort()).toEqual(['email', 'name', 'role', 'time_zone'])
      // Declared users must be seeded exactly as declared, so that a plan against the sandbox is clean.
      const declared = state?.users.get(u.email)
      if (declared) expect({name: u.name, time_zone: u.time_zone, role: u.role}).toEqual({name: declared.name, time_zone: declared.timeZone, role: declared.role})
    }
  })

  it('retail-org: three Asia/Tokyo teams, each with weekly primary and secondary handing off Monday 10:00', async () => {
    const {state} = await loadConfig(join(EXAMPLES, 'retail-org'), {now: new Date('2026-03-01T00:00:00Z')})
    expect([...(state?.teams.keys() ?? [])]).toEqual(['consumer-app', 'ecommerce', 'id-platform'])
    for (const team of state?.teams.keys() ?? []) {
      for (const kind of ['primary', 'secondary']) {
        const schedule = state?.schedules.get(`${team}-${kind}`)
        expect(schedule?.timeZone).toBe('Asia/Tokyo')
        expect(schedule?.layers[0]).toMatchObject({turnSeconds: 604_800, rotationStart: '2026-01-05T10:00'})
      }
      expect(state?.schedules.get(`${team}-primary`)?.layers[1]?.restrictions).toHaveLength(5)
      expect(state?.teams.get(team)?.members.length).toBeGreaterThanOrEqual(5)
    }
    expect(state?.services.size).toBe(12)
    const urgencies = new Set([...(state?.services.values() ?? [])].map((s) => (s.urgency.kind === 'constant' ? s.urgency.urgency : s.urgency.kind)))
    expect(urgencies).toEqual(new Set(['high', 'low', 'severity_based', 'support_hours']))
  })
})
