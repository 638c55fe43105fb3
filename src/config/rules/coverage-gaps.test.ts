import {describe, expect, it} from 'vitest'
import {baseConfig, runRule} from '../../../test/validate/rule-kit.js'
import {coverageGaps} from './coverage-gaps.js'

// TEST_NOW of the rule kit is 2026-03-01T00:00Z (Sun 09:00 in Tokyo); the horizon is 28 days.
const NOW = new Date('2026-03-02T00:00:00Z') // Mon 2026-03-02 09:00 Tokyo

describe('coverageGaps', () => {
  it('is silent when the first-paged schedule always has someone', () => {
    expect(runRule(coverageGaps, baseConfig(), NOW)).toEqual([])
  })

  it('lists the gaps of a weekday business-hours schedule on its own clock, capped with a count', () => {
    const c = baseConfig()
    c.schedules.primary!.layers![0]!.restrictions = [{weekly: {from: 'mon 09:00', to: 'fri 18:00'}}]
    const d = runRule(coverageGaps, c, NOW)
    expect(d).toHaveLength(1)
    expect(d[0]).toMatchObject({severity: 'warning', code: 'coverage-gap', path: 'schedules.primary'})
    // Four weekends in 28 days from Mon 09:00, the last one cut at Mon 2026-03-30 09:00, where the check ends.
    expect(d[0]!.message).toBe(
      'schedule `primary` has nobody on call 4 time(s) in the next 4 weeks: ' +
        'fri 2026-03-06 18:00 – mon 2026-03-09 09:00 Asia/Tokyo; ' +
        'fri 2026-03-13 18:00 – mon 2026-03-16 09:00 Asia/Tokyo; ' +
        'fri 2026-03-20 18:00 – mon 2026-03-23 09:00 Asia/Tokyo; and 1 more',
    )
    expect(d[0]!.hint).toBe('escalation policy `app` pages it first; add a layer or widen restrictions so someone always is')
  })

  it('reports a layer that ends within the horizon as a gap to the end of the check', () => {
    const c = baseConfig()
    c.schedules.primary!.layers![0]!.end = '2026-03-20T10:00'
    const d = runRule(coverageGaps, c, NOW)
    expect(d.map((x) => x.message)).toEqual([
      'schedule `primary` has nobody on call 1 time(s) in the next 4 weeks: from fri 2026-03-20 10:00 Asia/Tokyo to the end of the 28 days checked',
    ])
  })

  it('ignores schedules paged only at later levels or next to a user target, and gaps beyond four weeks', () => {
    const later = baseConfig()
    later.schedules.primary!.layers![0]!.restrictions = [{daily: {from: '09:00', to: '18:00'}}]
    later.escalation_policies.app!.rules = [
      {delay: '15m', targets: [{user: 'aiko@example.com'}]},
      {delay: '15m', targets: [{schedule: 'primary'}]},
    ]
    expect(runRule(coverageGaps, later, NOW)).toEqual([])
    // A user in the first level is always paged, whatever the schedule does.
    later.escalation_policies.app!.rules = [{delay: '15m', targets: [{schedule: 'primary'}, {user: 'aiko@example.com'}]}]
    expect(runRule(coverageGaps, later, NOW)).toEqual([])
    const farEnd = baseConfig()
    farEnd.schedules.primary!.layers![0]!.end = '2026-04-30T00:00'
    expect(runRule(coverageGaps, farEnd, NOW)).toEqual([])
  })

  it('warns once per schedule, naming every policy that pages it first', () => {
    const c = baseConfig()
    c.schedules.primary!.layers![0]!.end = '2026-03-20T10:00'
    c.escalation_policies.other = {rules: [{delay: '5m', targets: [{schedule: 'primary'}]}]}
    const d = runRule(coverageGaps, c, NOW)
    expect(d).toHaveLength(1)
    expect(d[0]!.hint).toBe('escalation policies `app`, `other` page it first; add a layer or widen restrictions so someone always is')
  })

  describe('a first level of several schedules (follow the sun)', () => {
    // Tokyo 09:00–21:00 JST is 00:00–12:00 UTC; London 12:00–24:00 is 12:00–24:00 UTC in winter but
    // 11:00–23:00 UTC in summer time (from Sun 2026-03-29), leaving 23:00–24:00 UTC to nobody.
    function followTheSun(): ReturnType<typeof baseConfig> {
      const c = baseConfig()
      c.schedules.primary!.layers![0]!.restrictions = [{daily: {from: '09:00', to: '21:00'}}]
      c.schedules.london = {
        time_zone: 'Europe/London',
        layers: [{users: ['ken@example.com'], turn: 'weekly', handoff: 'mon 12:00', start: '2026-01-05', restrictions: [{daily: {from: '12:00', to: '00:00'}}]}],
      }
      c.escalation_policies.app!.rules = [{delay: '15m', targets: [{schedule: 'primary'}, {schedule: 'london'}]}]
      return c
    }

    it('is silent while the schedules cover for each other', () => {
      expect(runRule(coverageGaps, followTheSun(), new Date('2026-01-10T00:00:00Z'))).toEqual([])
    })

    it('warns at the policy when none of them has anyone, on the first schedule’s clock', () => {
      const d = runRule(coverageGaps, followTheSun(), new Date('2026-04-01T00:00:00Z'))
      expect(d).toHaveLength(1)
      expect(d[0]).toMatchObject({severity: 'warning', code: 'coverage-gap', path: 'escalation_policies.app.rules[0]'})
      expect(d[0]!.message).toBe(
        'the first level of escalation policy `app` (`primary`, `london`) has nobody on call 28 time(s) in the next 4 weeks: ' +
          'thu 2026-04-02 08:00 – thu 2026-04-02 09:00 Asia/Tokyo; ' +
          'fri 2026-04-03 08:00 – fri 2026-04-03 09:00 Asia/Tokyo; ' +
          'sat 2026-04-04 08:00 – sat 2026-04-04 09:00 Asia/Tokyo; and 25 more',
      )
    })
  })

  it('depends on the injected clock only', () => {
    const c = baseConfig()
    c.schedules.primary!.layers![0]!.end = '2026-03-20T10:00'
    expect(runRule(coverageGaps, c, new Date('2026-01-10T00:00:00Z'))).toEqual([])
    expect(runRule(coverageGaps, c, new Date('2026-03-10T00:00:00Z'))).toHaveLength(1)
  })
})
