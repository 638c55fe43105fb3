/**
 * The basic flow through the real binary (`node bin/run.js plan/apply`) against the in-process
 * sandbox: exit codes, output formats, saved plans, stale-plan refusal, the confirmation rule,
 * and that the token never appears in any output or file.
 */
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {Ajv} from 'ajv'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {checkRequestsAgainstSpec} from '../../src/sandbox/index.js'
import {Account, cliEnv, copyConfig, editYaml, example, namesByType, REPO, runCli, type CliRun} from './harness.js'

const ex = example('starter')
let account: Account
let dir: string
let env: Record<string, string>
/** Everything the CLI printed or wrote in this file, checked for the token at the end. */
const seen: string[] = []

async function cli(args: readonly string[], extraEnv: Record<string, string> = {}): Promise<CliRun> {
  const run = await runCli(args, {...env, ...extraEnv}, {cwd: dir})
  seen.push(run.stdout, run.stderr)
  return run
}

beforeAll(async () => {
  account = await Account.start(ex.seed, ex.from)
  dir = copyConfig(ex.config)
  env = cliEnv(account)
})

afterAll(async () => {
  await account.stop()
})

const planSchema = JSON.parse(readFileSync(join(REPO, 'schemas', 'plan.schema.json'), 'utf8')) as object

