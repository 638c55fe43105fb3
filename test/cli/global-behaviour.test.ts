import {spawnSync} from 'node:child_process'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'

const REPO = join(import.meta.dirname, '..', '..')

function cli(args: readonly string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [join(REPO, 'bin', 'run.js'), ...args], {cwd: REPO, encoding: 'utf8', env: {...process.env, ...env}})
  return {status: r.status, stdout: r.stdout, stderr: r.stderr}
}

describe('behaviour every command shares', {timeout: 180_000}, () => {
  it('an unknown command exits 1 (not oclif’s 2, which means "changes") with a did-you-mean', () => {
    const r = cli(['plna'])
    expect(r.status).toBe(1)
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^error: unknown command `plna` — did you mean `plan`\?/)])
  })

  it('an invalid flag value exits 1 with one line and no stack trace', () => {
    const r = cli(['plan', '--format', 'xml'])
    expect(r.status).toBe(1)
    expect(r.stderr.trim()).toBe('error: Expected --format=xml to be one of: text, json, markdown')
  })

  it.each([
    [['plan', '--preview-days', '1000'], 'error: --preview-days: expected an integer less than or equal to 90 but received: 1000'],
    [['sandbox', '--port', 'abc'], 'error: --port: expected an integer but received: abc'],
    [['sandbox', '--port', '70000'], 'error: --port: expected an integer less than or equal to 65535 but received: 70000'],
    [['import'], 'error: Missing required flag out'],
  ])('a flag value out of range says why in one line: %j', (args, line) => {
    const r = cli(args)
    expect(r.status).toBe(1)
    expect(r.stderr).toBe(`${line}\n`)
  })

  it('--help states the limits of bounded flags and shows no empty [default: ]', () => {
    const help = (command: string) => cli([command, '--help']).stdout.replace(/\s+/g, ' ')
    expect(help('plan')).toMatch(/--preview-days=<value> [^-]*Range: 0\.\.90\./)
    expect(help('sandbox')).toMatch(/--port=<value> [^-]*Range: 0\.\.65535\./)
    for (const command of ['apply', 'export', 'import', 'plan', 'sandbox', 'validate', 'who']) {
      expect(cli([command, '--help']).stdout, command).not.toContain('[default: ]')
    }
  })

  it('every command that reads a config takes it as [PATH], described the same way', () => {
    const pathLine = (command: string) => cli([command, '--help']).stdout.match(/^ {2}\[PATH\] .*$/m)?.[0].replace(/\s+/g, ' ')
    const expected = pathLine('validate')
    expect(expected).toBe(' [PATH] Config file or directory (default ./oncall.yaml, else ./oncall/).')
    for (const command of ['plan', 'export', 'who', 'report']) expect(pathLine(command), command).toBe(expected)
  })

  it('-h and `oncall help` show the same help as --help', () => {
    const root = cli(['--help']).stdout
    expect(cli(['-h']).stdout).toBe(root)
    expect(cli(['help']).stdout).toBe(root)
    const plan = cli(['plan', '--help']).stdout
    expect(plan).toContain('USAGE')
    expect(cli(['plan', '-h']).stdout).toBe(plan)
    expect(cli(['help', 'plan']).stdout).toBe(plan)
    const unknown = cli(['help', 'plna'])
    expect(unknown.status).toBe(1)
    expect(unknown.stderr).toMatch(/^error: unknown command `plna`/)
  })

  it('apply --force names both things it allows: large plans and on-call changes within 24 hours', () => {
    const help = cli(['apply', '--help']).stdout.replace(/\s+/g, ' ')
    expect(help).toMatch(/--force .*30%.*who is on call within the next 24 hours/)
  })

  it('prints a stack trace only with --debug', () => {
    const env = {PAGERDUTY_TOKEN: 'secrettoken1234', PAGERDUTY_API_URL: 'http://127.0.0.1:9'}
    const plain = cli(['plan', 'examples/starter', '--preview-days', '0'], env)
    expect(plain.status).toBe(1)
    expect(plain.stderr).not.toMatch(/\n\s+at /)
    const debug = cli(['plan', 'examples/starter', '--preview-days', '0', '--debug'], env)
    expect(debug.status).toBe(1)
    expect(debug.stderr).toMatch(/\n\s+at /)
    for (const out of [plain.stdout, plain.stderr, debug.stdout, debug.stderr]) expect(out).not.toContain('secrettoken1234')
  })

  it('--help lists every command', () => {
    const r = cli(['--help'])
    expect(r.status).toBe(0)
    for (const command of ['apply', 'demo', 'export', 'help', 'import', 'migrate', 'plan', 'report', 'sandbox', 'validate', 'who']) expect(r.stdout).toMatch(new RegExp(`\\n  ${command} `))
  })
})
