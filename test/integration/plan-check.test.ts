/**
 * A pull-request check must fail where apply would refuse (issue 12): `plan` exits 1, after
 * printing the whole plan, for every blocker apply has (a delete without --allow-destroy, a change
 * of who is on call within 24 hours or a threshold without --force, users to create without
 * From), naming the reason and the flag. And a plan made twice within a minute is byte-identical.
 * Each case edits a fresh copy of retail-org, applied once at the fixed clock.
 */
import {rmSync} from 'node:fs'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {Account, cliEnv, copyConfig, editYaml, example, loadDesired, runCli} from './harness.js'

const retail = example('retail-org')
let account: Account
const dirs: string[] = []

/** A copy of retail-org with `edit` applied to one of its files. */
function edited(file: string, edit: Parameters<typeof editYaml>[1]): string {
  const dir = copyConfig(retail.config)
  dirs.push(dir)
  editYaml(join(dir, file), edit)
  return dir
}

beforeAll(async () => {
  account = await Account.start(retail.seed, retail.from)
  await account.apply(await loadDesired(retail.config))
}, 120_000)

afterAll(async () => {
  await account.stop()
  for (const d of dirs) rmSync(d, {recursive: true, force: true})
})

describe.sequential('plan fails when apply would refuse', {timeout: 120_000}, () => {
  it('a delete without --allow-destroy: exit 1 (also with --detailed-exitcode), plan printed, flag named', async () => {
    const dir = edited('consumer-app/services.yaml', (doc) => doc.deleteIn(['services', 'consumer-app-bff']))
    for (const extra of [[], ['--detailed-exitcode']]) {
      const run = await runCli(['plan', dir, ...extra], cliEnv(account))
      expect(run.status).toBe(1)
      expect(run.stdout).toMatch(/- service consumer-app-bff/)
      expect(run.stderr).toContain('apply would refuse this plan')
      expect(run.stderr).toContain('re-run with --allow-destroy')
      expect(run.stderr).toContain('(needs --allow-destroy)')
    }
    const allowed = await runCli(['plan', dir, '--allow-destroy', '--detailed-exitcode'], cliEnv(account))
    expect(allowed.status, allowed.stderr).toBe(2)
    const apply = await runCli(['apply', dir, '--auto-approve'], cliEnv(account))
    expect(apply.status).toBe(1)
    expect(apply.stderr).toContain('apply refused')
  })

  it('a change of who is on call within 24 hours: exit 1 naming --force', async () => {
    // Monday 12:00 Tokyo: Takumi's week began at 10:00; `rollout: immediate` hands it to Yui now.
    const dir = edited('consumer-app/team.yaml', (doc) => {
      const users = ['yui.watanabe@example.com', 'takumi.kobayashi@example.com', 'sota.ito@example.com', 'rin.yamamoto@example.com']
      doc.setIn(['schedules', 'consumer-app-primary', 'layers', 0, 'users'], doc.createNode(users, {flow: true}))
      doc.setIn(['schedules', 'consumer-app-primary', 'layers', 0, 'rollout'], 'immediate')
    })
    const run = await runCli(['plan', dir], cliEnv(account))
    expect(run.status).toBe(1)
    expect(run.stdout).toMatch(/~ schedule consumer-app-primary/)
    expect(run.stderr).toContain('changes who is on call within 24 hours')
    expect(run.stderr).toContain('(needs --force)')
    expect((await runCli(['plan', dir, '--force'], cliEnv(account))).status).toBe(0)
  })

  it('updating more than 30 % of the managed services: exit 1 naming --force', async () => {
    const describeAll = (file: string) => (doc: Parameters<Parameters<typeof editYaml>[1]>[0]) => {
      const services = doc.get('services') as {items: {key: {value: string}}[]}
      for (const item of services.items) doc.setIn(['services', item.key.value, 'description'], `Reviewed (${file})`)
    }
    const dir = edited('consumer-app/services.yaml', describeAll('consumer-app'))
    editYaml(join(dir, 'ecommerce', 'services.yaml'), describeAll('ecommerce'))
    const run = await runCli(['plan', dir, '--preview-days', '0'], cliEnv(account))
    expect(run.status).toBe(1)
    expect(run.stderr).toMatch(/the plan updates 8 of 12 managed services \(67%, more than 30%\).*\(needs --force\)/)
    expect((await runCli(['plan', dir, '--preview-days', '0', '--force'], cliEnv(account))).status).toBe(0)
  })

  it('users to create without From: caught at plan time, and apply refuses before changing anything', async () => {
    const dir = edited('org.yaml', (doc) => {
      doc.addIn(['users'], doc.createNode({email: 'emi.sato@example.com', name: 'Emi Sato'}, {flow: true}))
    })
    const noFrom = {...cliEnv(account), PAGERDUTY_FROM: ''}
    const run = await runCli(['plan', dir], noFrom)
    expect(run.status).toBe(1)
    expect(run.stdout).toMatch(/\+ user emi\.sato@example\.com/)
    expect(run.stderr).toContain('the plan creates 1 user (emi.sato@example.com)')
    expect(run.stderr).toContain('pass --from EMAIL or set PAGERDUTY_FROM')
    expect((await runCli(['plan', dir, '--from', retail.from], noFrom)).status).toBe(0)
    expect((await runCli(['plan', dir], cliEnv(account))).status).toBe(0)

    const writes = account.requests().filter((r) => r.method !== 'GET').length
    const apply = await runCli(['apply', dir, '--auto-approve'], noFrom)
    expect(apply.status).toBe(1)
    expect(apply.stderr).toContain('apply refused; nothing was changed')
    expect(account.requests().filter((r) => r.method !== 'GET')).toHaveLength(writes)
  })
})

describe('plan is byte-identical within one minute', {timeout: 120_000}, () => {
  it('JSON and Markdown of a plan with a shift preview, 40 seconds apart', async () => {
    const dir = edited('consumer-app/team.yaml', (doc) => {
      const users = ['yui.watanabe@example.com', 'takumi.kobayashi@example.com', 'sota.ito@example.com', 'rin.yamamoto@example.com']
      doc.setIn(['schedules', 'consumer-app-primary', 'layers', 0, 'users'], doc.createNode(users, {flow: true}))
    })
    const at = (iso: string, format: string) => runCli(['plan', dir, '--format', format], {...cliEnv(account), ONCALL_NOW: iso})
    for (const format of ['json', 'markdown']) {
      const first = await at('2026-03-02T03:00:05.123Z', format)
      const second = await at('2026-03-02T03:00:45.678Z', format)
      expect(first.status, first.stderr).toBe(0)
      expect(first.stdout).toContain(format === 'json' ? '"shift_previews"' : 'Shifts in the next 28 days')
      expect(second.stdout).toBe(first.stdout)
    }
  })
})
