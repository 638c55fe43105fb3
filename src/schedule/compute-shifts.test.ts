import {DateTime} from 'luxon'
import {describe, expect, it} from 'vitest'
import type {Restriction, Schedule, ScheduleLayer} from '../model/schedule.js'
import {computeShifts} from './compute-shifts.js'
import type {Shift, TimeWindow} from './shift.js'

// Expectations are written by hand as local times with their UTC offsets, so a wrong offset or a
// handoff that drifts across a DST change shows up in the diff.

const DAY = 86_400
const WEEK = 7 * DAY

function layer(fields: Partial<ScheduleLayer> & Pick<ScheduleLayer, 'users' | 'turnSeconds' | 'rotationStart'>): ScheduleLayer {
  return {name: 'layer', start: fields.rotationStart, end: null, restrictions: [], ...fields}
}

function schedule(timeZone: string, layers: ScheduleLayer[]): Schedule {
  return {key: 'test', name: 'Test', description: '', timeZone, teams: [], layers}
}

function at(local: string, zone: string): number {
  const dt = DateTime.fromISO(local, {zone})
  if (!dt.isValid) throw new Error(`bad test time ${local}`)
  return dt.toMillis()
}

function window(from: string, to: string, zone: string): TimeWindow {
  return {start: at(from, zone), end: at(to, zone)}
}

function show(shifts: readonly Shift[], zone: string, withLayer = false): string[] {
  const fmt = (ms: number): string => DateTime.fromMillis(ms, {zone}).toFormat("yyyy-MM-dd'T'HH:mmZZ")
  return shifts.map((s) => `${s.user} ${fmt(s.start)} → ${fmt(s.end)}${withLayer ? ` L${s.layer}` : ''}`)
}

const hours = (s: Shift): number => (s.end - s.start) / 3_600_000

