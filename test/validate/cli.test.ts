import {spawnSync} from 'node:child_process'
import {closeSync, mkdirSync, mkdtempSync, openSync, ftruncateSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join, resolve} from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'

const BIN = resolve('bin/run.js')
const NOW = '2026-03-01T00:00:00Z'

function run(args: string[], cwd = process.cwd()): {code: number | null; stdout: string; stderr: string} {
  const r = spawnSync(process.execPath, [BIN, 'validate', ...args, '--now', NOW], {cwd, encoding: 'utf8', env: {...process.env, NO_COLOR: '1'}})
  return {code: r.status, stdout: r.stdout, stderr: r.stderr}
}

let dir: string
const file = (name: string, content: string | Buffer): string => {
  const path = join(dir, name)
  mkdirSync(join(path, '..'), {recursive: true})
  writeFileSync(path, content)
  return path
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'oncall-validate-'))
})

/** Runs validate on `path` and checks the contract for bad input: exit 1, a positioned line, no stack trace. */
function expectRejected(path: string, code: string, position: RegExp): string {
  const r = run([path])
  const output = r.stdout + r.stderr
  expect(r.code, output).toBe(1)
  const line = output.split('\n').find((l) => l.includes(` error ${code} `))
  expect(line, output).toBeDefined()
  expect(line).toMatch(position)
  expect(output).not.toMatch(/^\s+at /m)
  return line ?? ''
}

const VALID_HEAD = 'version: 1\nowner: t\n'