describe.sequential('plan and apply through the CLI', {timeout: 120_000}, () => {
  it('plan --detailed-exitcode exits 2 when there are changes, and changes nothing', async () => {
    const before = account.state()
    const run = await cli(['plan', dir, '--detailed-exitcode'])
    expect(run.stderr).toBe('')
    expect(run.status).toBe(2)
    expect(run.stdout).toContain('+ team platform')
    expect(account.state()).toEqual(before)
  })

  it('plan --format json validates against schemas/plan.schema.json', async () => {
    const run = await cli(['plan', dir, '--format', 'json'])
    expect(run.status).toBe(0)
    const plan = JSON.parse(run.stdout) as {summary: {create: number}; owner: string}
    const validate = new Ajv({allErrors: true, strict: false}).compile(planSchema)
    expect(validate(plan), JSON.stringify(validate.errors)).toBe(true)
    expect(plan.owner).toBe('starter')
    expect(plan.summary.create).toBe(4)
  })

  it('plan --format markdown renders the plan as Markdown', async () => {
    const run = await cli(['plan', dir, '--format', 'markdown'])
    expect(run.status).toBe(0)
    expect(run.stdout).toMatch(/^#/m)
    expect(run.stdout).toContain('platform-api')
  })

  it('apply without a terminal and without --auto-approve refuses and changes nothing', async () => {
    const before = account.state()
    const run = await cli(['apply', dir])
    expect(run.status).toBe(1)
    expect(run.stderr).toContain('--auto-approve')
    expect(account.state()).toEqual(before)
  })

  it('plan --out plan.json, then apply plan.json --config DIR applies exactly that plan', async () => {
    const planFile = join(dir, 'plan.json')
    const planned = await cli(['plan', dir, '--out', planFile])
    expect(planned.status).toBe(0)
    seen.push(readFileSync(planFile, 'utf8'))
    const applied = await cli(['apply', planFile, '--config', dir, '--auto-approve'])
    expect(applied.stderr).toBe('')
    expect(applied.status).toBe(0)
    expect(applied.stdout).toContain('Applied 4 of 4 change(s)')
    const after = await cli(['plan', dir, '--detailed-exitcode'])
    expect(after.status).toBe(0)
    expect(after.stdout).toMatch(/no changes/i)
  })

  it('a saved plan is refused when the account changed since it was made; nothing is changed', async () => {
    editYaml(join(dir, 'oncall.yaml'), (d) => d.setIn(['services', 'platform-api', 'urgency'], 'low'))
    const planFile = join(dir, 'stale.json')
    expect((await cli(['plan', dir, '--out', planFile])).status).toBe(0)
    seen.push(readFileSync(planFile, 'utf8'))
    // Someone edits the service in the web UI between plan and apply.
    const client = account.client()
    const service = account.state().services[0]
    if (!service) throw new Error('no service')
    await client.put(`/services/${service.id}`, {service: {type: 'service', name: 'Platform API (renamed by hand)'}})
    const before = account.state()
    const run = await cli(['apply', planFile, '--config', dir, '--auto-approve'])
    expect(run.status).toBe(1)
    expect(run.stderr).toContain('stale')
    expect(account.state()).toEqual(before)
    // A fresh apply puts the name back and sets the urgency.
    expect((await cli(['apply', dir, '--auto-approve'])).status).toBe(0)
    expect((await cli(['plan', dir, '--detailed-exitcode'])).status).toBe(0)
    expect(Object.keys(namesByType(account.state()).services)).toEqual(['Platform API'])
  })

  it('apply --json prints one snake_case document: the plan, the outcome and what was applied', async () => {
    editYaml(join(dir, 'oncall.yaml'), (d) => d.setIn(['services', 'platform-api', 'urgency'], 'high'))
    const run = await cli(['apply', dir, '--auto-approve', '--json'])
    expect(run.status, run.stderr).toBe(0)
    const doc = JSON.parse(run.stdout) as {outcome: string; plan: object; applied: {kind: string; type: string; key: string; id: string}[]; failed: null; not_attempted: []; request_count: number}
    expect(doc.outcome).toBe('applied')
    expect(doc.applied).toEqual([{kind: 'update', type: 'service', key: 'platform-api', id: expect.any(String)}])
    expect(doc.failed).toBeNull()
    expect(doc.not_attempted).toEqual([])
    expect(doc.request_count).toBeGreaterThan(0)
    const validate = new Ajv({allErrors: true, strict: false}).compile(planSchema)
    expect(validate(doc.plan), JSON.stringify(validate.errors)).toBe(true)
    expect(run.stdout).not.toMatch(/"[a-z]+[A-Z][A-Za-z]*":/)
    expect(run.stderr).toContain('~ service platform-api ... done')
    const again = await cli(['apply', dir, '--auto-approve', '--json'])
    expect(again.status).toBe(0)
    expect((JSON.parse(again.stdout) as {outcome: string}).outcome).toBe('no_changes')
  })

  it('--verbose logs requests without the token', async () => {
    const run = await cli(['plan', dir, '--verbose'])
    expect(run.status).toBe(0)
    expect(run.stderr).toMatch(/GET \/users/)
  })

  it('deleting needs --allow-destroy: refused (exit 1, nothing changed) without it, done with it', async () => {
    editYaml(join(dir, 'oncall.yaml'), (d) => d.delete('services'))
    // plan already fails as apply would (exit 1, not 2), after printing the plan in full
    const plan = await cli(['plan', dir, '--detailed-exitcode'])
    expect(plan.status).toBe(1)
    expect(plan.stdout, plan.stderr).toContain('- service platform-api')
    expect(plan.stderr).toContain('(needs --allow-destroy)')
    expect((await cli(['plan', dir, '--detailed-exitcode', '--allow-destroy'])).status).toBe(2)
    const before = account.state()
    const refused = await cli(['apply', dir, '--auto-approve'])
    expect(refused.status).toBe(1)
    expect(refused.stderr).toContain('--allow-destroy')
    expect(account.state()).toEqual(before)
    const done = await cli(['apply', dir, '--auto-approve', '--allow-destroy'])
    expect(done.status).toBe(0)
    expect(account.state().services).toEqual([])
    expect((await cli(['plan', dir, '--detailed-exitcode'])).status).toBe(0)
  })

  it('a failing request (wrong token) exits 1 with one line, without either token', async () => {
    const wrong = `${account.sandbox.token}WRONG`
    const run = await cli(['plan', dir, '--verbose'], {PAGERDUTY_TOKEN: wrong})
    expect(run.status).toBe(1)
    expect(run.stderr).toMatch(/401|auth/i)
    expect(run.stdout + run.stderr).not.toContain(wrong)
  })

  it('a failing apply request (HTTP 400 from PagerDuty) stops the apply with one line, without the token', async () => {
    editYaml(join(dir, 'oncall.yaml'), (d) => d.addIn(['users'], d.createNode({email: 'sora.abe@example.com', name: 'Sora Abe'})))
    // PagerDuty refuses POST /users when From is not a user of the account.
    const run = await cli(['apply', dir, '--auto-approve', '--verbose'], {PAGERDUTY_FROM: 'ghost@example.com'})
    expect(run.status).toBe(1)
    expect(run.stderr).toContain('apply stopped at a failure')
    expect(run.stderr).toMatch(/POST \/users.*400/)
    expect(namesByType(account.state()).users['sora.abe@example.com']).toBeUndefined()
  })

  it('the token never appeared in any output or plan file', () => {
    expect(seen.length).toBeGreaterThan(10)
    for (const text of seen) expect(text).not.toContain(account.sandbox.token)
  })

  it('every request the CLI sent was a PagerDuty spec operation with a valid body and required headers', () => {
    const log = account.requests().filter((r) => r.status !== 401)
    expect(log.length).toBeGreaterThan(50)
    expect(checkRequestsAgainstSpec(log)).toEqual([])
  })
})
