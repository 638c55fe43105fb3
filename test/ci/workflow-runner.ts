/**
 * Runs the `run:` scripts of the example workflows as GitHub would (`bash -eo pipefail`), in a
 * config repository with `npx oncall` pointing at this build, against the in-process sandbox.
 */
import {spawn} from 'node:child_process'
import {chmodSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {parse} from 'yaml'
import {BIN, REPO} from '../integration/harness.js'

export const GITHUB = join(REPO, 'examples', 'ci', 'github-actions')

export interface Step {
  name?: string
  uses?: string
  run?: string
  env?: Record<string, string>
  with?: Record<string, unknown>
}

export interface Workflow {
  env?: Record<string, string>
  jobs: Record<string, {steps: Step[]}>
}

export function workflow(file: string): Workflow {
  return parse(readFileSync(join(GITHUB, file), 'utf8')) as Workflow
}

/** The steps of a workflow that run oncall, in order. */
export function oncallSteps(wf: Workflow): Step[] {
  return Object.values(wf.jobs).flatMap((j) => j.steps).filter((s) => s.run?.includes('npx oncall'))
}

/** `npx oncall ...` in `repo` runs this build's CLI (as `npm ci` would install it). Returns the PATH entry. */
export function installShim(repo: string): string {
  const bin = join(repo, '.bin')
  mkdirSync(bin, {recursive: true})
  writeFileSync(join(bin, 'npx'), `#!/bin/sh\n[ "$1" = oncall ] || { echo "unexpected: npx $*" >&2; exit 127; }\nshift\nexec "${process.execPath}" "${BIN}" "$@"\n`)
  chmodSync(join(bin, 'npx'), 0o755)
  return bin
}

export interface StepRun {
  name: string
  status: number | null
  stdout: string
  stderr: string
}

/** Runs the workflow's oncall steps in order, with GitHub's files and the workflow and step env. */
export async function runOncallSteps(wf: Workflow, repo: string, env: Record<string, string>, token: string): Promise<StepRun[]> {
  const bin = installShim(repo)
  const results: StepRun[] = []
  for (const step of oncallSteps(wf)) {
    const stepEnvironment = {
      ...wf.env,
      ...stepEnv(step, token),
      ...env,
      GITHUB_OUTPUT: join(repo, 'github-output'),
      GITHUB_STEP_SUMMARY: join(repo, 'step-summary'),
      GITHUB_REPOSITORY: 'retail-it/oncall-config',
      GITHUB_REPOSITORY_OWNER: 'retail-it',
      PATH: `${bin}:${process.env.PATH ?? ''}`,
    }
    results.push({name: step.name ?? '', ...(await runBash(step.run ?? '', stepEnvironment, repo))})
  }
  return results
}

/**
 * A step's env with GitHub expressions replaced: the token secret becomes the sandbox's; `vars.*`
 * are left to the caller's env (as repository variables would be).
 */
export function stepEnv(step: Step, token: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(step.env ?? {})) {
    if (v === '${{ secrets.PAGERDUTY_TOKEN }}') out[k] = token
    else if (/^\$\{\{ vars\.\w+ \}\}$/.test(v)) continue
    else if (v.includes('${{')) throw new Error(`unexpected expression in ${step.name}: ${k}=${v}`)
    else out[k] = v
  }
  return out
}

/** As GitHub runs `shell: bash` steps; asynchronous because the sandbox answers from this process. */
export function runBash(script: string, env: Record<string, string>, cwd: string): Promise<{status: number | null; stdout: string; stderr: string}> {
  return new Promise((resolve, reject) => {
    const clean = {...process.env}
    for (const k of ['PAGERDUTY_TOKEN', 'PAGERDUTY_API_URL', 'PAGERDUTY_FROM', 'ONCALL_NOW']) delete clean[k]
    const child = spawn('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script], {cwd, env: {...clean, ...env}, stdio: ['ignore', 'pipe', 'pipe']})
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    child.on('error', reject)
    child.on('close', (status) => resolve({status, stdout, stderr}))
  })
}