describe('oncall validate: bad input', () => {
  it('unclosed quote', () => {
    expectRejected(file('quote.yaml', `${VALID_HEAD}teams:\n  a: {name: "Oops}\n`), 'yaml-syntax', /quote\.yaml:\d+:\d+: error yaml-syntax/)
  })
  it('bad indentation', () => {
    expectRejected(file('indent.yaml', `${VALID_HEAD}teams:\n  a:\n    name: A\n   description: B\n`), 'yaml-syntax', /indent\.yaml:6:\d+: error/)
  })
  it('tab indentation, with a hint', () => {
    const line = expectRejected(file('tabs.yaml', `${VALID_HEAD}teams:\n\ta: {}\n`), 'yaml-syntax', /tabs\.yaml:4:1: error/)
    expect(line).toContain('indent with spaces')
  })
  it('duplicate mapping key, naming the key and its first place', () => {
    const line = expectRejected(file('dupkey.yaml', `${VALID_HEAD}teams:\n  a: {}\n  a: {}\n`), 'duplicate-mapping-key', /dupkey\.yaml:5:3: error/)
    expect(line).toContain('duplicate key `a`: already defined at')
    expect(line).toMatch(/dupkey\.yaml:4:3 in the same mapping/)
  })
  it('empty file: an error as the whole config, with the version hint', () => {
    expectRejected(file('empty.yaml', ''), 'no-settings', /empty\.yaml:1:1: error/)
    const line = expectRejected(file('comments.yaml', '# only a comment\n'), 'no-settings', /comments\.yaml:1:1: error/)
    expect(line).toContain('version: 1')
  })
  it('a comment-only file in a directory config is a warning, without a wrong `version` hint', () => {
    file('with-notes/org.yaml', `${VALID_HEAD}teams:\n  a: {name: A}\n`)
    file('with-notes/later.yaml', '# services go here once we have them\n')
    const r = run([join(dir, 'with-notes')])
    expect(r.code, r.stdout).toBe(0)
    expect(r.stdout).toMatch(/later\.yaml:1:1: warning empty-file file holds only comments\n/)
    expect(r.stdout).not.toContain('version: 1')
  })
  it('a file that is not a mapping', () => {
    expectRejected(file('list.yaml', '- a\n- b\n'), 'not-a-mapping', /list\.yaml:1:1: error/)
    expectRejected(file('scalar.yaml', '\n"just text"\n'), 'not-a-mapping', /scalar\.yaml:2:1: error/)
  })
  it('wrong types', () => {
    const line = expectRejected(file('types.yaml', `${VALID_HEAD}escalation_policies:\n  p:\n    repeat: twice\n    rules: []\n`), 'wrong-type', /types\.yaml:5:13: error/)
    expect(line).toContain('must be an integer, not `twice`')
  })
  it('unknown fields, with did-you-mean', () => {
    const line = expectRejected(file('unknown.yaml', `${VALID_HEAD}services:\n  api:\n    escalation_polcy: p\n`), 'unknown-field', /unknown\.yaml:5:5: error/)
    expect(line).toContain('did you mean `escalation_policy`?')
    const top = expectRejected(file('unknown-top.yaml', `${VALID_HEAD}schedule: {}\n`), 'unknown-field', /unknown-top\.yaml:3:1: error/)
    expect(top).toContain('did you mean `schedules`?')
  })
  it('__proto__ and constructor keys are refused', () => {
    const r = run([file('proto.yaml', `${VALID_HEAD}__proto__: {polluted: true}\nteams:\n  constructor: {}\n`)])
    expect(r.code).toBe(1)
    expect(r.stdout).toMatch(/proto\.yaml:3:1: error forbidden-key key `__proto__` is not allowed/)
    expect(r.stdout).toMatch(/proto\.yaml:5:3: error forbidden-key key `constructor` is not allowed/)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
  it('YAML alias bombs are stopped', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]']
    for (let i = 1; i < 9; i++) levels.push(`l${i}: &l${i} [${Array(10).fill(`*${i === 1 ? 'a' : `l${i - 1}`}`).join(', ')}]`)
    const line = expectRejected(file('bomb.yaml', levels.join('\n') + '\n'), 'alias-limit', /bomb\.yaml:2:\d+: error/)
    expect(line).toContain('aliases')
  })
  it('a 50 MB file is refused by size before parsing', () => {
    const path = join(dir, 'huge.yaml')
    const fd = openSync(path, 'w')
    ftruncateSync(fd, 50 * 1024 * 1024) // sparse: instant to create
    closeSync(fd)
    const started = Date.now()
    const r = run([path])
    expect(r.code).toBe(1)
    expect(r.stdout).toMatch(/huge\.yaml: error file-too-large file is 50\.0 MB, more than the 5\.0 MB limit per file/)
    // Not a timing test: only guards against parsing 50 MB (which would take far longer).
    expect(Date.now() - started).toBeLessThan(20_000)
  })
  it('too much YAML in total is refused', () => {
    const big = mkdtempSync(join(tmpdir(), 'oncall-total-'))
    for (let i = 0; i < 5; i++) {
      const fd = openSync(join(big, `f${i}.yaml`), 'w')
      ftruncateSync(fd, 4.5 * 1024 * 1024)
      closeSync(fd)
    }
    const r = run([big])
    expect(r.code).toBe(1)
    expect(r.stdout).toMatch(/f4\.yaml: error config-too-large/)
  })
  it('non-UTF-8 bytes, with their position', () => {
    const bytes = Buffer.concat([Buffer.from(`${VALID_HEAD}teams:\n  a: {name: "Caf`), Buffer.from([0xe9]), Buffer.from('"}\n')])
    const line = expectRejected(file('latin1.yaml', bytes), 'invalid-utf8', /latin1\.yaml:4:17: error/)
    expect(line).toContain('0xe9')
  })
  it('a directory without YAML', () => {
    const empty = join(dir, 'no-yaml')
    mkdirSync(empty)
    writeFileSync(join(empty, 'README.md'), '# nothing')
    const r = run([empty])
    expect(r.code).toBe(1)
    expect(r.stdout).toContain(`${empty}: error no-config-files`)
  })
  it('run from a directory above the config: reads the config, ignores unrelated YAML and says so', () => {
    file('repo/oncall/org.yaml', `${VALID_HEAD}teams:\n  a: {name: A}\n`)
    file('repo/oncall/a/team.yaml', 'schedules:\n  s: {time_zone: UTC, layers: [{users: [x@example.com], turn: daily, handoff: "09:00", start: 2026-01-05}]}\n')
    file('repo/ci/workflow.yml', 'on: push\njobs: {build: {runs-on: ubuntu-latest}}\n')
    const r = run([join(dir, 'repo')])
    expect(r.code, r.stdout).toBe(0)
    expect(r.stdout).toMatch(/note: read 2 file\(s\) under .*repo.*ignored 1 other YAML file\(s\) \(.*workflow\.yml\)/)
    expect(r.stdout).toMatch(/valid \(2 files,/)
  })
  it('a path that does not exist', () => {
    const r = run([join(dir, 'missing.yaml')])
    expect(r.code).toBe(1)
    expect(r.stdout).toContain('error path-not-found no such file or directory')
    expect(r.stdout + r.stderr).not.toMatch(/^\s+at /m)
  })
  it('reports all problems of all files in one run', () => {
    const multi = join(dir, 'multi')
    file('multi/a.yaml', `${VALID_HEAD}teams:\n  a: {nmae: x}\n`)
    file('multi/b.yaml', 'services:\n  s: {escalation_policy: p, urgency: medium}\n')
    const r = run([multi])
    expect(r.code).toBe(1)
    expect(r.stdout).toMatch(/multi\/a\.yaml:4:7: error unknown-field/)
    expect(r.stdout).toMatch(/multi\/b\.yaml:2:38: error invalid-value `medium` is not allowed/)
  })
})

describe('oncall validate: merged directories', () => {
  it('a key defined in two files names both places', () => {
    const d = join(dir, 'dup')
    file('dup/a.yaml', `${VALID_HEAD}teams:\n  app: {}\n`)
    file('dup/b.yaml', 'teams:\n  app: {name: Other}\n')
    const r = run([d])
    expect(r.code).toBe(1)
    expect(r.stdout).toContain(`${join(d, 'b.yaml')}:2:3: error duplicate-key team \`app\` is defined twice: first at ${join(d, 'a.yaml')}:4:3`)
  })
})

describe('oncall validate: output and exit codes', () => {
  const warningsOnly = () =>
    file(
      'warn.yaml',
      `${VALID_HEAD}schedules:\n  s: {time_zone: UTC, layers: [{users: [a@example.com], turn: daily, handoff: "09:00", start: 2026-01-05}]}\n`,
    )

  it('exit 0 with warnings, 1 with --strict', () => {
    const path = warningsOnly()
    const r = run([path])
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('warn.yaml:4:3: warning unused-schedule schedule `s` is used by no escalation policy')
    expect(r.stdout).toContain('valid (1 file, 0 errors, 1 warning)')
    const strict = run([path, '--strict'])
    expect(strict.code).toBe(1)
    expect(strict.stdout).toContain('--strict fails on warnings')
  })

  it('--format json and --json give the diagnostics as data', () => {
    const path = file('json.yaml', `${VALID_HEAD}services:\n  api:\n    escalation_polcy: p\n`)
    for (const flags of [['--format', 'json'], ['--json']]) {
      const r = run([path, ...flags])
      expect(r.code).toBe(1)
      const data = JSON.parse(r.stdout) as {valid: boolean; errors: number; diagnostics: Record<string, unknown>[]}
      expect(data.valid).toBe(false)
      expect(data.errors).toBe(2)
      expect(data.diagnostics).toContainEqual({
        severity: 'error',
        code: 'unknown-field',
        message: 'unknown field `escalation_polcy`',
        file: path,
        line: 5,
        col: 5,
        path: 'services.api.escalation_polcy',
        hint: 'did you mean `escalation_policy`?',
      })
    }
  })

  it('defaults to ./oncall.yaml, else ./oncall/', () => {
    const withFile = mkdtempSync(join(tmpdir(), 'oncall-default-'))
    writeFileSync(join(withFile, 'oncall.yaml'), 'owner: x\n')
    expect(run([], withFile).stdout).toMatch(/^oncall\.yaml:1:1: error missing-version/m)
    const withDir = mkdtempSync(join(tmpdir(), 'oncall-default-'))
    mkdirSync(join(withDir, 'oncall'))
    writeFileSync(join(withDir, 'oncall', 'x.yaml'), 'version: 1\n')
    expect(run([], withDir).stdout).toMatch(/^oncall\/x\.yaml:1:1: error missing-owner/m)
    const neither = mkdtempSync(join(tmpdir(), 'oncall-default-'))
    expect(run([], neither).stdout).toContain('oncall: error path-not-found')
  })
})

describe('examples', () => {
  it.each([
    ['examples/retail-org', 8], // with overrides/2026-12.yaml
    ['examples/starter/oncall.yaml', 1],
    ['examples/follow-the-sun/oncall.yaml', 1],
  ])('%s is valid', (path, files) => {
    const r = run([path, '--json'])
    const data = JSON.parse(r.stdout) as {valid: boolean; files: string[]; errors: number; diagnostics: {code: string}[]}
    expect({valid: data.valid, errors: data.errors, files: data.files.length}).toEqual({valid: true, errors: 0, files})
    expect(r.code).toBe(0)
    // No warnings either: the examples are meant to be copied.
    expect(data.diagnostics.map((d) => d.code)).toEqual([])
  })
})
