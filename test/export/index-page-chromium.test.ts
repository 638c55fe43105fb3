import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import {describe, expect, it} from 'vitest'
import {exportCalendars, shiftsFromConfig} from '../../src/app/export-calendars.js'
import {exportWindow} from '../../src/export/export-window.js'
import {personColours} from '../../src/export/html/person-colours.js'
import {chromium, chromiumAvailable, IN_CI, requireInCi} from './external-checkers.js'
import {policies, schedules, users} from './fixture-state.js'
import {tempDir} from './run-cli.js'
import {pngColourCounts} from './png-colours.js'

const available = chromiumAvailable()

describe.skipIf(!available && !IN_CI)('index.html in headless Chromium', () => {
  it('parses into the expected blocks and renders every person in their colour', async () => {
    requireInCi(available, 'chromium', 'apt-get install -y chromium')
    const now = Date.parse('2026-03-20T12:00:00Z')
    const out = tempDir()
    await exportCalendars({schedules, policies, users, shiftsFor: shiftsFromConfig(schedules), window: exportWindow({now}), now, busy: false, outDir: out, owner: 'test'})
    const page = join(out, 'index.html')
    const url = pathToFileURL(page).href

    const dom = chromium(['--dump-dom', url])
    expect(dom.status).toBe(0)
    const source = readFileSync(page, 'utf8')
    const blocks = source.match(/<b class="shift"/g)?.length ?? 0
    expect(blocks).toBeGreaterThan(100)
    expect(dom.stdout.match(/<b class="shift"/g)?.length).toBe(blocks) // the browser kept every block
    expect(dom.stdout).toContain('<h1>Who is on call</h1>')

    const png = join(out, 'shot.png')
    const shot = chromium([`--screenshot=${png}`, '--window-size=1400,1000', '--hide-scrollbars', url])
    expect(shot.status).toBe(0)
    const {width, height, counts} = pngColourCounts(readFileSync(png))
    expect([width, height]).toEqual([1400, 1000])
    // The first schedule's rotation fills the first screen: each of its people shows as a sizeable area.
    const colours = personColours(schedules.map((s) => s.layers.flatMap((l) => l.users)))
    for (const email of ['aiko.tanaka@example.com', 'ken.sato@example.com', 'mei.suzuki@example.com']) {
      expect(counts.get(colours.get(email) ?? ''), email).toBeGreaterThan(2000)
    }
  }, 180_000) // two Chromium starts; slow on a loaded CI machine
})
