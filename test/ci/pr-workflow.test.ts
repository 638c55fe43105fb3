/**
 * The example CI workflows: every file parses, uses only the allowed actions, and the pull-request
 * workflow's own oncall steps (their `run:` scripts, as written) produce a good plan comment against
 * the sandbox for a swap of two people in a weekly rotation.
 */
import {cpSync, mkdtempSync, readdirSync, readFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {parse} from 'yaml'
import {Account, REPO, cliEnv, editYaml, example, loadDesired} from '../integration/harness.js'
import {GITHUB, runOncallSteps, workflow, type StepRun, type Workflow} from './workflow-runner.js'

const GITLAB = join(REPO, 'examples', 'ci', 'gitlab', '.gitlab-ci.yml')
const ALLOWED_ACTIONS = ['actions/checkout', 'actions/setup-node', 'actions/github-script', 'actions/upload-pages-artifact', 'actions/deploy-pages']
const SWAPPED = ['takumi.kobayashi@example.com', 'yui.watanabe@example.com']

describe('example workflows', () => {
  const files = readdirSync(GITHUB).filter((f) => f.endsWith('.yml'))

  it('are the four documented GitHub workflows, each valid YAML with jobs and steps', () => {
    expect(files.sort()).toEqual(['apply.yml', 'calendars.yml', 'drift.yml', 'pull-request.yml'])
    for (const f of files) {
      const wf = workflow(f)
      expect(Object.keys(wf.jobs).length, f).toBeGreaterThan(0)
      for (const job of Object.values(wf.jobs)) expect(job.steps.length, f).toBeGreaterThan(0)
    }
  })

  it('use no third-party actions', () => {
    const used = files.flatMap((f) => Object.values(workflow(f).jobs).flatMap((j) => j.steps.flatMap((s) => (s.uses ? [s.uses] : []))))
    expect(used.length).toBeGreaterThan(0)
    for (const u of used) expect(ALLOWED_ACTIONS, u).toContain(u.split('@')[0])
  })

  it('apply one at a time and never cancel an apply', () => {
    expect((workflow('apply.yml') as Workflow & {concurrency: unknown}).concurrency).toEqual({group: 'oncall-apply', 'cancel-in-progress': false})
    const apply = Object.values(workflow('apply.yml').jobs).flatMap((j) => j.steps).find((s) => s.run?.includes('oncall apply'))
    expect(apply?.run).toContain('--auto-approve')
  })

  it('include a GitLab pipeline with a merge request plan, a serialized apply on main and a drift schedule', () => {
    const gl = parse(readFileSync(GITLAB, 'utf8')) as Record<string, {script?: string[]; resource_group?: string; rules?: {if?: string}[]}>
    expect(gl.plan?.script?.join('\n')).toContain('oncall plan "$ONCALL_CONFIG" --format markdown')
    expect(gl.apply?.resource_group).toBe('oncall-apply')
    expect(gl.apply?.script?.join('\n')).toContain('--auto-approve')
    expect(gl.drift?.rules?.[0]?.if).toContain('schedule')
    expect(gl.drift?.script?.join('\n')).toContain('--detailed-exitcode')
  })
})

describe('pull-request.yml against the sandbox', () => {
  let account: Account
  let repo: string
  let comment: string
  let results: StepRun[]

  beforeAll(async () => {
    const ex = example('retail-org')
    account = await Account.start(ex.seed, ex.from)
    await account.apply(await loadDesired(ex.config))

    // A config repository as the workflow expects it: ./oncall/ (runOncallSteps puts `npx oncall` on the PATH).
    repo = mkdtempSync(join(tmpdir(), 'oncall-ci-'))
    cpSync(ex.config, join(repo, 'oncall'), {recursive: true})

    // The pull request: two people of consumer-app-primary's weekly layer swap places.
    editYaml(join(repo, 'oncall', 'consumer-app', 'team.yaml'), (doc) => {
      const users = doc.getIn(['schedules', 'consumer-app-primary', 'layers', 0, 'users']) as {items: {value: string}[]}
      const [first, second] = users.items
      if (!first || !second || first.value !== SWAPPED[0] || second.value !== SWAPPED[1]) throw new Error('unexpected layer users')
      users.items[0] = second
      users.items[1] = first
    })

    results = await runOncallSteps(workflow('pull-request.yml'), repo, cliEnv(account), account.sandbox.token)
    comment = readFileSync(join(repo, 'comment.md'), 'utf8')
  }, 120_000)

  afterAll(async () => {
    await account?.stop()
  })

  it('runs the validate and plan steps successfully', () => {
    expect(results.map((r) => r.name)).toEqual(['oncall validate', 'oncall plan'])
    for (const r of results) expect(r.status, `${r.name}: ${r.stderr}`).toBe(0)
    expect(readFileSync(join(repo, 'github-output'), 'utf8')).toContain('exitcode=0')
  })

  it('writes a comment with the marker, the summary and the schedule change', () => {
    expect(comment.startsWith('<!-- oncall-plan -->\n### oncall plan: 0 to add, 1 to change, 0 to destroy\n')).toBe(true)
    expect(comment).toContain('<code>~ schedule consumer-app-primary</code>')
    expect(comment.length).toBeLessThan(65_536)
  })

  it('shows exactly the two swapped people gaining and losing weeks', () => {
    const block = comment.slice(comment.indexOf('<code>~ schedule consumer-app-primary</code>'))
    const table = block.slice(block.indexOf('| person | gained | lost |'), block.indexOf('```mermaid'))
    const rows = table.trim().split('\n').slice(2)
    expect(rows.map((r) => r.split(' | ')[0])).toEqual(['| Takumi Kobayashi', '| Yui Watanabe'])
    // Week 9 of the rotation (from Monday 9 March) was Yui's and becomes Takumi's, outside the
    // business hours that a higher layer covers. (Whether the current week changes too depends on
    // when the change takes effect, so it is not asserted here.)
    const [takumi, yui] = rows.map((r) => r.split(' | ').slice(1).map((c) => c.replace(/ \|$/, '')))
    expect(takumi?.[0]).toContain('mon 2026-03-09 18:00 – tue 2026-03-10 09:00')
    expect(takumi?.[1]).not.toContain('2026-03-09')
    expect(yui?.[1]).toContain('mon 2026-03-09 18:00 – tue 2026-03-10 09:00')
    expect(yui?.[0]).not.toContain('2026-03-09')
    expect(block).toContain('On call now: Haruka Nakamura (unchanged)')
  })

  it('has a mermaid gantt of before and after', () => {
    const chart = /```mermaid\n([\s\S]*?)\n```/.exec(comment)?.[1] ?? ''
    expect(chart.startsWith('gantt\n')).toBe(true)
    expect(chart).toContain('  section before\n')
    expect(chart).toContain('  section after\n')
    expect(chart).toMatch(/ {2}Takumi Kobayashi : 2026-03-\d\d \d\d:\d\d, 2026-03-\d\d \d\d:\d\d/)
  })
})
