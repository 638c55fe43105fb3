/**
 * `plan --preview-days`, as CI runs it: the window of the shift preview, off with 0, bounded.
 */
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {Account, cliEnv, copyConfig, editYaml, example, loadDesired, runCli} from '../integration/harness.js'

describe('plan --preview-days', () => {
  let account: Account
  let config: string

  beforeAll(async () => {
    const ex = example('retail-org')
    account = await Account.start(ex.seed, ex.from)
    await account.apply(await loadDesired(ex.config))
    config = copyConfig(ex.config)
    editYaml(join(config, 'consumer-app', 'team.yaml'), (doc) => {
      doc.setIn(['schedules', 'consumer-app-secondary', 'layers', 0, 'users'], ['yui.watanabe@example.com', 'takumi.kobayashi@example.com', 'rin.yamamoto@example.com', 'sota.ito@example.com'])
    })
  }, 60_000)

  afterAll(async () => {
    await account?.stop()
  })

  it('previews the changed schedule over the given number of days from --now', async () => {
    const run = await runCli(['plan', config, '--format', 'json', '--preview-days', '7'], cliEnv(account))
    expect(run.status, run.stderr).toBe(0)
    const plan = JSON.parse(run.stdout) as {shift_previews: {schedule: string; window: {start: string; end: string}; now_before: string; now_after: string}[]}
    expect(plan.shift_previews.map((p) => [p.schedule, p.window])).toEqual([
      ['consumer-app-secondary', {start: '2026-03-02T03:00:00.000Z', end: '2026-03-09T03:00:00.000Z'}],
    ])
    // Week 8 of the rotation (8 mod 4 = 0): the first person of the live list is on call now.
    expect(plan.shift_previews[0]?.now_before).toBe('rin.yamamoto@example.com')
  })

  it('is left out with 0 and refused above 90', async () => {
    const off = await runCli(['plan', config, '--format', 'json', '--preview-days', '0'], cliEnv(account))
    expect(off.status, off.stderr).toBe(0)
    expect(JSON.parse(off.stdout)).not.toHaveProperty('shift_previews')
    const text = await runCli(['plan', config], cliEnv(account))
    expect(text.stdout).toMatch(/\n {4}Shifts in the next 28 days \(Asia\/Tokyo\):\n {6}On call now: Rin Yamamoto( \(unchanged\)| → Yui Watanabe)\n/)
    const tooMany = await runCli(['plan', config, '--preview-days', '91'], cliEnv(account))
    expect(tooMany.status).toBe(1)
    expect(tooMany.stderr).toContain('--preview-days')
  })
})
