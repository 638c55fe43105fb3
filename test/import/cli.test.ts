/**
 * `oncall import` through the real binary against the varied sandbox account: files written,
 * warnings on stderr, determinism (same --now, same bytes), --single-file, --team, refusal to
 * write over existing YAML, and import --adopt --auto-approve followed by `plan` → "No changes".
 */
import {copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {loadConfig} from '../../src/config/load-config.js'
import {parseDescription} from '../../src/providers/pagerduty/ownership.js'
import {Account, cliEnv, REPO, runCli, type CliRun} from '../integration/harness.js'
import {VARIED_SEED} from './varied-account.js'

let account: Account
let env: Record<string, string>
let root: string

const cli = (args: readonly string[]): Promise<CliRun> => runCli(args, env)
const out = (name: string) => join(root, name)

/** Every file under `dir` with its contents, by relative path. */
function tree(dir: string): Record<string, string> {
  const files = readdirSync(dir, {recursive: true, withFileTypes: true}).filter((e) => e.isFile())
  return Object.fromEntries(files.map((e) => [join(e.parentPath, e.name).slice(dir.length + 1), readFileSync(join(e.parentPath, e.name), 'utf8')]).sort())
}

beforeAll(async () => {
  account = await Account.start(VARIED_SEED, 'aiko.tanaka@example.com')
  env = cliEnv(account)
  root = mkdtempSync(join(tmpdir(), 'oncall-import-cli-'))
})

afterAll(async () => {
  await account.stop()
})

describe.sequential('oncall import (CLI)', () => {
  it('writes a config that validates, warns about what it left out, and changes nothing', async () => {
    const before = account.state()
    const run = await cli(['import', '--out', out('a')])
    expect(run.status, run.stderr).toBe(0)
    expect(run.stdout).toContain('Imported 3 team(s), 5 schedule(s), 3 escalation policy(ies), 6 service(s) into 8 file(s)')
    expect(run.stdout).toContain('owner: imported')
    // 4 objects left out, 4 imported with fields the config does not manage (test/import/varied-account.ts)
    expect(run.stderr.split('\n').filter((l) => l.startsWith('warning: '))).toHaveLength(8)
    expect(run.stderr).toContain('service rules-grouping ("Rules Grouping", PV7) not imported: alert grouping "rules"')
    expect(run.stderr).toContain('service search-indexer ("Search Indexer", PV4): not managed by the config, kept as it is: alert_creation (create_incidents)')
    expect(account.state()).toEqual(before)
    const loaded = await loadConfig(out('a'), {now: account.now})
    expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
    const validate = await cli(['validate', out('a')])
    expect(validate.status, validate.stdout + validate.stderr).toBe(0)
  })

  it('is deterministic: a second import with the same --now writes the same bytes', async () => {
    const run = await cli(['import', '--out', out('b')])
    expect(run.status).toBe(0)
    expect(tree(out('b'))).toEqual(tree(out('a')))
  })

  it('refuses to write into a directory that already holds YAML, unless --force', async () => {
    account.sandbox.admin.clearRequests()
    const refused = await cli(['import', '--out', out('a')])
    expect(refused.status).toBe(1)
    expect(account.requests()).toEqual([])
    expect(refused.stderr.trim().split('\n')).toHaveLength(1)
    expect(refused.stderr).toContain('--force')
    const forced = await cli(['import', '--out', out('a'), '--force'])
    expect(forced.status).toBe(0)
  })

  it('plan of the import lists the objects as unmanaged and creates nothing', async () => {
    const run = await cli(['plan', out('a'), '--detailed-exitcode'])
    expect(run.status, run.stdout + run.stderr).toBe(0)
    expect(run.stdout).toContain('Unmanaged (exist in the account without an ownership marker):')
    expect(run.stdout).not.toMatch(/^\+ /m)
  })

  it('--single-file writes one file that validates (--out FILE, or --out DIR for DIR/oncall.yaml)', async () => {
    const named = await cli(['import', '--single-file', '--out', join(out('single'), 'pagerduty.yml')])
    expect(named.status, named.stderr).toBe(0)
    const run = await cli(['import', '--single-file', '--out', out('single')])
    expect(run.status, run.stderr).toBe(0)
    expect(Object.keys(tree(out('single')))).toEqual(['oncall.yaml', 'pagerduty.yml'])
    const file = join(out('single'), 'oncall.yaml')
    expect(readFileSync(join(out('single'), 'pagerduty.yml'), 'utf8')).toBe(readFileSync(file, 'utf8'))
    const text = readFileSync(file, 'utf8')
    expect(text).toMatch(/^# yaml-language-server: \$schema=\S+schemas\/oncall\.schema\.json\n/)
    expect(text).toContain('# Not imported')
    const loaded = await loadConfig(file, {now: account.now})
    expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
    expect(loaded.state?.services.size).toBe(6)
  })

  it('points the modeline at the nearest schemas/oncall.schema.json above the output, relative to each file', async () => {
    const repo = out('repo')
    mkdirSync(join(repo, 'schemas'), {recursive: true})
    copyFileSync(join(REPO, 'schemas', 'oncall.schema.json'), join(repo, 'schemas', 'oncall.schema.json'))
    const run = await cli(['import', '--out', join(repo, 'oncall')])
    expect(run.status, run.stderr).toBe(0)
    const files = tree(join(repo, 'oncall'))
    expect(files['org.yaml']?.split('\n')[0]).toBe('# yaml-language-server: $schema=../schemas/oncall.schema.json')
    expect(files['payments/team.yaml']?.split('\n')[0]).toBe('# yaml-language-server: $schema=../../schemas/oncall.schema.json')
  })

  it('--team keeps that team and what its objects use, with the owner from the team name', async () => {
    const run = await cli(['import', '--out', out('team'), '--team', 'Search Platform'])
    expect(run.status, run.stderr).toBe(0)
    const loaded = await loadConfig(out('team'), {now: account.now})
    const state = loaded.state
    expect(state?.owner).toBe('search-platform')
    expect([...(state?.services.keys() ?? [])]).toEqual(['search-api', 'search-indexer'])
    // The cross-team schedule names Payments too, so that team comes along (its config must resolve).
    expect([...(state?.schedules.keys() ?? [])].sort()).toEqual(['cross-team-secondary', 'search-follow-the-sun'])
    expect([...(state?.teams.keys() ?? [])].sort()).toEqual(['payments', 'search-platform'])
    const ours = run.stderr.split('\n').filter((l) => /^(note|error): /.test(l))
    expect(ours).toEqual(['note: also imported, outside the filter: team payments (used by schedule cross-team-secondary)'])
    const warnings = run.stderr.split('\n').filter((l) => l.startsWith('warning: '))
    expect(warnings.map((w) => w.replace(/ \(".*$/, ''))).toEqual(['warning: team search-platform', 'warning: service search-indexer'])
  })

  it('--team that matches nothing is a one-line error', async () => {
    const run = await cli(['import', '--out', out('none'), '--team', 'Nope'])
    expect(run.status).toBe(1)
    expect(run.stderr).toContain('nothing in the account matches team Nope')
  })

  it('--adopt without a terminal and without --auto-approve marks nothing', async () => {
    const run = await cli(['import', '--out', out('adopt-refused'), '--adopt'])
    expect(run.status).toBe(1)
    expect(run.stderr).toContain('--auto-approve')
    const marked = account.state().services.filter((s) => parseDescription(s.description).marker !== null)
    expect(marked).toEqual([])
  })

  it('--adopt --auto-approve marks the imported objects; plan then shows no changes', async () => {
    const run = await cli(['import', '--out', out('adopted'), '--owner', 'acme', '--adopt', '--auto-approve'])
    expect(run.status, run.stderr).toBe(0)
    expect(run.stdout).toContain('~ schedule payments-primary')
    const plan = await cli(['plan', out('adopted'), '--detailed-exitcode'])
    expect(plan.status, plan.stdout + plan.stderr).toBe(0)
    expect(plan.stdout).toContain('No changes')
    expect(plan.stdout).not.toContain('Unmanaged')
    const state = account.state()
    expect(state.services.filter((s) => parseDescription(s.description).marker?.owner === 'acme')).toHaveLength(6)
  })
})
