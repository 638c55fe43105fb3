/**
 * `oncall override`, `swap` and `time-off` edit the config (never the account): they append to the
 * overrides file keeping its comments, print the entry and the shifts it changes, and refuse to
 * write a change that does not validate. Runs the built CLI on a copy of examples/retail-org.
 */
import {readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {loadConfig} from '../../src/config/load-config.js'
import {copyConfig, example, REPO, runCli} from '../integration/harness.js'

const NOW = ['--now', '2026-03-02T03:00:00Z']
const TAKUMI = 'takumi.kobayashi@example.com'
const YUI = 'yui.watanabe@example.com'

describe('override / swap / time-off commands', () => {
  it('swap appends two overrides, keeps the comments, prints who gains and loses', async () => {
    const dir = copyConfig(example('retail-org').config)
    const file = join(dir, 'overrides.yaml')
    writeFileSync(file, '# March 2026: reviewed by the team leads\nversion: 1 # kept\n')
    // consumer-app-secondary, weekly from mon 10:00 Tokyo: week of 03-09 is Takumi's, week of 03-16 Yui's.
    const r = await runCli(['swap', 'consumer-app-secondary', '--shift', '2026-03-10', '--with', YUI, '--config', dir, ...NOW], {NO_COLOR: '1'})
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
    const text = readFileSync(file, 'utf8')
    expect(text.startsWith('# March 2026: reviewed by the team leads\nversion: 1 # kept\n')).toBe(true)
    expect(r.stdout).toContain(`+ ${YUI} gains consumer-app-secondary mon 2026-03-09 10:00 – mon 2026-03-16 10:00 Asia/Tokyo`)
    expect(r.stdout).toContain(`- ${TAKUMI} loses consumer-app-secondary mon 2026-03-09 10:00 – mon 2026-03-16 10:00 Asia/Tokyo`)
    expect(r.stdout).toContain(`+ ${TAKUMI} gains consumer-app-secondary mon 2026-03-16 10:00 – mon 2026-03-23 10:00 Asia/Tokyo`)
    expect(r.stdout).toContain(`- ${YUI} loses consumer-app-secondary mon 2026-03-16 10:00 – mon 2026-03-23 10:00 Asia/Tokyo`)
    const loaded = await loadConfig(dir, {now: new Date('2026-03-02T03:00:00Z')})
    expect(loaded.state?.overrides?.filter((o) => o.schedule === 'consumer-app-secondary').map((o) => o.user)).toEqual([YUI, TAKUMI])

    // A second edit appends to the same list and still keeps the comments.
    const t = await runCli(['time-off', 'rin.yamamoto@example.com', '--from', '2026-03-02', '--to', '2026-03-03', '--note', 'conference', '--config', dir, ...NOW], {})
    expect(t.status).toBe(0)
    expect(t.stdout).toMatch(/time_off:\n\s+- user: rin.yamamoto@example.com/)
    expect(t.stdout).toContain('gains consumer-app-secondary')
    const again = readFileSync(file, 'utf8')
    expect(again).toContain('# March 2026: reviewed by the team leads')
    expect(again).toContain('version: 1 # kept')
    expect(again).toContain('note: conference')
  })

  it('override with an unknown schedule: did-you-mean, exit 1, nothing written', async () => {
    const dir = copyConfig(example('retail-org').config)
    const r = await runCli(
      ['override', 'consumer-app-primray', '--user', YUI, '--start', '2026-03-10T10:00', '--end', '2026-03-11T10:00', '--config', dir, ...NOW],
      {},
    )
    expect(r.status).toBe(1)
    expect(r.stderr).toMatch(/overrides\.yaml:\d+:\d+: error unknown-reference unknown schedule `consumer-app-primray`.*did you mean `consumer-app-primary`\?/)
    expect(() => readFileSync(join(dir, 'overrides.yaml'), 'utf8')).toThrow()
  })

  it('override prints the entry and the person it replaces', async () => {
    const dir = copyConfig(example('retail-org').config)
    const r = await runCli(
      ['override', 'consumer-app-secondary', '--user', YUI, '--start', '2026-03-10T10:00', '--end', '2026-03-11T10:00', '--note', 'dentist', '--config', dir, ...NOW],
      {},
    )
    expect(r.status).toBe(0)
    expect(r.stdout).toContain('note: dentist')
    expect(r.stdout).toContain(`- ${TAKUMI} loses consumer-app-secondary tue 2026-03-10 10:00 – wed 2026-03-11 10:00 Asia/Tokyo`)
  })

  it('override on a shift-based schedule: --rotation is asked for when the span touches two rotations, then written and shown', async () => {
    const dir = copyConfig(join(REPO, 'examples/shift-based'))
    const args = ['override', 'support-shifts', '--user', 'lena.vogel@example.com', '--start', '2026-03-04T16:00', '--end', '2026-03-04T19:00', '--config', dir, ...NOW]
    const ambiguous = await runCli(args, {})
    expect(ambiguous.status).toBe(1)
    expect(ambiguous.stderr).toMatch(/error override-rotation-ambiguous .*touches the rotations Weekdays and Evenings/)
    expect(() => readFileSync(join(dir, 'overrides.yaml'), 'utf8')).toThrow()
    const r = await runCli([...args, '--rotation', 'Evenings'], {NO_COLOR: '1'})
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
    expect(readFileSync(join(dir, 'overrides.yaml'), 'utf8')).toContain('rotation: Evenings')
    // Only the evening's part (17:00-19:00 Berlin) changes hands: the afternoon stays with Weekdays.
    expect(r.stdout).toMatch(/\+ lena\.vogel@example\.com gains support-shifts wed 2026-03-04 17:00 – wed 2026-03-04 19:00 Europe\/Berlin/)
  })
})
