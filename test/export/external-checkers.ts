import {spawnSync} from 'node:child_process'
import {existsSync, mkdtempSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

/**
 * The cross-checks with tools outside npm (Chromium, python3-icalendar) run wherever the tool is
 * installed, and are required in CI (CI=true): there a missing tool fails the test instead of
 * skipping it silently. `.ci/run` installs both.
 */
export const IN_CI = process.env.CI === 'true'

export const CHROMIUM = '/usr/bin/chromium'
export const PYTHON = '/usr/bin/python3' // Debian's python modules live in /usr/lib/python3/dist-packages

export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM)
}

export function pythonIcalendarAvailable(): boolean {
  return existsSync(PYTHON) && spawnSync(PYTHON, ['-c', 'import icalendar'], {stdio: 'ignore'}).status === 0
}

/** Throws (failing the test) when CI requires a tool that is missing. */
export function requireInCi(available: boolean, what: string, install: string): void {
  if (!available) throw new Error(`CI=true but ${what} is not installed: ${install}`)
}

/** Headless Chromium with a throw-away profile and nothing running in the background. */
export function chromium(args: string[]): {status: number | null; stdout: string; stderr: string} {
  const profile = mkdtempSync(join(tmpdir(), 'oncall-chromium-'))
  const r = spawnSync(
    CHROMIUM,
    ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', `--user-data-dir=${profile}`, ...args],
    {encoding: 'utf8', timeout: 120_000},
  )
  return {status: r.status, stdout: r.stdout, stderr: r.stderr}
}
