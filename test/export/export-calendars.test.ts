import ICAL from 'ical.js'
import {mkdtemp, readdir, readFile, rm, writeFile, mkdir} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {buildExport, exportCalendars, ExportError, shiftsFromConfig, type ExportInput} from '../../src/app/export-calendars.js'
import {userFeedFileName} from '../../src/export/feed-file-names.js'
import {lintIcs} from '../../src/export/ical-lint.js'
import {exportWindow, paddedWindow} from '../../src/export/export-window.js'
import type {Schedule} from '../../src/model/index.js'
import {computeShifts} from '../../src/schedule/compute-shifts.js'
import {policies, schedules, users} from './fixture-state.js'

const now = Date.parse('2026-03-20T12:34:56Z') // window covers Europe's DST change on 2026-03-29
const window = exportWindow({now})

function input(over: Partial<ExportInput> = {}): ExportInput {
  return {schedules, policies, users, shiftsFor: shiftsFromConfig(schedules), window, now, busy: false, ...over}
}

interface ParsedEvent {
  uid: string
  summary: string
  start: number
  end: number
  sequence: number
}

function parse(ics: string): ParsedEvent[] {
  const cal = new ICAL.Component(ICAL.parse(ics))
  return cal.getAllSubcomponents('vevent').map((c) => {
    const e = new ICAL.Event(c)
    return {uid: e.uid, summary: e.summary, start: e.startDate.toJSDate().getTime(), end: e.endDate.toJSDate().getTime(), sequence: e.sequence}
  })
}

/** What the engine says, restricted to the shifts that overlap the export window. */
function engineShifts(s: Schedule) {
  return computeShifts(s, paddedWindow(window)).final.filter((x) => x.end > window.start && x.start < window.end)
}

describe('buildExport from the config engine', () => {
  it('writes lint-clean feeds whose UTC instants are exactly the engine shifts', async () => {
    const files = await buildExport(input(), () => undefined)
    expect(files.map((f) => f.path)).toEqual([
      'schedules/consumer-app-primary.ics',
      'schedules/platform-berlin.ics',
      'users/aiko.tanaka-at-example.com.ics',
      'users/ken.sato-at-example.com.ics',
      'users/lena.fischer-at-example.com.ics',
      'users/mei.suzuki-at-example.com.ics',
      'index.html',
    ])
    for (const f of files.filter((x) => x.path.endsWith('.ics'))) expect(lintIcs(f.content), f.path).toEqual([])
    for (const s of schedules) {
      const file = files.find((f) => f.path === `schedules/${s.key}.ics`)
      const expected = engineShifts(s)
      expect(expected.length).toBeGreaterThan(10)
      expect(parse(file?.content ?? '').map((e) => [e.start, e.end])).toEqual(expected.map((x) => [x.start, x.end]))
    }
  })

  it("gives each person exactly their shifts across all schedules, with other UIDs than the schedule feeds", async () => {
    const files = await buildExport(input(), () => undefined)
    const scheduleUids = new Set(files.filter((f) => f.path.startsWith('schedules/')).flatMap((f) => parse(f.content).map((e) => e.uid)))
    const aiko = parse(files.find((f) => f.path === 'users/aiko.tanaka-at-example.com.ics')?.content ?? '')
    const expected = schedules
      .flatMap((s) => engineShifts(s).filter((x) => x.user === 'aiko.tanaka@example.com').map((x) => [x.start, x.end, s.name]))
      .sort((a, b) => Number(a[0]) - Number(b[0]))
    expect(aiko.map((e) => [e.start, e.end, e.summary])).toEqual(expected.map(([a, b, name]) => [a, b, `On call: ${name} (Aiko Tanaka)`]))
    expect(aiko.some((e) => scheduleUids.has(e.uid))).toBe(false)
  })

  it('keeps UIDs and times of whole shifts when the window slides by a day', async () => {
    const today = await buildExport(input(), () => undefined)
    const later = now + 86_400_000
    const tomorrow = await buildExport(input({now: later, window: exportWindow({now: later})}), () => undefined)
    const events = (files: typeof today) => new Map(parse(files[0]?.content ?? '').map((e) => [e.uid, [e.start, e.end]]))
    const a = events(today)
    const b = events(tomorrow)
    const shared = [...a.keys()].filter((uid) => b.has(uid))
    expect(shared.length).toBeGreaterThan(a.size - 3)
    for (const uid of shared) expect(b.get(uid)).toEqual(a.get(uid))
  })

  it("keeps a one-person schedule's feed byte-identical from day to day", async () => {
    const base = schedules[1] as Schedule
    const solo: Schedule = {...base, key: 'solo', layers: [{...base.layers[0]!, users: ['boss@example.com'], restrictions: []}]}
    const at = (day: number) => {
      const t = now + day * 86_400_000
      return input({schedules: [solo], shiftsFor: shiftsFromConfig([solo]), now: t, window: exportWindow({now: t})})
    }
    expect(paddedWindow(at(1).window).start).toBe(paddedWindow(at(0).window).start) // same 28-day block
    const [a] = await buildExport(at(0), () => undefined)
    const [b] = await buildExport(at(1), () => undefined)
    expect(parse(a?.content ?? '')).toHaveLength(1)
    expect(b?.content).toBe(a?.content)
  })

  it('refuses two people whose emails map to the same file name', async () => {
    const clash: Schedule = {...(schedules[1] as Schedule), key: 'clash', layers: [{...(schedules[1] as Schedule).layers[0]!, users: ['a-at-b@x.io', 'a@b-at-x.io']}]}
    await expect(buildExport(input({schedules: [clash], shiftsFor: shiftsFromConfig([clash])}), () => undefined)).rejects.toThrow(ExportError)
  })
})

