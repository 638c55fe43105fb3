import {spawn} from 'node:child_process'
import {mkdtempSync, readdirSync, readFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'

const FIXTURE = new URL('../fixtures/sandbox/seed.yaml', import.meta.url).pathname
const BIN = new URL('../../bin/run.js', import.meta.url).pathname

/** Spawns `oncall sandbox`, waits for its banner, runs `use`, then stops it with SIGTERM. */
async function withCli(args: string[], use: (url: string, out: string) => Promise<void>): Promise<{code: number | null; out: string}> {
  const child = spawn(process.execPath, [BIN, 'sandbox', ...args], {stdio: ['ignore', 'pipe', 'pipe']})
  let out = ''
  child.stdout.on('data', (d: Buffer) => (out += d.toString()))
  child.stderr.on('data', (d: Buffer) => (out += d.toString()))
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setInterval(() => {
        const m = /listening on (http:\/\/\S+)/.exec(out)
        if (m && out.includes('Ctrl-C')) {
          clearInterval(timer)
          resolve(m[1] as string)
        }
      }, 50)
      void exited.then(() => {
        clearInterval(timer)
        reject(new Error(`sandbox exited early: ${out}`))
      })
    })
    await use(url, out)
  } finally {
    child.kill('SIGTERM')
  }
  return {code: await exited, out}
}

describe('oncall sandbox (CLI)', () => {
  it('prints URL and token, serves the seeded users to that token, and stops cleanly on SIGTERM', async () => {
    const {code, out} = await withCli(['--seed', FIXTURE, '--token', 'clitoken'], async (url, banner) => {
      expect(banner).toContain('token: clitoken')
      const res = await fetch(`${url}/users`, {headers: {Authorization: 'Token token=clitoken', Accept: 'application/vnd.pagerduty+json;version=2'}})
      expect(res.status).toBe(200)
      const body = (await res.json()) as {users: {email: string}[]}
      expect(body.users.map((u) => u.email)).toEqual(['aiko.tanaka@example.com', 'ken.sato@example.com'])
      const denied = await fetch(`${url}/users`)
      expect(denied.status).toBe(401)
    })
    expect(out).toContain('sandbox stopped')
    expect(code).toBe(0)
  })

  it('keeps a valid state file when killed with SIGKILL in the middle of writes, and reloads it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sandbox-kill-'))
    const file = join(dir, 'state.json')
    const child = spawn(process.execPath, [BIN, 'sandbox', '--state', file, '--token', 'killtoken'], {stdio: ['ignore', 'pipe', 'pipe']})
    let out = ''
    child.stdout.on('data', (d: Buffer) => (out += d.toString()))
    const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()))
    while (!/listening on (http:\/\/\S+)/.test(out)) await new Promise((r) => setTimeout(r, 50))
    const url = (/listening on (http:\/\/\S+)/.exec(out) as RegExpExecArray)[1]
    const headers = {Authorization: 'Token token=killtoken', 'Content-Type': 'application/json'}
    const writes = Array.from({length: 200}, (_, i) =>
      fetch(`${url}/teams`, {method: 'POST', headers, body: JSON.stringify({team: {type: 'team', name: `Team ${i}`}})}).catch(() => undefined),
    )
    await new Promise((r) => setTimeout(r, 30))
    child.kill('SIGKILL')
    await Promise.all(writes)
    await exited
    const state = JSON.parse(readFileSync(file, 'utf8')) as {version: number; teams: unknown[]}
    expect(state.version).toBe(1)
    expect(readdirSync(dir).filter((f) => f !== 'state.json').every((f) => f.endsWith('.tmp'))).toBe(true)
    const saved = state.teams.length
    await withCli(['--state', file, '--token', 'killtoken'], async (url2) => {
      const res = await fetch(`${url2}/teams?total=true&limit=1`, {headers})
      expect(((await res.json()) as {total: number}).total).toBe(saved)
    })
  })

  it('applies fault flags: --rate-limit', async () => {
    const {code} = await withCli(['--token', 't0ken', '--rate-limit', '1'], async (url) => {
      const headers = {Authorization: 'Token token=t0ken'}
      expect((await fetch(`${url}/abilities`, {headers})).status).toBe(200)
      const limited = await fetch(`${url}/abilities`, {headers})
      expect(limited.status).toBe(429)
      expect(limited.headers.get('ratelimit-limit')).toBe('1')
    })
    expect(code).toBe(0)
  })

  it('fails with one line for a missing seed file', async () => {
    const child = spawn(process.execPath, [BIN, 'sandbox', '--seed', '/nonexistent/seed.yaml'], {stdio: ['ignore', 'pipe', 'pipe']})
    let err = ''
    child.stderr.on('data', (d: Buffer) => (err += d.toString()))
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve))
    expect(code).toBe(1)
    expect(err).toMatch(/^error: sandbox failed to start: .*nonexistent/)
  })
})
