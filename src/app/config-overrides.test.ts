import {describe, expect, it} from 'vitest'
import {stringify} from 'yaml'
import {checkSources} from '../config/load-config.js'
import type {WrittenConfig} from '../config/written.js'
import {overridesOverSchedules} from './config-overrides.js'
import {buildExport, shiftsFromConfig} from './export-calendars.js'
import {formatWhoText, whoJson} from './render-who.js'
import {parseAt, shiftsFromEngine, whoIsOnCall} from './who-is-on-call.js'

// Weekly Tokyo rotation from mon 2026-01-05 10:00: aiko, ken, mei, ...; week 8 (from mon 2026-03-02) is mei's.
const config: WrittenConfig = {
  version: 1,
  owner: 't',
  schedules: {
    primary: {
      time_zone: 'Asia/Tokyo',
      layers: [{users: ['aiko@example.com', 'ken@example.com', 'mei@example.com'], turn: 'weekly', handoff: 'mon 10:00', start: '2026-01-05'}],
    },
  },
  overrides: [{schedule: 'primary', user: 'ken@example.com', start: '2026-03-03T10:00', end: '2026-03-04T10:00', note: 'dentist swap'}],
  time_off: [{user: 'mei@example.com', from: '2026-03-06', to: '2026-03-06'}],
}

function load() {
  const {state, diagnostics} = checkSources([{file: 'oncall.yaml', text: stringify(config)}], {now: new Date('2026-03-01T00:00Z')})
  expect(diagnostics.filter((d) => d.severity === 'error' || d.code.includes('override') || d.code.includes('time-off'))).toEqual([])
  return state!
}

describe('config mode: overrides and time-off covers over the layers', () => {
  it('who names the override and the time-off cover, labelled, in text and JSON', async () => {
    const state = load()
    const source = {...state, shiftsFor: overridesOverSchedules(state, shiftsFromEngine)}
    // Week 8 (from mon 2026-03-02 10:00) is mei's; the override hands tue→wed to ken.
    const plain = await whoIsOnCall(state, 'primary', parseAt('2026-03-03T12:00'))
    expect(plain.kind === 'schedule' && plain.schedule.onCall?.user).toBe('mei@example.com')
    const over = await whoIsOnCall(source, 'primary', parseAt('2026-03-03T12:00'))
    expect(over.kind === 'schedule' && over.schedule.onCall?.user).toBe('ken@example.com')
    expect(formatWhoText(over)).toContain('[override: dentist swap]')
    expect(JSON.stringify(whoJson(over))).toContain('"override":{"kind":"override","note":"dentist swap","replaces":null}')
    // Friday: mei is off; the next in rotation (aiko) covers the whole day.
    const cover = await whoIsOnCall(source, 'primary', parseAt('2026-03-06T12:00'))
    expect(cover.kind === 'schedule' && cover.schedule.onCall).toMatchObject({user: 'aiko@example.com', override: {kind: 'time_off', replaces: 'mei@example.com'}})
    expect(formatWhoText(cover)).toContain('[time-off cover for mei@example.com]')
  })

  it('export labels override shifts in SUMMARY and DESCRIPTION', async () => {
    const state = load()
    const schedules = [...state.schedules.values()]
    const files = await buildExport(
      {
        schedules,
        policies: [],
        users: state.users,
        shiftsFor: overridesOverSchedules(state, shiftsFromConfig(schedules)),
        window: {start: Date.parse('2026-03-02T00:00Z'), end: Date.parse('2026-03-09T00:00Z')},
        now: Date.parse('2026-03-01T00:00Z'),
        busy: false,
      },
      () => undefined,
    )
    const feed = files.find((f) => f.path === 'schedules/primary.ics')?.content.replace(/\r\n /g, '') ?? ''
    expect(feed).toContain('SUMMARY:On call: primary (ken@example.com) [override]')
    expect(feed).toContain('override: dentist swap')
    expect(feed).toContain('SUMMARY:On call: primary (aiko@example.com) [covering time off]')
    expect(feed).toContain("override covering mei@example.com's time off")
    const page = files.find((f) => f.path === 'index.html')?.content ?? ''
    expect(page).toContain('class="shift override"')
  })
})
