import {readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import {describe, expect, it} from 'vitest'
import {exportCalendars, shiftsFromConfig} from '../../src/app/export-calendars.js'
import {exportWindow} from '../../src/export/export-window.js'
import {LOAD_COLOURS} from '../../src/export/html/load-chart.js'
import {DEFAULT_NIGHTS} from '../../src/health/settings.js'
import type {Team} from '../../src/model/index.js'
import {chromium, chromiumAvailable, IN_CI, requireInCi} from './external-checkers.js'
import {policies, schedules, users} from './fixture-state.js'
import {tempDir} from './run-cli.js'
import {pngColourCounts} from './png-colours.js'

const available = chromiumAvailable()

describe.skipIf(!available && !IN_CI)('the load view of index.html in headless Chromium', () => {
  it('draws one stacked bar per person per team, with days, nights, weekends and holidays visible', async () => {
    requireInCi(available, 'chromium', 'apt-get install -y chromium')
    // Golden Week is inside the window, and the fixture's Tokyo schedule takes Japan's holidays.
    const now = Date.parse('2026-04-20T12:00:00Z')
    const out = tempDir()
    const teamed = schedules.map((s) => ({...s, teams: ['consumer-app']}))
    const teams = new Map<string, Team>([['consumer-app', {key: 'consumer-app', name: 'Consumer App', description: '', members: []}]])
    const health = {rulesBySchedule: new Map(), configRules: {}, holidaysBySchedule: new Map(teamed.map((s) => [s.key, {country: 'JP'}])), nights: DEFAULT_NIGHTS}
    const window = exportWindow({now, since: '2026-04-20', until: '2026-05-18'})
    await exportCalendars({schedules: teamed, policies, users, teams, health, shiftsFor: shiftsFromConfig(teamed), window, now, busy: false, outDir: out, owner: 'test'})
    const page = join(out, 'index.html')
    const source = readFileSync(page, 'utf8')
    const section = /<section class="load" id="load">[\s\S]*?<\/section>/.exec(source)?.[0] ?? ''
    expect(section).toContain('<h3>Consumer App</h3>')
    const people = [...new Set(teamed.flatMap((s) => s.layers.flatMap((l) => l.users)))]
    expect(section.match(/<g class="person">/g)?.length).toBe(people.length)
    for (const kind of ['days', 'nights', 'weekends', 'holidays']) expect(section, kind).toContain(`class="load-${kind}"`)

    // The browser parses every bar of the real page.
    const dom = chromium(['--dump-dom', pathToFileURL(page).href])
    expect(dom.status).toBe(0)
    expect(dom.stdout.match(/<rect class="load-/g)?.length).toBe(section.match(/<rect class="load-/g)?.length)

    // And paints them: the load section with the page's own styles, screenshotted alone.
    const style = /<style>[\s\S]*?<\/style>/.exec(source)?.[0] ?? ''
    const alone = join(out, 'load.html')
    writeFileSync(alone, `<!doctype html><html><head><meta charset="utf-8">${style}</head><body>${section}</body></html>`)
    const png = join(out, 'load.png')
    const shot = chromium([`--screenshot=${png}`, '--window-size=1000,700', '--hide-scrollbars', pathToFileURL(alone).href])
    expect(shot.status).toBe(0)
    const {counts} = pngColourCounts(readFileSync(png))
    for (const [kind, colour] of Object.entries(LOAD_COLOURS)) expect(counts.get(colour) ?? 0, kind).toBeGreaterThan(200)
  }, 180_000)
})
