/**
 * examples/ci/gitlab/post-mr-note.mjs against a stand-in for GitLab's notes API: the first run
 * posts the note, later runs update that same note (found by its marker), other notes untouched.
 */
import {spawn} from 'node:child_process'
import {mkdtempSync, writeFileSync} from 'node:fs'
import {createServer, type Server} from 'node:http'
import type {AddressInfo} from 'node:net'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {REPO} from '../integration/harness.js'

const SCRIPT = join(REPO, 'examples', 'ci', 'gitlab', 'post-mr-note.mjs')

interface Note {
  id: number
  body: string
}

describe('post-mr-note.mjs', () => {
  let server: Server
  let api: string
  const notes: Note[] = [{id: 1, body: 'LGTM'}]
  const calls: string[] = []

  beforeAll(async () => {
    server = createServer((req, res) => {
      let data = ''
      req.on('data', (d: Buffer) => (data += d.toString()))
      req.on('end', () => {
        calls.push(`${req.method} ${req.url?.split('?')[0]}`)
        if (req.headers['private-token'] !== 'glpat-test') return void res.writeHead(401).end('{}')
        const base = '/api/v4/projects/42/merge_requests/7/notes'
        const body = data ? (JSON.parse(data) as {body: string}).body : ''
        res.setHeader('content-type', 'application/json')
        if (req.method === 'GET' && req.url?.startsWith(base)) return void res.end(JSON.stringify(notes))
        if (req.method === 'POST' && req.url === base) {
          const note = {id: notes.length + 1, body}
          notes.push(note)
          return void res.writeHead(201).end(JSON.stringify(note))
        }
        const found = notes.find((n) => req.url === `${base}/${n.id}`)
        if (req.method === 'PUT' && found) {
          found.body = body
          return void res.end(JSON.stringify(found))
        }
        res.writeHead(404).end('{}')
      })
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    api = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v4`
  })

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

  it('posts one note, then updates it in place', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'oncall-gl-'))
    const file = join(dir, 'comment.md')
    writeFileSync(file, '<!-- oncall-plan -->\n### oncall plan: 1 to add\n')
    expect(await post(file)).toMatchObject({status: 0, stdout: 'posted the plan note\n'})
    writeFileSync(file, '<!-- oncall-plan -->\n### oncall plan: no changes\n')
    expect(await post(file)).toMatchObject({status: 0, stdout: 'updated note 2\n'})
    expect(notes).toEqual([
      {id: 1, body: 'LGTM'},
      {id: 2, body: '<!-- oncall-plan -->\n### oncall plan: no changes\n'},
    ])
    expect(calls).toEqual([
      'GET /api/v4/projects/42/merge_requests/7/notes',
      'POST /api/v4/projects/42/merge_requests/7/notes',
      'GET /api/v4/projects/42/merge_requests/7/notes',
      'PUT /api/v4/projects/42/merge_requests/7/notes/2',
    ])
  })

  it('fails with one line when the token is missing', async () => {
    const run = await post(join(REPO, 'package.json'), {GITLAB_NOTE_TOKEN: ''})
    expect(run.status).toBe(1)
    expect(run.stderr.trim().split('\n')).toHaveLength(1)
  })

  /** Asynchronous: the stand-in server answers from this process. */
  function post(file: string, env: Record<string, string> = {}): Promise<{status: number | null; stdout: string; stderr: string}> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [SCRIPT, file], {
        env: {PATH: process.env.PATH ?? '', CI_API_V4_URL: api, CI_PROJECT_ID: '42', CI_MERGE_REQUEST_IID: '7', GITLAB_NOTE_TOKEN: 'glpat-test', ...env},
        stdio: ['ignore', 'pipe', 'pipe'],
      })
      let stdout = ''
      let stderr = ''
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
      child.on('error', reject)
      child.on('close', (status) => resolve({status, stdout, stderr}))
    })
  }
})
