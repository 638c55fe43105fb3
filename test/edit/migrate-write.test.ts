/**
 * `oncall migrate --write` edits the config file that defines the schedule: `layers:` becomes
 * `rotations:` in place, nothing else in the file changes, escalation policies keep the key, and
 * the written config puts the same people on call as the layer form. It refuses (writing
 * nothing) when the proof finds differences, unless --accept-differences. Runs the built CLI on
 * copies of the examples.
 */
import {readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {computeShifts} from '../../src/schedule/compute-shifts.js'
import {copyConfig, editYaml, example, loadDesired, runCli} from '../integration/harness.js'

const NOW = new Date('2026-03-02T03:00:00Z')
const AT = ['--now', NOW.toISOString()]
const WINDOW = {start: NOW.getTime(), end: NOW.getTime() + 12 * 7 * 86_400_000}

function finalShifts(state: Awaited<ReturnType<typeof loadDesired>>, key: string) {
  const schedule = state.schedules.get(key)
  if (!schedule) throw new Error(`no ${key}`)
  return computeShifts(schedule, WINDOW).final.map((s) => `${s.user} ${s.start} ${s.end}`)
}

describe('migrate --write', () => {
  it('replaces only the layers block, keeps comments and the key, and the written config gives the same shifts', async () => {
    const dir = copyConfig(example('starter').config)
    const file = join(dir, 'oncall.yaml')
    const original = readFileSync(file, 'utf8').replace('schedules:\n', 'schedules: # the rota\n')
    writeFileSync(file, original)
    const before = await loadDesired(dir, NOW)

    const dry = await runCli(['migrate', 'platform-primary', dir, ...AT], {})
    expect(dry.status).toBe(0)
    expect(dry.stdout).toContain('proof: identical for 12 weeks')
    expect(dry.stdout).toContain(`nothing written; --write writes it into ${file}`)
    expect(readFileSync(file, 'utf8')).toBe(original)

    const r = await runCli(['migrate', 'platform-primary', dir, '--write', ...AT], {})
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
    expect(r.stdout).toContain(`wrote ${file}`)
    const text = readFileSync(file, 'utf8')
    // Everything outside the schedule's layers block is byte for byte the same.
    const [head, rest] = original.split('    layers:\n') as [string, string]
    const tail = rest.slice(rest.indexOf('\n\nescalation_policies:'))
    expect(text.startsWith(head)).toBe(true)
    expect(text.endsWith(tail)).toBe(true)
    expect(text).toContain('schedules: # the rota\n')
    expect(text).toContain('    # migrated from layers by `oncall migrate`: identical shifts for 12 weeks from 2026-03-02\n    rotations:\n      - name: Weekly\n')
    expect(text).toContain('members: [mei.suzuki@example.com, aiko.tanaka@example.com, ken.sato@example.com]')
    expect(text).not.toMatch(/[&*]a\d/) // no YAML anchors

    const after = await loadDesired(dir, NOW)
    const schedule = after.schedules.get('platform-primary')
    expect(schedule?.rotations?.length).toBe(1)
    expect(schedule?.layers).toEqual([])
    expect(after.escalationPolicies.get('platform')?.rules[0]?.targets).toEqual([{type: 'schedule', key: 'platform-primary'}])
    expect(finalShifts(after, 'platform-primary')).toEqual(finalShifts(before, 'platform-primary'))
    expect(finalShifts(after, 'platform-primary').length).toBeGreaterThan(10)

    const validate = await runCli(['validate', dir, ...AT], {})
    expect(validate.status).toBe(0)
    const again = await runCli(['migrate', 'platform-primary', dir, '--write', ...AT], {})
    expect(again.status).toBe(1)
    expect(again.stderr).toContain('already shift-based')
  })

  it('every layer schedule of follow-the-sun is written and proves identical across the March DST switch', async () => {
    const dir = copyConfig(example('follow-the-sun').config)
    const before = await loadDesired(dir, NOW)
    for (const key of ['payments-tokyo', 'payments-london']) {
      const r = await runCli(['migrate', key, dir, '--write', ...AT], {})
      expect(r.stderr, key).toBe('')
      expect(r.status, key).toBe(0)
      expect(r.stdout).toContain('proof: identical for 12 weeks')
    }
    const after = await loadDesired(dir, NOW)
    for (const key of ['payments-tokyo', 'payments-london']) {
      expect(after.schedules.get(key)?.rotations, key).toBeDefined()
      expect(finalShifts(after, key), key).toEqual(finalShifts(before, key))
    }
  })

  it('refuses to write a form that differs, listing each difference; --accept-differences writes it', async () => {
    const dir = copyConfig(example('starter').config)
    const file = join(dir, 'oncall.yaml')
    // Hourly turns in a 30-hour weekly window: 30 events a week, beyond PagerDuty's limits.
    editYaml(file, (doc) =>
      (doc.getIn(['schedules', 'platform-primary', 'layers']) as {add(v: unknown): void}).add(
        doc.createNode({name: 'Hourly', users: ['ken.sato@example.com', 'mei.suzuki@example.com', 'aiko.tanaka@example.com'], turn: '1h', rotation_start: '2026-01-05T00:00', restrictions: [{weekly: {from: 'mon 00:00', to: 'tue 06:00'}}]}),
      ),
    )
    const original = readFileSync(file, 'utf8')
    const r = await runCli(['migrate', 'platform-primary', dir, '--write', ...AT], {})
    expect(r.status).toBe(1)
    expect(r.stdout).toContain('note: layer `Hourly`')
    expect(r.stdout).toMatch(/proof: \d+ difference\(s\) in 12 weeks/)
    expect(r.stdout).toMatch(/: on call only in the shift-based form/)
    expect(r.stderr).toContain('was not written: the shift-based form differs')
    expect(r.stderr).toContain('--accept-differences')
    expect(r.stderr).not.toContain('    at ') // no stack trace
    expect(readFileSync(file, 'utf8')).toBe(original)

    const accepted = await runCli(['migrate', 'platform-primary', dir, '--write', '--accept-differences', ...AT], {})
    expect(accepted.stderr).toBe('')
    expect(accepted.status).toBe(0)
    expect(readFileSync(file, 'utf8')).toMatch(/# migrated from layers by `oncall migrate`: \d+ difference\(s\) in 12 weeks from 2026-03-02, accepted\n {4}rotations:/)
    expect((await loadDesired(dir, NOW)).schedules.get('platform-primary')?.rotations).toBeDefined()
  })

  it('--accept-differences needs --write', async () => {
    const r = await runCli(['migrate', 'platform-primary', example('starter').config, '--accept-differences', ...AT], {})
    expect(r.status).not.toBe(0)
    expect(r.stderr).toMatch(/--write/)
  })
})
