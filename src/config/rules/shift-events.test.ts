import {describe, expect, it} from 'vitest'
import {baseConfig, runRule} from '../../../test/validate/rule-kit.js'
import type {WrittenShiftEvent} from '../written.js'
import {layersNotEmpty} from './layers-not-empty.js'
import {shiftEvents} from './shift-events.js'

const day = (d: string, over: Partial<WrittenShiftEvent> = {}): WrittenShiftEvent => ({
  name: d,
  start: '2026-03-02T09:00',
  end: '2026-03-02T17:00',
  repeat: {every_weeks: 1, on: [d]},
  members: ['aiko@example.com', 'ken@example.com'],
  ...over,
})

function withEvents(events: WrittenShiftEvent[]) {
  const c = baseConfig()
  c.schedules.primary = {time_zone: 'Europe/Berlin', teams: ['app'], rotations: [{name: 'Days', events}]}
  return c
}

const summary = (d: ReturnType<typeof runRule>) => d.map((x) => `${x.severity} ${x.code} ${x.path} ${x.line}:${x.col}`)

describe('shiftEvents (PagerDuty constraints on shift-based schedules, positioned)', () => {
  it('accepts five non-overlapping weekday events', () => {
    expect(runRule(shiftEvents, withEvents(['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => day(d))))).toEqual([])
  })

  it('refuses " · " in a rotation name, at the name (it carries rotation names in PagerDuty event names)', () => {
    const c = withEvents([day('mon')])
    c.schedules.primary = {time_zone: 'Europe/Berlin', teams: ['app'], rotations: [{name: 'Days · Nights', events: [day('mon')]}]}
    expect(runRule(shiftEvents, c).map((x) => [x.code, x.path])).toEqual([['rotation-name-separator', 'schedules.primary.rotations[0].name']])
    c.schedules.primary = {time_zone: 'Europe/Berlin', teams: ['app'], rotations: [{name: 'Days - Nights', events: [day('mon')]}]}
    expect(runRule(shiftEvents, c)).toEqual([])
  })

  it('refuses a sixth event, at the sixth event', () => {
    const d = runRule(shiftEvents, withEvents(['mon', 'tue', 'wed', 'thu', 'fri', 'sat'].map((x) => day(x))))
    expect(d.map((x) => [x.code, x.path])).toEqual([['too-many-events', 'schedules.primary.rotations[0].events[5]']])
    expect(d[0]?.line).toBeGreaterThan(1)
  })

  it('refuses overlapping events, a bad repeat, end before start and a reversed effective range, each where it is written', () => {
    const d = runRule(
      shiftEvents,
      withEvents([
        day('mon'),
        day('daily', {repeat: 'daily', start: '2026-03-02T16:00', end: '2026-03-02T18:00'}),
        day('tue', {repeat: {rrule: 'INTERVAL=2'}}),
        day('wed', {end: '2026-03-02T08:00'}),
        day('thu', {effective_from: '2026-05-01', effective_until: '2026-04-01'}),
      ]),
    )
    expect(summary(d).map((s) => s.split(' ').slice(0, 3).join(' '))).toEqual([
      'error overlapping-events schedules.primary.rotations[0].events[1].start',
      'error bad-repeat schedules.primary.rotations[0].events[2].repeat',
      'error event-end-before-start schedules.primary.rotations[0].events[3].end',
      'error effective-range schedules.primary.rotations[0].events[4].effective_until',
    ])
    expect(d[1]?.message).toMatch(/FREQ/)
  })

  it('events that never run at the same time do not overlap (one ends where the other starts)', () => {
    const d = runRule(shiftEvents, withEvents([day('mon', {repeat: 'daily', effective_until: '2026-04-01'}), day('mon2', {repeat: 'daily', effective_from: '2026-04-01T09:00'})]))
    expect(d).toEqual([])
  })

  it('warns when the editor could not open the event; refuses shifts_per_member with everyone and duplicate rotation names', () => {
    const c = withEvents([day('weekdays', {repeat: 'weekdays', shifts_per_member: 3}), day('sat', {everyone: true, shifts_per_member: 2})])
    c.schedules.primary!.rotations!.push({name: 'Days', events: [day('sun')]})
    expect(summary(runRule(shiftEvents, c)).map((s) => s.split(' ').slice(0, 3).join(' '))).toEqual([
      'warning editor-cannot-load schedules.primary.rotations[0].events[0].shifts_per_member',
      'error everyone-and-shifts schedules.primary.rotations[0].events[1].shifts_per_member',
      'error duplicate-rotation schedules.primary.rotations[1].name',
    ])
  })

  it('the schema refuses more than 20 members and an unknown repeat form', () => {
    const many = Array.from({length: 21}, (_, i) => `u${i}@example.com`)
    const d = runRule(shiftEvents, withEvents([day('mon', {members: many}), day('tue', {repeat: 'hourly' as never})]))
    expect(d.every((x) => x.severity === 'error')).toBe(true)
    expect(d.map((x) => x.path)).toEqual(expect.arrayContaining(['schedules.primary.rotations[0].events[0].members', 'schedules.primary.rotations[0].events[1].repeat']))
  })
})

describe('layersNotEmpty: a schedule is one kind', () => {
  it('refuses layers and rotations together, and neither', () => {
    const c = withEvents([day('mon')])
    c.schedules.primary!.layers = [{users: ['aiko@example.com'], turn: 'weekly', handoff: 'mon 10:00', start: '2026-01-05'}]
    c.schedules.bare = {time_zone: 'UTC'}
    const d = runRule(layersNotEmpty, c)
    expect(d.map((x) => [x.code, x.path])).toEqual([
      ['schedule-kind', 'schedules.primary.rotations'],
      ['empty-schedule', 'schedules.bare.time_zone'],
    ])
  })
})
