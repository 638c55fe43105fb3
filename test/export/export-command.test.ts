import {mkdirSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {parseDocument} from 'yaml'
import {join} from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'
import {lintIcs} from '../../src/export/ical-lint.js'
import {exportOrg, NOW, ORG_CONFIG, runCli, tempDir, type CliResult} from './run-cli.js'

const snapshot = (dir: string): Record<string, string> =>
  Object.fromEntries(
    ['schedules', 'users', '.'].flatMap((sub) =>
      readdirSync(join(dir, sub))
        .filter((n) => n.endsWith('.ics') || n.endsWith('.html'))
        .map((n) => [`${sub}/${n}`, readFileSync(join(dir, sub, n), 'utf8')]),
    ),
  )

describe('oncall export', () => {
  let out: string
  let first: CliResult
  beforeAll(() => {
    ;({out, result: first} = exportOrg())
  })

  it('writes schedule feeds, person feeds and the page, all lint-clean, and reports what it did', () => {
    expect(first.stderr).toBe('')
    expect(first.stdout).toContain('Exported 2 schedule feed(s), 4 person feed(s) and index.html')
    expect(first.stdout).toContain('Window 2026-03-06 .. 2026-09-16 (UTC, end exclusive)')
    expect(readdirSync(join(out, 'schedules'))).toEqual(['app-primary.ics', 'platform-berlin.ics'])
    expect(readdirSync(join(out, 'users'))).toEqual([
      'aiko.tanaka-at-example.com.ics',
      'ken.sato-at-example.com.ics',
      'lena.fischer-at-example.com.ics',
      'mei.suzuki-at-example.com.ics',
    ])
    for (const [path, text] of Object.entries(snapshot(out))) if (path.endsWith('.ics')) expect(lintIcs(text), path).toEqual([])
    const free = readFileSync(join(out, 'schedules', 'app-primary.ics'), 'utf8')
    expect(free).toContain('TRANSP:TRANSPARENT\r\n')
    expect(free).not.toContain('TRANSP:OPAQUE')
  })

  it('is byte-identical all day (--now or ONCALL_NOW), leaves unchanged files alone, and removes only stale feeds it wrote', () => {
    const other = tempDir()
    expect(runCli(['export', ORG_CONFIG, '--out', other, '--now', '2026-03-20T23:59:00Z']).status).toBe(0)
    expect(snapshot(other)).toEqual(snapshot(out))
    writeFileSync(join(other, 'schedules', 'old-schedule.ics'), 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n')
    const again = runCli(['export', ORG_CONFIG, '--out', other], {ONCALL_NOW: NOW})
    expect(again.stdout).toContain('0 written, 7 unchanged, 0 removed')
    expect(readdirSync(join(other, 'schedules'))).toEqual(['app-primary.ics', 'old-schedule.ics', 'platform-berlin.ics'])
    // A schedule leaves the config: the feed export wrote for it goes, the file it did not write stays.
    const smaller = join(tempDir(), 'smaller.yaml')
    const doc = parseDocument(readFileSync(ORG_CONFIG, 'utf8'))
    doc.deleteIn(['schedules', 'platform-berlin'])
    for (const key of ['escalation_policies', 'services']) doc.delete(key)
    writeFileSync(smaller, doc.toString())
    const fewer = runCli(['export', smaller, '--out', other], {ONCALL_NOW: NOW})
    expect(fewer.status, fewer.stderr).toBe(0)
    expect(fewer.stdout).toContain('removed schedules/platform-berlin.ics')
    expect(readdirSync(join(other, 'schedules'))).toEqual(['app-primary.ics', 'old-schedule.ics'])
  }, 120_000)

  it('never removes a feed it did not write, and overwrites a page it did not write only with --force', () => {
    const shared = tempDir()
    mkdirSync(join(shared, 'users'))
    writeFileSync(join(shared, 'users', 'someone-else.ics'), 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n')
    writeFileSync(join(shared, 'index.html'), '<h1>Team pages</h1>')
    const refused = runCli(['export', ORG_CONFIG, '--out', shared], {ONCALL_NOW: NOW})
    expect(refused.status).toBe(1)
    expect(refused.stderr).toMatch(/^error: .* already has a file that oncall export did not write \(index\.html; not in \.oncall-export-export-test\.json\): re-run with --force/)
    expect(refused.stderr.trim().split('\n')).toHaveLength(1)
    expect(readdirSync(shared).sort()).toEqual(['index.html', 'users'])
    expect(readFileSync(join(shared, 'index.html'), 'utf8')).toBe('<h1>Team pages</h1>')

    const forced = runCli(['export', ORG_CONFIG, '--out', shared, '--force'], {ONCALL_NOW: NOW})
    expect(forced.status, forced.stderr).toBe(0)
    expect(forced.stdout).toContain('overwrote index.html (--force)')
    expect(readdirSync(join(shared, 'users'))).toContain('someone-else.ics')
    expect(readdirSync(shared)).toContain('.oncall-export-export-test.json')
  }, 120_000)

  it('marks shifts busy with --busy and links https and webcal feeds with --base-url', () => {
    const {out: dir} = exportOrg(['--busy', '--base-url', 'https://oncall.example.com/cal'])
    const busy = readFileSync(join(dir, 'schedules', 'app-primary.ics'), 'utf8')
    expect(busy).toContain('TRANSP:OPAQUE\r\n')
    expect(busy).not.toContain('TRANSP:TRANSPARENT')
    const html = readFileSync(join(dir, 'index.html'), 'utf8')
    expect(html).toContain('href="webcal://oncall.example.com/cal/schedules/app-primary.ics"')
    expect(html).toContain('href="https://oncall.example.com/cal/users/lena.fischer-at-example.com.ics"')
  })

  it('takes the window as --since/--until; the old --from/--to still work, with a deprecation warning', () => {
    const window = ['--since', '2026-03-01', '--until', '2026-04-01']
    const now = runCli(['export', ORG_CONFIG, '--out', tempDir(), ...window], {ONCALL_NOW: NOW})
    expect(now.status, now.stderr).toBe(0)
    expect(now.stdout).toContain('Window 2026-03-01 .. 2026-04-01')
    const old = runCli(['export', ORG_CONFIG, '--out', tempDir(), '--from', '2026-03-01', '--to', '2026-04-01'], {ONCALL_NOW: NOW})
    expect(old.status, old.stderr).toBe(0)
    expect(old.stdout.split('\n').slice(1)).toEqual(now.stdout.split('\n').slice(1)) // the first line names the output directory
    expect(old.stderr).toMatch(/deprecated/)
  })

  it.each([
    [['--since', '2026-01-01', '--until', '2028-06-01'], /error: the export window is 882 days; at most 2 years \(731 days\) is allowed/],
    [['--since', '2026-02-01', '--until', '2026-01-01'], /error: --until \(2026-01-01T00:00Z\) must be after --since/],
    [['--since', 'yesterday'], /error: --since "yesterday" is not a date/],
    [['--base-url', 'ftp://files'], /error: --base-url must start with https:\/\//],
  ])('refuses %j with one clear line and exit 1', (args, message) => {
    const r = runCli(['export', ORG_CONFIG, '--out', tempDir(), ...args], {ONCALL_NOW: NOW})
    expect(r.status).toBe(1)
    expect(r.stderr).toMatch(message)
    expect(r.stderr.trim().split('\n')).toHaveLength(1)
  })

  it('reports an output path it cannot write to as one line', () => {
    const file = join(tempDir(), 'a-file')
    writeFileSync(file, 'x')
    const r = runCli(['export', ORG_CONFIG, '--out', file], {ONCALL_NOW: NOW})
    expect(r.status).toBe(1)
    expect(r.stderr.trim()).toMatch(/^error: cannot write the export: ENOTDIR .*a-file/)
  })

  it('refuses an invalid config without writing anything', () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'bad.yaml'), 'version: 1\nowner: x\nschedules:\n  s:\n    name: S\n    time_zone: Mars/Base\n    layers: []\n')
    const target = join(dir, 'out')
    const r = runCli(['export', join(dir, 'bad.yaml'), '--out', target], {ONCALL_NOW: NOW})
    expect(r.status).toBe(1)
    expect(r.stderr).toMatch(/error: the configuration at .*bad.yaml has \d+ errors?; nothing was read or changed/)
    expect(() => readdirSync(target)).toThrow()
  })
})
