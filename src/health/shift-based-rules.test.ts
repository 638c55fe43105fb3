import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {parse} from 'yaml'
import {describe, expect, it} from 'vitest'
import {runRule} from '../../test/validate/rule-kit.js'
import {CONCURRENT} from '../../test/shift-based/fixture.js'
import {coverageGaps} from '../config/rules/coverage-gaps.js'
import {teamRules} from '../config/rules/team-rules.js'
import type {WrittenConfig} from '../config/written.js'
import {computeShifts} from '../schedule/compute-shifts.js'
import {scheduleLoad} from './load.js'
import {loadConfig} from '../config/load-config.js'

// Mon 2026-03-02 00:00 Berlin: the fixture's first week (Anna primary; Dora/Emil alternate daily).
const NOW = new Date('2026-03-01T23:00:00Z')
const WEEK = {start: Date.parse('2026-03-01T23:00:00Z'), end: Date.parse('2026-03-08T23:00:00Z')}

function fixture(): WrittenConfig & {schedules: Record<string, {rotations: {events: {members: string[]; start: string; end: string}[]}[]}>} {
  return parse(readFileSync(join(CONCURRENT, 'oncall.yaml'), 'utf8'))
}

/** Anna is in the release window too, which now opens at 08:00 with her primary shift. */
function withAnnaInReleases() {
  const c = fixture()
  const release = c.schedules['ops-shifts']!.rotations[2]!.events[0]!
  release.members = ['anna@example.com', 'ben@example.com']
  release.start = '2026-03-05T08:00'
  release.end = '2026-03-05T10:00'
  return c
}

// Diagnostics come sorted by their place in the file. Anna's double booking recurs on the
// Thursdays of her weeks as primary within the 8-week horizon (5 and 26 March, 16 April).
describe('team rules and load on a shift-based schedule with concurrent rotations', () => {
  it('load: everyone-event shifts count for each member; concurrent rotations add up person-time', async () => {
    const {state} = await loadConfig(CONCURRENT, {now: NOW})
    const schedule = state!.schedules.get('ops-shifts')!
    const load = scheduleLoad({schedule: schedule.key, timeZone: schedule.timeZone, teams: [], shifts: computeShifts(schedule, WEEK).final, holidays: []}, {window: WEEK, userZones: new Map()})
    const hours = Object.fromEntries(load.people.map((p) => [p.user.split('@')[0], p.onCallMs / 3_600_000]))
    // Anna 7 × 12 h; Dora Mon/Wed/Fri/Sun, Emil Tue/Thu/Sat × 12 h; Ben and Carl both 2 h of the release window.
    expect(hours).toEqual({anna: 84, dora: 48, emil: 36, ben: 2, carl: 2})
    expect(load.onCallMs / 3_600_000).toBe(84 + 48 + 36 + 2 + 2)
    expect(load.people.every((p) => p.doubleBooked === null)).toBe(true)
  })

  it('no_double_booking: a person in two concurrent rotations at once is double-booked, pointed at their member entry', () => {
    const c = withAnnaInReleases()
    c.rules = {no_double_booking: {value: true, severity: 'error'}}
    expect(runRule(teamRules, fixture(), NOW).filter((d) => d.code === 'rule-no-double-booking')).toEqual([])
    const d = runRule(teamRules, c, NOW).filter((x) => x.code === 'rule-no-double-booking')
    // Anna on 5 March; Ben too, on 12 March, when he is primary for the week and in the release window.
    expect(d.map((x) => [x.severity, x.path])).toEqual([
      ['error', 'schedules.ops-shifts.rotations[2].events[0].members[0]'],
      ['error', 'schedules.ops-shifts.rotations[2].events[0].members[1]'],
    ])
    expect(d[0]!.message).toBe(
      'anna@example.com is on call twice at once in schedule `ops-shifts` (two of its rotations), from thu 2026-03-05 08:00 – thu 2026-03-05 10:00 Europe/Berlin (6 h in all): that time has one person fewer on call than the rotations promise',
    )
  })

  it('min_people counts a rotation’s members over its events; max_share judges each person’s share of the person-time', () => {
    const c = fixture()
    c.rules = {min_people: 3, max_share: {value: 0.2, severity: 'error'}}
    const d = runRule(teamRules, c, NOW)
    expect(d.map((x) => [x.code, x.path])).toEqual([
      ['rule-min-people', 'schedules.ops-shifts.rotations[1]'],
      // 8 weeks: 672 h primary, 672 h secondary, 32 h release window, less the 10 h in which Ben
      // or Carl is primary during their own release window (a person's overlap counts once): 1,366 h.
      // Dora and Emil have 336 h each (24.6 %); Anna 252 h and Ben 262 h stay under 20 %.
      ['rule-max-share', 'schedules.ops-shifts.rotations[1].events[0].members[0]'],
      ['rule-max-share', 'schedules.ops-shifts.rotations[1].events[0].members[1]'],
      ['rule-min-people', 'schedules.ops-shifts.rotations[2]'],
    ])
    expect(d[1]!.message).toContain('dora@example.com carries 24.6 % of the on-call time of schedule `ops-shifts`')
    expect(d[0]!.message).toBe("rotation 2 (Secondary) of schedule `ops-shifts` rotates 2 people; the team's rule asks for at least 3")
  })

  it('coverage gaps of a shift-based schedule (nights here) hint at events and rotations, not layers', () => {
    const d = runRule(coverageGaps, fixture(), NOW)
    expect(d.map((x) => x.code)).toEqual(['coverage-gap'])
    expect(d[0]!.message).toContain('schedule `ops-shifts` has nobody on call 29 time(s) in the next 4 weeks: mon 2026-03-02 00:00 – mon 2026-03-02 08:00 Europe/Berlin; mon 2026-03-02 20:00 – tue 2026-03-03 08:00 Europe/Berlin')
    expect(d[0]!.hint).toBe('escalation policy `ops` pages it first; add an event or a rotation so someone always is')
  })
})
