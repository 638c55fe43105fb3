/**
 * The client seen from the command line: `plan --verbose` logs one line per PagerDuty request
 * and the total to stderr, and the token shows up nowhere, not even when PagerDuty rejects it
 * or the URL is unsafe. Spawns bin/run.js (dist is built by the global setup) against an
 * in-process sandbox.
 */
import {execFile} from 'node:child_process'
import {chmodSync, mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {afterEach, describe, expect, it} from 'vitest'
import {startSandbox, type Sandbox} from '../../src/sandbox/index.js'

const root = fileURLToPath(new URL('../..', import.meta.url))
const TOKEN = 'cliSecretToken4711'
let sandbox: Sandbox | undefined

afterEach(async () => {
  await sandbox?.stop()
  sandbox = undefined
})

/** Async on purpose: the sandbox answers from this process's event loop. */
function run(args: string[], env: Record<string, string>): Promise<{code: number; stdout: string; stderr: string}> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['bin/run.js', ...args],
      {cwd: root, env: {PATH: process.env.PATH ?? '', NO_COLOR: '1', ONCALL_NOW: '2026-01-10T00:00:00Z', ...env}},
      (error, stdout, stderr) => resolve({code: error ? Number(error.code ?? 1) : 0, stdout, stderr}),
    )
  })
}

describe('the PagerDuty client from the command line', () => {
  it('plan --verbose logs each request and the total to stderr', async () => {
    sandbox = await startSandbox({token: TOKEN, faults: {errorRate: 0.3, seed: 5}})
    // The empty sandbox has none of the starter's users: plan creates them, which needs From.
    const {code, stdout, stderr} = await run(['plan', 'examples/starter', '--api-url', sandbox.url, '--verbose'], {
      PAGERDUTY_TOKEN: TOKEN,
      PAGERDUTY_FROM: 'aiko.tanaka@example.com',
    })
    expect(code).toBe(0)
    const lines = stderr.split('\n').filter((l) => /^(GET|POST|PUT|DELETE) /.test(l))
    const sent = sandbox.admin.requests().length
    expect(lines).toHaveLength(sent)
    for (const line of lines) expect(line).toMatch(/^GET \/[a-z_]+\?\S+ (200|500) \d+ms( \(.+\))?$/)
    expect(lines.some((l) => / 500 \d+ms \(retry in \d+ms\)$/.test(l))).toBe(true)
    expect(stderr).toContain(`PagerDuty requests: ${sent}`)
    expect(stdout + stderr).not.toContain(TOKEN)
  })

  it('reports a rejected token in one line without printing it', async () => {
    sandbox = await startSandbox({token: TOKEN})
    const wrong = 'wrongToken0815abc'
    const {code, stdout, stderr} = await run(['plan', 'examples/starter', '--api-url', sandbox.url], {PAGERDUTY_TOKEN: wrong})
    expect(code).toBe(1)
    expect(stderr).toMatch(/401/)
    expect(stderr).toMatch(/Authentication failed/)
    expect(stdout + stderr).not.toContain(wrong)
  })

  it('refuses to send the token over plain http to a non-loopback host', async () => {
    const {code, stderr} = await run(['plan', 'examples/starter', '--api-url', 'http://api.example.com'], {PAGERDUTY_TOKEN: TOKEN})
    expect(code).toBe(1)
    expect(stderr).toContain('plain http://')
    expect(stderr).not.toContain(TOKEN)
  })

  it('warns (on stderr, once, without the token) when --token-file is world-readable, and still runs', async () => {
    sandbox = await startSandbox({token: TOKEN})
    const file = join(mkdtempSync(join(tmpdir(), 'oncall-token-')), 'token')
    writeFileSync(file, `${TOKEN}\n`)
    chmodSync(file, 0o644)
    const loose = await run(['plan', 'examples/starter', '--token-file', file], {PAGERDUTY_API_URL: sandbox.url})
    expect(loose.stderr.split(`--token-file ${file} is readable by every user of this machine (mode 644)`)).toHaveLength(2)
    expect(loose.stderr + loose.stdout).not.toContain(TOKEN)
    expect(loose.stdout).toContain('Plan:')
    chmodSync(file, 0o600)
    expect((await run(['plan', 'examples/starter', '--token-file', file], {PAGERDUTY_API_URL: sandbox.url})).stderr).not.toContain('readable')
  })

  it('explains a missing token', async () => {
    const {code, stderr} = await run(['plan', 'examples/starter'], {})
    expect(code).toBe(1)
    expect(stderr).toContain('no PagerDuty API token: set PAGERDUTY_TOKEN or pass --token-file <path>')
  })
})