describe('exportCalendars into a directory', () => {
  it('is byte-identical on re-export, removes stale feeds and bumps SEQUENCE only for changed events', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'oncall-export-'))
    await mkdir(join(dir, 'users'), {recursive: true})
    await writeFile(join(dir, 'users', 'someone-else-at-example.com.ics'), 'not ours')
    await writeFile(join(dir, 'users', 'notes.txt'), 'keep me')
    const first = await exportCalendars({...input(), outDir: dir, owner: 'test'})
    expect(first.removed).toEqual([])
    expect((await readdir(join(dir, 'users'))).sort()).toEqual([
      'aiko.tanaka-at-example.com.ics',
      'ken.sato-at-example.com.ics',
      'lena.fischer-at-example.com.ics',
      'mei.suzuki-at-example.com.ics',
      'notes.txt',
      'someone-else-at-example.com.ics',
    ])
    const before = await readFile(join(dir, 'schedules', 'consumer-app-primary.ics'), 'utf8')

    const second = await exportCalendars({...input(), outDir: dir, owner: 'test'})
    expect(second.written).toEqual([])
    expect(second.unchanged).toHaveLength(7)
    expect(await readFile(join(dir, 'schedules', 'consumer-app-primary.ics'), 'utf8')).toBe(before)

    // Ken changes his display name: only events that mention him change, and they move to SEQUENCE 1.
    const renamed = new Map(users)
    renamed.set('ken.sato@example.com', {...users.get('ken.sato@example.com')!, name: 'Ken Satō'})
    const third = await exportCalendars({...input({users: renamed}), outDir: dir, owner: 'test'})
    expect(third.written).toContain('schedules/consumer-app-primary.ics')
    expect(third.written).not.toContain('schedules/platform-berlin.ics')
    const after = await readFile(join(dir, 'schedules', 'consumer-app-primary.ics'), 'utf8')
    expect(lintIcs(after)).toEqual([])
    const oldEvents = new Map(parse(before).map((e) => [e.uid, e]))
    let bumped = 0
    for (const e of parse(after)) {
      const mentionsKen = e.summary.includes('Ken') || /Ken Sat/.test(after.slice(after.indexOf(`UID:${e.uid}`)).split('END:VEVENT')[0]!.replace(/\r\n /g, ''))
      expect(e.sequence, e.summary).toBe(mentionsKen ? 1 : 0)
      expect(oldEvents.get(e.uid)?.sequence).toBe(0)
      if (mentionsKen) bumped++
    }
    expect(bumped).toBeGreaterThan(0)
    expect(after).toContain('DTSTAMP:20000101T000001Z')

    // Schedule removed from the config: its feed goes, the other stays untouched.
    const only = [schedules[0] as Schedule]
    const fourth = await exportCalendars({...input({schedules: only, shiftsFor: shiftsFromConfig(only), users: renamed}), outDir: dir, owner: 'test'})
    expect(fourth.removed).toEqual(['schedules/platform-berlin.ics', 'users/lena.fischer-at-example.com.ics'])
    expect(await readdir(join(dir, 'schedules'))).toEqual(['consumer-app-primary.ics'])
    expect(await readFile(join(dir, 'users', 'someone-else-at-example.com.ics'), 'utf8')).toBe('not ours')
    await rm(dir, {recursive: true, force: true})
  })

  it('never deletes a file it did not write, and overwrites one only with force', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'oncall-export-'))
    await mkdir(join(dir, 'users'), {recursive: true})
    await writeFile(join(dir, 'users', 'someone-else-at-example.com.ics'), 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n')
    await writeFile(join(dir, 'index.html'), '<p>the team page</p>')
    const refused = exportCalendars({...input(), outDir: dir, owner: 'test'})
    await expect(refused).rejects.toThrow(ExportError)
    await expect(refused).rejects.toThrow(/already has a file that oncall export did not write \(index\.html; not in \.oncall-export-test\.json\): re-run with --force/)
    expect((await readdir(dir)).sort()).toEqual(['index.html', 'users']) // nothing written
    expect(await readdir(join(dir, 'users'))).toEqual(['someone-else-at-example.com.ics'])

    const forced = await exportCalendars({...input(), outDir: dir, owner: 'test', force: true})
    expect(forced.overwritten).toEqual(['index.html'])
    expect(forced.removed).toEqual([])
    expect(await readFile(join(dir, 'index.html'), 'utf8')).toContain('Generated by <code>oncall export</code>')
    expect(await readdir(join(dir, 'users'))).toContain('someone-else-at-example.com.ics')
    const manifest = JSON.parse(await readFile(join(dir, '.oncall-export-test.json'), 'utf8'))
    expect(Object.keys(manifest.files)).toHaveLength(7)
    expect(Object.keys(manifest.files)).not.toContain('users/someone-else-at-example.com.ics')
    await rm(dir, {recursive: true, force: true})
  })

  it('two configs publishing into one folder keep each other\'s feeds, and a page taken over is no longer ours', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'oncall-export-'))
    const [tokyo, berlin] = schedules as [Schedule, Schedule]
    const team = (s: Schedule) => input({schedules: [s], shiftsFor: shiftsFromConfig([s])})
    await exportCalendars({...team(tokyo), outDir: dir, owner: 'tokyo'})
    // Berlin's page would replace Tokyo's: refused; with force it takes the page, Tokyo's feeds stay.
    await expect(exportCalendars({...team(berlin), outDir: dir, owner: 'berlin'})).rejects.toThrow(/index\.html/)
    const b = await exportCalendars({...team(berlin), outDir: dir, owner: 'berlin', force: true})
    expect(b.overwritten).toEqual(['users/aiko.tanaka-at-example.com.ics', 'index.html']) // Aiko is in both rotations
    expect(await readdir(join(dir, 'schedules'))).toEqual(['consumer-app-primary.ics', 'platform-berlin.ics'])
    // The page Berlin now holds is no longer Tokyo's: not overwritten without force. Tokyo drops
    // its schedule: its own feeds go, Berlin's stay.
    await expect(exportCalendars({...team(tokyo), outDir: dir, owner: 'tokyo'})).rejects.toThrow(/index\.html/)
    const none = input({schedules: [], shiftsFor: shiftsFromConfig([])})
    const t = await exportCalendars({...none, outDir: dir, owner: 'tokyo', force: true})
    expect(t.removed).toEqual(expect.arrayContaining(['schedules/consumer-app-primary.ics']))
    expect(t.removed).not.toContain('schedules/platform-berlin.ics')
    expect(await readdir(join(dir, 'schedules'))).toEqual(['platform-berlin.ics'])
    await rm(dir, {recursive: true, force: true})
  })
})

