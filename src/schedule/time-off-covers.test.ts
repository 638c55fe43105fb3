import {describe, expect, it} from 'vitest'
import type {Override, Schedule, TimeOff} from '../model/index.js'
import {formatInZone} from './format-local.js'
import {timeOffCovers} from './time-off-covers.js'

const weekly = (key: string, users: string[], zone = 'Europe/London'): Schedule => ({
  key,
  name: key,
  description: '',
  timeZone: zone,
  teams: [],
  layers: [{name: 'L', users, turnSeconds: 7 * 86_400, rotationStart: '2026-01-05T09:00', start: '2026-01-05T09:00', end: null, restrictions: []}],
})
const off = (user: string, from: string, to: string, extra: Partial<TimeOff> = {}): TimeOff => ({user, from, to, timeZone: null, cover: null, note: null, ...extra})
const show = (o: Override) => `${o.schedule} ${o.user} ${formatInZone(o.start, 'Europe/London')} → ${formatInZone(o.end, 'Europe/London')}`

// Model times: `to` is exclusive (a written last day is already turned into the midnight after it).
// Weeks from mon 2026-01-05 09:00: a, b, c, a, ... ; mon 2026-03-02 is week 8 → c; 2026-03-09 → a.
describe('timeOffCovers', () => {
  it('covers each stretch the person is on call with the next in rotation, on every schedule', () => {
    const s1 = weekly('ops', ['a', 'b', 'c'])
    const s2 = weekly('web', ['c', 'a'])
    const {covers, problems} = timeOffCovers([s2, s1], [off('c', '2026-03-05', '2026-03-10')])
    expect(problems).toEqual([])
    expect(covers.map(show)).toEqual([
      'ops a thu 2026-03-05 00:00 → mon 2026-03-09 09:00',
      // web: week 8 is c (even), week 9 a: c is on call until mon 09:00.
      'web a thu 2026-03-05 00:00 → mon 2026-03-09 09:00',
    ])
    expect(covers[0]?.origin).toEqual({kind: 'time_off', index: 0, replaces: 'c'})
  })

  it('skips a next person who is off too, and honours an explicit cover', () => {
    const s = weekly('ops', ['a', 'b', 'c'])
    const both = timeOffCovers([s], [off('c', '2026-03-05', '2026-03-06'), off('a', '2026-03-01', '2026-03-08')])
    expect(both.covers.map(show)).toEqual(['ops b thu 2026-03-05 00:00 → fri 2026-03-06 00:00'])
    const named = timeOffCovers([s], [off('c', '2026-03-05', '2026-03-06', {cover: 'z'})])
    expect(named.covers.map((o) => o.user)).toEqual(['z'])
  })

  it('reports nobody to cover, and a named cover who is off too', () => {
    const s = weekly('ops', ['c', 'a'])
    const none = timeOffCovers([s], [off('c', '2026-03-05', '2026-03-06'), off('a', '2026-03-05', '2026-03-06')])
    expect(none.problems.map((p) => p.kind)).toEqual(['no-cover'])
    const busy = timeOffCovers([s], [off('c', '2026-03-05', '2026-03-07', {cover: 'a'}), off('a', '2026-03-06T00:00', '2026-03-06T12:00')])
    expect(busy.problems.map((p) => [p.kind, p.cover])).toEqual([['cover-off', 'a']])
  })

  it('leaves stretches a declared override covers to it', () => {
    const s = weekly('ops', ['a', 'b', 'c'])
    const declared: Override = {schedule: 'ops', user: 'b', start: Date.parse('2026-03-05T00:00Z'), end: Date.parse('2026-03-06T00:00Z'), note: null, origin: {kind: 'declared', index: 0}}
    const {covers} = timeOffCovers([s], [off('c', '2026-03-05', '2026-03-07')], [declared])
    expect(covers.map(show)).toEqual(['ops a fri 2026-03-06 00:00 → sat 2026-03-07 00:00'])
  })

  it('follows the rotation: the same time off gets another cover when the order changes', () => {
    const before = timeOffCovers([weekly('ops', ['a', 'b', 'c'])], [off('c', '2026-03-05', '2026-03-06')])
    const after = timeOffCovers([weekly('ops', ['b', 'a', 'c'])], [off('c', '2026-03-05', '2026-03-06')])
    expect(before.covers.map((o) => o.user)).toEqual(['a'])
    expect(after.covers.map((o) => o.user)).toEqual(['b'])
  })
})
