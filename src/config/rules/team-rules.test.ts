import {stringify} from 'yaml'
import {describe, expect, it} from 'vitest'
import {baseConfig, runRule} from '../../../test/validate/rule-kit.js'
import {checkSources} from '../load-config.js'
import {teamRules} from './team-rules.js'

// Mon 2026-03-02 09:00 Tokyo; the base schedule hands over weekly on Monday 10:00 between Aiko and Ken.
const NOW = new Date('2026-03-02T00:00:00Z')

describe('teamRules (config)', () => {
  it('is silent when the config declares no rules', () => {
    expect(runRule(teamRules, baseConfig(), NOW)).toEqual([])
  })

  it('points a swap that gives Ken two weeks in a row at his entry in the layer, with the severity written', () => {
    const c = baseConfig()
    c.rules = {max_consecutive_days: {value: 7, severity: 'error'}}
    c.schedules.primary!.layers![0]!.users = ['aiko@example.com', 'ken@example.com', 'ken@example.com', 'bob@example.com']
    const d = runRule(teamRules, c, NOW)
    expect(d).toEqual([
      expect.objectContaining({
        severity: 'error',
        code: 'rule-max-consecutive-days',
        path: 'schedules.primary.layers[0].users[1]',
        hint: 'rules.max_consecutive_days (error)',
      }),
    ])
    // Turn 0 began Mon 5 Jan: Ken has turns 1 and 2 of every four; within 8 weeks of 2 Mar those are 9 and 16 Mar, then 6 and 13 Apr.
    expect(d[0]!.message).toBe(
      "ken@example.com is on call in schedule `primary` for 14 days without a break, mon 2026-03-09 10:00 – mon 2026-03-23 10:00 Asia/Tokyo (and 1 more stretch over the limit); the team's rule allows 7",
    )
    expect(d[0]!.line).toBeGreaterThan(1)
  })

  it('judges the final shifts: an override that has Ken cover Aiko’s week, right before his own, breaks max_consecutive_days', () => {
    const c = baseConfig()
    c.rules = {max_consecutive_days: {value: 7, severity: 'error'}}
    expect(runRule(teamRules, c, NOW)).toEqual([])
    // Aiko has the week of Mon 2 Mar 10:00 (turn 8 since 5 Jan), Ken the weeks around it; the
    // horizon starts now (Mon 2 Mar 09:00 Tokyo), inside Ken's previous turn.
    c.overrides = [{schedule: 'primary', user: 'ken@example.com', start: '2026-03-02T10:00', end: '2026-03-09T10:00'}]
    const d = runRule(teamRules, c, NOW)
    expect(d.map((x) => [x.severity, x.code])).toEqual([['error', 'rule-max-consecutive-days']])
    expect(d[0]!.message).toContain('ken@example.com is on call in schedule `primary` for 14 days without a break, mon 2026-03-02 09:00 – mon 2026-03-16 10:00 Asia/Tokyo')
  })

  it('judges time-off covers too: Aiko off for her week makes the next in rotation (Ken) cover it', () => {
    const c = baseConfig()
    c.rules = {max_consecutive_days: {value: 7, severity: 'error'}}
    c.time_off = [{user: 'aiko@example.com', from: '2026-03-02T10:00', to: '2026-03-09T10:00', time_zone: 'Asia/Tokyo'}]
    const d = runRule(teamRules, c, NOW)
    expect(d.map((x) => x.code)).toEqual(['rule-max-consecutive-days'])
    expect(d[0]!.message).toContain('ken@example.com is on call in schedule `primary` for 14 days without a break')
  })

  it('lets a schedule’s own rule replace the top-level one and says where it was set', () => {
    const c = baseConfig()
    c.rules = {max_share: {value: 0.9, severity: 'error'}}
    c.schedules.primary!.rules = {max_share: 0.4}
    const d = runRule(teamRules, c, NOW)
    expect(d.map((x) => [x.severity, x.code, x.hint])).toEqual([
      ['warning', 'rule-max-share', 'schedules.primary.rules.max_share (warning)'],
      ['warning', 'rule-max-share', 'schedules.primary.rules.max_share (warning)'],
    ])
  })

  it('looks as far as --horizon: a streak after the horizon is not judged', () => {
    const c = baseConfig()
    c.rules = {max_consecutive_days: {value: 7, severity: 'error'}}
    c.schedules.primary!.layers![0]!.users = ['aiko@example.com', 'ken@example.com', 'ken@example.com', 'bob@example.com']
    const text = stringify(c)
    const short = checkSources([{file: 'oncall.yaml', text}], {rules: [teamRules], now: NOW, horizonDays: 7}).diagnostics
    expect(short).toEqual([])
    const long = checkSources([{file: 'oncall.yaml', text}], {rules: [teamRules], now: NOW, horizonDays: 56}).diagnostics
    expect(long.map((x) => x.code)).toEqual(['rule-max-consecutive-days'])
  })

  it('takes holidays from the schedule’s team and rejects a calendar date-holidays does not know', () => {
    const c = baseConfig()
    c.teams.app!.holidays = {country: 'XX'}
    const d = runRule(teamRules, c, NOW)
    expect(d).toEqual([expect.objectContaining({severity: 'error', code: 'unknown-holidays', path: 'teams.app.holidays'})])
    expect(d[0]!.message).toContain('unknown country code `XX`')
    c.teams.app!.holidays = {country: 'JP', region: 'nowhere'}
    expect(runRule(teamRules, c, NOW)[0]!.message).toContain('unknown region `nowhere` of JP')
  })

  it('rejects a share above 1 and an unknown rule name in the schema', () => {
    const text = `version: 1\nowner: t\nrules:\n  max_share: 1.5\n  max_streak: 3\n`
    const d = checkSources([{file: 'oncall.yaml', text}], {rules: [teamRules], now: NOW}).diagnostics
    expect(d.map((x) => [x.line, x.severity])).toEqual([
      [4, 'error'],
      [5, 'error'],
    ])
  })

  it('refuses the same top-level rule set differently in two files, at the second', () => {
    const one = `version: 1\nowner: t\nrules:\n  max_share: 0.5\n`
    const two = `rules:\n  max_share: 0.6\n`
    const d = checkSources([{file: 'a.yaml', text: one}, {file: 'b.yaml', text: two}], {rules: [], now: NOW}).diagnostics
    expect(d).toEqual([expect.objectContaining({code: 'conflicting-rules', file: 'b.yaml', line: 2})])
  })
})