describe('a large export (issue 14)', () => {
  // 60 copies of the fixture schedules, spread over two teams and none: above SPLIT_ABOVE_SCHEDULES.
  const many: Schedule[] = Array.from({length: 60}, (_, i) => {
    const base = schedules[i % schedules.length] as Schedule
    return {...base, key: `s-${String(i).padStart(2, '0')}`, name: `S ${i}`, teams: i % 3 === 2 ? [] : [i % 3 === 0 ? 'alpha' : 'beta']}
  })
  const big = (over: Partial<ExportInput> = {}) =>
    input({schedules: many, shiftsFor: shiftsFromConfig(many), teamNames: new Map([['alpha', 'Team Alpha'], ['beta', 'Team Beta']]), ...over})

  it('is split into one page per team and an index linking them and every feed; person feeds equal the one-pass grouping', async () => {
    const files = await buildExport(big(), () => undefined)
    const paths = files.map((f) => f.path)
    expect(paths.filter((p) => p.endsWith('.html'))).toEqual(['team-_none.html', 'team-alpha.html', 'team-beta.html', 'index.html'])
    const index = files.find((f) => f.path === 'index.html')?.content ?? ''
    expect(index).toContain('<a href="team-alpha.html">Team Alpha</a> <span class="muted">20 schedule(s)</span>')
    expect(index).toContain('Schedules without a team')
    expect(index).toContain('schedules/s-59.ics')
    const alpha = files.find((f) => f.path === 'team-alpha.html')?.content ?? ''
    expect(alpha).toContain('id="s-00"')
    expect(alpha).not.toContain('id="s-01"')
    // A person's feed holds exactly their shifts of every schedule (the grouping is done once).
    const people = [...new Set(many.flatMap((s) => s.layers.flatMap((l) => l.users)))]
    expect(files.filter((x) => x.path.startsWith('users/'))).toHaveLength(people.length)
    for (const email of people) {
      const f = files.find((x) => x.path === `users/${userFeedFileName(email)}`)
      if (!f) throw new Error(`no feed for ${email}`)
      const expected = many.flatMap((s) => engineShifts(s).filter((x) => x.user === email)).length
      expect(parse(f.content).length, f.path).toBe(expected)
    }
  })

  it("puts only a team's own load chart on its page, on the scale shared by all teams; a team without a page of its own is charted on the index", async () => {
    // s-01 is beta's and gamma's: gamma is no schedule's first team, so it has no page.
    const shared = many.map((s) => (s.key === 's-01' ? {...s, teams: ['beta', 'gamma']} : s))
    const files = await buildExport(big({schedules: shared, shiftsFor: shiftsFromConfig(shared)}), () => undefined)
    const pages = new Map(files.filter((f) => f.path.endsWith('.html')).map((f) => [f.path, f.content]))
    const loadOf = (html: string) => /<section class="load" id="load">[\s\S]*?<\/section>/.exec(html)?.[0] ?? ''
    const charted = (path: string) => [...loadOf(pages.get(path) ?? '').matchAll(/<h3>(.*?)<\/h3>/g)].map((m) => m[1])
    expect(charted('team-alpha.html')).toEqual(['alpha'])
    expect(charted('team-beta.html')).toEqual(['beta'])
    expect(charted('team-_none.html')).toEqual(['(no team)'])
    expect(charted('index.html')).toEqual(['gamma'])
    // One scale for every page: a bar's width per hour is the same everywhere, and the longest bar of all is full width.
    const bars = [...pages.values()].flatMap((html) =>
      [...loadOf(html).matchAll(/<g class="person">([\s\S]*?)<\/g>/g)].map((m) => {
        const width = [...(m[1] ?? '').matchAll(/ width="([\d.]+)"/g)].reduce((sum, w) => sum + Number(w[1]), 0)
        return {width, hours: Number(/>([\d.]+) h<\/text>$/.exec(m[1] ?? '')?.[1])}
      }),
    )
    expect(bars.length).toBeGreaterThan(4)
    const perHour = Math.max(...bars.map((b) => b.width)) / Math.max(...bars.map((b) => b.hours))
    for (const b of bars) expect(Math.abs(b.width - b.hours * perHour)).toBeLessThan(0.5)
    expect(Math.max(...bars.map((b) => b.width))).toBeCloseTo(640, 0)
  })

  it('removes team pages that are no longer written', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'oncall-export-'))
    await exportCalendars({...big(), outDir: dir, owner: 'test'})
    expect((await readdir(dir)).filter((n) => n.startsWith('team-')).sort()).toEqual(['team-_none.html', 'team-alpha.html', 'team-beta.html'])
    const second = await exportCalendars({...big(), outDir: dir, owner: 'test'})
    expect(second.written).toEqual([])
    const fewer = many.slice(0, 3)
    const third = await exportCalendars({...input({schedules: fewer, shiftsFor: shiftsFromConfig(fewer)}), outDir: dir, owner: 'test'})
    expect(third.removed.filter((p) => p.startsWith('team-'))).toEqual(['team-_none.html', 'team-alpha.html', 'team-beta.html'])
  })
})
