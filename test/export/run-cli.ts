import {spawnSync} from 'node:child_process'
import {mkdtempSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

export const REPO = join(import.meta.dirname, '..', '..')
export const ORG_CONFIG = join(import.meta.dirname, 'fixtures', 'org.yaml')
/** Fixed clock for every CLI export test: the window then covers Europe's DST change on 2026-03-29. */
export const NOW = '2026-03-20T12:00:00Z'

export interface CliResult {
  status: number | null
  stdout: string
  stderr: string
}

/** Runs the built CLI (dist/ is compiled by test/global-setup.ts). */
export function runCli(args: readonly string[], env: Record<string, string> = {}): CliResult {
  const r = spawnSync(process.execPath, [join(REPO, 'bin', 'run.js'), ...args], {
    cwd: REPO,
    encoding: 'utf8',
    env: {...process.env, NO_COLOR: '1', PAGERDUTY_TOKEN: '', ...env}, // no token: the config alone
  })
  return {status: r.status, stdout: r.stdout, stderr: r.stderr}
}

export function tempDir(prefix = 'oncall-export-'): string {
  return mkdtempSync(join(tmpdir(), prefix))
}

/** Exports the test org into a fresh directory and returns it. */
export function exportOrg(extra: readonly string[] = []): {out: string; result: CliResult} {
  const out = tempDir()
  const result = runCli(['export', ORG_CONFIG, '--out', out, ...extra], {ONCALL_NOW: NOW})
  if (result.status !== 0) throw new Error(`export failed (${result.status}): ${result.stderr}`)
  return {out, result}
}