describe('computeShifts', () => {
  describe('weekly Asia/Tokyo rotation of three', () => {
    const tokyo = 'Asia/Tokyo'
    const users = ['aiko', 'ken', 'mei']

    it('hands off every Monday 10:00 in rotation order', () => {
      const s = schedule(tokyo, [layer({users, turnSeconds: WEEK, rotationStart: '2026-01-05T10:00'})])
      const {final, layers} = computeShifts(s, window('2026-01-01T00:00', '2026-02-02T10:00', tokyo))
      expect(show(final, tokyo)).toEqual([
        'aiko 2026-01-05T10:00+09:00 → 2026-01-12T10:00+09:00',
        'ken 2026-01-12T10:00+09:00 → 2026-01-19T10:00+09:00',
        'mei 2026-01-19T10:00+09:00 → 2026-01-26T10:00+09:00',
        'aiko 2026-01-26T10:00+09:00 → 2026-02-02T10:00+09:00',
      ])
      expect(layers[0]).toEqual(final)
    })

    it('puts the last user on call between the layer start and the first handoff', () => {
      const s = schedule(tokyo, [
        layer({users, turnSeconds: WEEK, rotationStart: '2026-01-05T10:00', start: '2026-01-01T00:00'}),
      ])
      const {final} = computeShifts(s, window('2025-12-31T00:00', '2026-01-12T10:00', tokyo))
      expect(show(final, tokyo)).toEqual([
        'mei 2026-01-01T00:00+09:00 → 2026-01-05T10:00+09:00',
        'aiko 2026-01-05T10:00+09:00 → 2026-01-12T10:00+09:00',
      ])
    })

    it('keeps the phase far from the anchor (turn k belongs to users[k mod n])', () => {
      // 2026-01-05 + 52 weeks = 2027-01-04: turn 52, and 52 mod 3 = 1.
      const s = schedule(tokyo, [layer({users, turnSeconds: WEEK, rotationStart: '2026-01-05T10:00'})])
      const {final} = computeShifts(s, window('2027-01-04T00:00', '2027-01-05T00:00', tokyo))
      expect(show(final, tokyo)).toEqual([
        'aiko 2027-01-04T00:00+09:00 → 2027-01-04T10:00+09:00',
        'ken 2027-01-04T10:00+09:00 → 2027-01-05T00:00+09:00',
      ])
    })
  })

  describe('daily America/New_York rotation across the 2026 DST changes', () => {
    const ny = 'America/New_York'
    // Anchor Fri 2026-03-06 10:00 EST: turn k belongs to users[k mod 2].
    const s = schedule(ny, [layer({users: ['ann', 'bob'], turnSeconds: DAY, rotationStart: '2026-03-06T10:00'})])

    it('keeps the 10:00 handoff on Sun 2026-03-08 (spring forward): that turn lasts 23 h', () => {
      const {final} = computeShifts(s, window('2026-03-07T00:00', '2026-03-10T00:00', ny))
      expect(show(final, ny)).toEqual([
        'ann 2026-03-07T00:00-05:00 → 2026-03-07T10:00-05:00',
        'bob 2026-03-07T10:00-05:00 → 2026-03-08T10:00-04:00',
        'ann 2026-03-08T10:00-04:00 → 2026-03-09T10:00-04:00',
        'bob 2026-03-09T10:00-04:00 → 2026-03-10T00:00-04:00',
      ])
      expect(final.map(hours)).toEqual([10, 23, 24, 14])
    })

    it('keeps the 10:00 handoff on Sun 2026-11-01 (fall back): that turn lasts 25 h', () => {
      // 2026-03-06 → 2026-10-31 is 239 days: turn 239 (odd) is bob's.
      const {final} = computeShifts(s, window('2026-10-31T00:00', '2026-11-03T00:00', ny))
      expect(show(final, ny)).toEqual([
        'ann 2026-10-31T00:00-04:00 → 2026-10-31T10:00-04:00',
        'bob 2026-10-31T10:00-04:00 → 2026-11-01T10:00-05:00',
        'ann 2026-11-01T10:00-05:00 → 2026-11-02T10:00-05:00',
        'bob 2026-11-02T10:00-05:00 → 2026-11-03T00:00-05:00',
      ])
      expect(final.map(hours)).toEqual([10, 25, 24, 14])
    })

    it('moves a handoff written in the skipped hour forward by the gap, on that day only', () => {
      const s230 = schedule(ny, [layer({users: ['ann', 'bob'], turnSeconds: DAY, rotationStart: '2026-03-06T02:30'})])
      const {final} = computeShifts(s230, window('2026-03-07T00:00', '2026-03-10T00:00', ny))
      expect(show(final, ny)).toEqual([
        'ann 2026-03-07T00:00-05:00 → 2026-03-07T02:30-05:00',
        'bob 2026-03-07T02:30-05:00 → 2026-03-08T03:30-04:00',
        'ann 2026-03-08T03:30-04:00 → 2026-03-09T02:30-04:00',
        'bob 2026-03-09T02:30-04:00 → 2026-03-10T00:00-04:00',
      ])
    })

    it('gives a handoff in the repeated hour the earlier instant', () => {
      // 2026-10-30 01:30 anchor: turn 2 starts 2026-11-01 01:30, which happens twice (EDT, then EST).
      const s130 = schedule(ny, [layer({users: ['ann', 'bob'], turnSeconds: DAY, rotationStart: '2026-10-30T01:30'})])
      const {final} = computeShifts(s130, window('2026-10-31T12:00', '2026-11-02T12:00', ny))
      expect(show(final, ny)).toEqual([
        'bob 2026-10-31T12:00-04:00 → 2026-11-01T01:30-04:00',
        'ann 2026-11-01T01:30-04:00 → 2026-11-02T01:30-05:00',
        'bob 2026-11-02T01:30-05:00 → 2026-11-02T12:00-05:00',
      ])
      expect(final.map(hours)).toEqual([13.5, 25, 10.5])
    })
  })

  describe('Europe/London 12 h rotation across DST', () => {
    const london = 'Europe/London'
    const s = schedule(london, [layer({users: ['ann', 'bob'], turnSeconds: 12 * 3600, rotationStart: '2026-03-28T08:00'})])

    it('shortens the night turn containing 2026-03-29 01:00 GMT → 02:00 BST to 11 h', () => {
      const {final} = computeShifts(s, window('2026-03-28T08:00', '2026-03-29T20:00', london))
      expect(show(final, london)).toEqual([
        'ann 2026-03-28T08:00+00:00 → 2026-03-28T20:00+00:00',
        'bob 2026-03-28T20:00+00:00 → 2026-03-29T08:00+01:00',
        'ann 2026-03-29T08:00+01:00 → 2026-03-29T20:00+01:00',
      ])
      expect(final.map(hours)).toEqual([12, 11, 12])
    })

    it('lengthens the night turn containing 2026-10-25 02:00 BST → 01:00 GMT to 13 h', () => {
      // 2026-03-28 08:00 → 2026-10-24 20:00 is 210 days + 12 h = turn 421 (odd): bob.
      const {final} = computeShifts(s, window('2026-10-24T08:00', '2026-10-25T20:00', london))
      expect(show(final, london)).toEqual([
        'ann 2026-10-24T08:00+01:00 → 2026-10-24T20:00+01:00',
        'bob 2026-10-24T20:00+01:00 → 2026-10-25T08:00+00:00',
        'ann 2026-10-25T08:00+00:00 → 2026-10-25T20:00+00:00',
      ])
      expect(final.map(hours)).toEqual([12, 13, 12])
    })
  })

  describe('restrictions', () => {
    const tokyo = 'Asia/Tokyo'
    const businessHours: Restriction[] = ([1, 2, 3, 4, 5] as const).map((day) => ({
      kind: 'weekly',
      startDay: day,
      start: '09:00',
      durationMinutes: 9 * 60,
    }))

    it('weekday business hours: only Mon–Fri 09:00–18:00, the daily rotation keeps counting', () => {
      const s = schedule(tokyo, [
        layer({users: ['ann', 'bob'], turnSeconds: DAY, rotationStart: '2026-01-05T09:00', restrictions: businessHours}),
      ])
      const {final} = computeShifts(s, window('2026-01-05T00:00', '2026-01-13T00:00', tokyo))
      // Turns: Mon ann, Tue bob, Wed ann, Thu bob, Fri ann, Sat bob, Sun ann (hidden), Mon bob.
      expect(show(final, tokyo)).toEqual([
        'ann 2026-01-05T09:00+09:00 → 2026-01-05T18:00+09:00',
        'bob 2026-01-06T09:00+09:00 → 2026-01-06T18:00+09:00',
        'ann 2026-01-07T09:00+09:00 → 2026-01-07T18:00+09:00',
        'bob 2026-01-08T09:00+09:00 → 2026-01-08T18:00+09:00',
        'ann 2026-01-09T09:00+09:00 → 2026-01-09T18:00+09:00',
        'bob 2026-01-12T09:00+09:00 → 2026-01-12T18:00+09:00',
      ])
    })

    it('splits a restriction window at a handoff inside it', () => {
      const s = schedule(tokyo, [
        layer({
          users: ['ann', 'bob'],
          turnSeconds: WEEK,
          rotationStart: '2026-01-05T12:00',
          start: '2026-01-01T00:00',
          restrictions: [{kind: 'daily', start: '09:00', durationMinutes: 9 * 60}],
        }),
      ])
      const {final} = computeShifts(s, window('2026-01-04T00:00', '2026-01-06T00:00', tokyo))
      expect(show(final, tokyo)).toEqual([
        'bob 2026-01-04T09:00+09:00 → 2026-01-04T18:00+09:00',
        'bob 2026-01-05T09:00+09:00 → 2026-01-05T12:00+09:00',
        'ann 2026-01-05T12:00+09:00 → 2026-01-05T18:00+09:00',
      ])
    })

    it('a daily window crossing midnight (22:00 for 10 h)', () => {
      const s = schedule(tokyo, [
        layer({
          users: ['ann'],
          turnSeconds: DAY,
          rotationStart: '2026-01-05T00:00',
          start: '2026-01-01T00:00',
          restrictions: [{kind: 'daily', start: '22:00', durationMinutes: 10 * 60}],
        }),
      ])
      const {final} = computeShifts(s, window('2026-01-05T06:00', '2026-01-07T06:00', tokyo))
      expect(show(final, tokyo)).toEqual([
        'ann 2026-01-05T06:00+09:00 → 2026-01-05T08:00+09:00',
        'ann 2026-01-05T22:00+09:00 → 2026-01-06T08:00+09:00',
        'ann 2026-01-06T22:00+09:00 → 2026-01-07T06:00+09:00',
      ])
    })

    const weekend: Restriction = {kind: 'weekly', startDay: 5, start: '18:00', durationMinutes: (2 * 24 + 15) * 60}
    const weekendLayer = layer({
      users: ['ann', 'bob'],
      turnSeconds: WEEK,
      rotationStart: '2026-01-07T10:00',
      restrictions: [weekend],
    })

    it('a weekly window spanning midnight and the week boundary (fri 18:00 → mon 09:00)', () => {
      const {final} = computeShifts(schedule(tokyo, [weekendLayer]), window('2026-01-05T00:00', '2026-01-26T00:00', tokyo))
      expect(show(final, tokyo)).toEqual([
        'ann 2026-01-09T18:00+09:00 → 2026-01-12T09:00+09:00',
        'bob 2026-01-16T18:00+09:00 → 2026-01-19T09:00+09:00',
        'ann 2026-01-23T18:00+09:00 → 2026-01-26T00:00+09:00',
      ])
    })

    it('a window that starts on Sunday sees the part of the weekend window left', () => {
      const {final} = computeShifts(schedule(tokyo, [weekendLayer]), window('2026-01-11T00:00', '2026-01-13T00:00', tokyo))
      expect(show(final, tokyo)).toEqual(['ann 2026-01-11T00:00+09:00 → 2026-01-12T09:00+09:00'])
    })

    it('restriction windows stay on the local clock across DST (New York, 09:00–17:00)', () => {
      const ny = 'America/New_York'
      const s = schedule(ny, [
        layer({
          users: ['ann'],
          turnSeconds: WEEK,
          rotationStart: '2026-03-02T00:00',
          restrictions: [{kind: 'daily', start: '09:00', durationMinutes: 8 * 60}],
        }),
      ])
      const {final} = computeShifts(s, window('2026-03-07T00:00', '2026-03-09T00:00', ny))
      expect(show(final, ny)).toEqual([
        'ann 2026-03-07T09:00-05:00 → 2026-03-07T17:00-05:00',
        'ann 2026-03-08T09:00-04:00 → 2026-03-08T17:00-04:00',
      ])
    })
  })

  describe('layers', () => {
    const berlin = 'Europe/Berlin'

    it('a top layer covering nights only wins at night; the bottom layer shows through by day', () => {
      const s = schedule(berlin, [
        layer({users: ['ann', 'bob'], turnSeconds: DAY, rotationStart: '2026-01-05T09:00', start: '2026-01-01T00:00'}),
        layer({
          users: ['nina'],
          turnSeconds: WEEK,
          rotationStart: '2026-01-01T00:00',
          restrictions: [{kind: 'daily', start: '20:00', durationMinutes: 12 * 60}],
        }),
      ])
      const {final, layers} = computeShifts(s, window('2026-01-05T00:00', '2026-01-07T00:00', berlin))
      expect(show(final, berlin, true)).toEqual([
        'nina 2026-01-05T00:00+01:00 → 2026-01-05T08:00+01:00 L1',
        'bob 2026-01-05T08:00+01:00 → 2026-01-05T09:00+01:00 L0',
        'ann 2026-01-05T09:00+01:00 → 2026-01-05T20:00+01:00 L0',
        'nina 2026-01-05T20:00+01:00 → 2026-01-06T08:00+01:00 L1',
        'ann 2026-01-06T08:00+01:00 → 2026-01-06T09:00+01:00 L0',
        'bob 2026-01-06T09:00+01:00 → 2026-01-06T20:00+01:00 L0',
        'nina 2026-01-06T20:00+01:00 → 2026-01-07T00:00+01:00 L1',
      ])
      expect(show(layers[0] ?? [], berlin)).toEqual([
        'bob 2026-01-05T00:00+01:00 → 2026-01-05T09:00+01:00',
        'ann 2026-01-05T09:00+01:00 → 2026-01-06T09:00+01:00',
        'bob 2026-01-06T09:00+01:00 → 2026-01-07T00:00+01:00',
      ])
    })

    it('merges one user across layers into one final shift', () => {
      const s = schedule(berlin, [
        layer({users: ['ann'], turnSeconds: DAY, rotationStart: '2026-01-01T00:00', restrictions: [{kind: 'daily', start: '08:00', durationMinutes: 12 * 60}]}),
        layer({users: ['ann'], turnSeconds: DAY, rotationStart: '2026-01-01T00:00', restrictions: [{kind: 'daily', start: '20:00', durationMinutes: 12 * 60}]}),
      ])
      const {final} = computeShifts(s, window('2026-01-05T00:00', '2026-01-06T00:00', berlin))
      expect(show(final, berlin, true)).toEqual(['ann 2026-01-05T00:00+01:00 → 2026-01-06T00:00+01:00 L1'])
    })

    it('a layer with an end date stops counting there; the lower layer takes over', () => {
      const s = schedule(berlin, [
        layer({users: ['carl'], turnSeconds: WEEK, rotationStart: '2026-01-01T00:00'}),
        layer({users: ['ann', 'bob'], turnSeconds: DAY, rotationStart: '2026-01-05T09:00', end: '2026-01-07T12:00'}),
      ])
      const {final, layers} = computeShifts(s, window('2026-01-05T09:00', '2026-01-08T09:00', berlin))
      expect(show(final, berlin, true)).toEqual([
        'ann 2026-01-05T09:00+01:00 → 2026-01-06T09:00+01:00 L1',
        'bob 2026-01-06T09:00+01:00 → 2026-01-07T09:00+01:00 L1',
        'ann 2026-01-07T09:00+01:00 → 2026-01-07T12:00+01:00 L1',
        'carl 2026-01-07T12:00+01:00 → 2026-01-08T09:00+01:00 L0',
      ])
      // One person's layer is one shift in per-layer output too (turns merged).
      expect(show(layers[0] ?? [], berlin)).toEqual(['carl 2026-01-05T09:00+01:00 → 2026-01-08T09:00+01:00'])
    })

    it('leaves a gap where no layer has anyone', () => {
      const s = schedule(berlin, [
        layer({users: ['ann'], turnSeconds: DAY, rotationStart: '2026-01-05T00:00', end: '2026-01-06T00:00'}),
      ])
      const {final} = computeShifts(s, window('2026-01-04T00:00', '2026-01-07T00:00', berlin))
      expect(show(final, berlin)).toEqual(['ann 2026-01-05T00:00+01:00 → 2026-01-06T00:00+01:00'])
    })
  })

  describe('users', () => {
    const utc = 'UTC'

    it('one user: a single shift across the whole window', () => {
      const s = schedule(utc, [layer({users: ['solo'], turnSeconds: DAY, rotationStart: '2026-01-01T09:00'})])
      const {final, layers} = computeShifts(s, window('2026-01-02T00:00', '2026-01-30T00:00', utc))
      expect(show(final, utc)).toEqual(['solo 2026-01-02T00:00+00:00 → 2026-01-30T00:00+00:00'])
      expect(layers[0]).toEqual(final)
    })

    it('a user listed twice holds two consecutive turns as one shift', () => {
      const s = schedule(utc, [layer({users: ['ann', 'ann', 'bob'], turnSeconds: DAY, rotationStart: '2026-01-05T09:00'})])
      const {final} = computeShifts(s, window('2026-01-05T09:00', '2026-01-11T09:00', utc))
      expect(show(final, utc)).toEqual([
        'ann 2026-01-05T09:00+00:00 → 2026-01-07T09:00+00:00',
        'bob 2026-01-07T09:00+00:00 → 2026-01-08T09:00+00:00',
        'ann 2026-01-08T09:00+00:00 → 2026-01-10T09:00+00:00',
        'bob 2026-01-10T09:00+00:00 → 2026-01-11T09:00+00:00',
      ])
    })

    it('an empty window or a schedule without layers has no shifts', () => {
      const s = schedule(utc, [layer({users: ['solo'], turnSeconds: DAY, rotationStart: '2026-01-01T09:00'})])
      expect(computeShifts(s, {start: 5, end: 5}).final).toEqual([])
      expect(computeShifts(schedule(utc, []), window('2026-01-02T00:00', '2026-01-03T00:00', utc))).toEqual({final: [], layers: []})
    })
  })

  it('rejects an unknown time zone', () => {
    const s = schedule('Mars/Olympus_Mons', [layer({users: ['a'], turnSeconds: DAY, rotationStart: '2026-01-01T00:00'})])
    expect(() => computeShifts(s, {start: 0, end: 1})).toThrow(/unknown time zone/)
  })
})
