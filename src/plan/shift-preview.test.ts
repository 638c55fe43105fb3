import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {aLayer, aSchedule} from '../../test/builders.js'
import type {Shift} from '../schedule/shift.js'
import type {Change} from './change.js'
import {MAX_PREVIEW_SHIFTS, coverageDifference, previewSchedule, shiftPreviews, subtractIntervals} from './shift-preview.js'

const AIKO = 'aiko@example.com'
const KEN = 'ken@example.com'
const YUI = 'yui@example.com'
/** Monday 2 March 2026, 12:00 in Tokyo: week 8 of a rotation that started Monday 5 January 10:00. */
const NOW = new Date('2026-03-02T03:00:00Z')
const names = new Map([
  [AIKO, 'Aiko Tanaka'],
  [KEN, 'Ken Sato'],
])
const options = {now: NOW, days: 28, names}

const weekly = (users: string[]) => aSchedule({layers: [aLayer({users})]})

describe('subtractIntervals', () => {
  it('cuts holes, trims ends and keeps what does not overlap (hand-computed)', () => {
    expect(subtractIntervals([{start: 0, end: 10}, {start: 20, end: 30}], [{start: 5, end: 25}])).toEqual([
      {start: 0, end: 5},
      {start: 25, end: 30},
    ])
    expect(subtractIntervals([{start: 0, end: 100}], [{start: 10, end: 20}, {start: 30, end: 40}])).toEqual([
      {start: 0, end: 10},
      {start: 20, end: 30},
      {start: 40, end: 100},
    ])
    expect(subtractIntervals([{start: 0, end: 10}], [])).toEqual([{start: 0, end: 10}])
    expect(subtractIntervals([{start: 0, end: 10}], [{start: -5, end: 15}])).toEqual([])
    // Touching is not overlapping: half-open intervals.
    expect(subtractIntervals([{start: 0, end: 10}], [{start: 10, end: 20}, {start: -10, end: 0}])).toEqual([{start: 0, end: 10}])
  })

  it('merges adjacent pieces of the input before subtracting', () => {
    expect(subtractIntervals([{start: 0, end: 5}, {start: 5, end: 10}], [{start: 8, end: 9}])).toEqual([
      {start: 0, end: 8},
      {start: 9, end: 10},
    ])
  })
})

describe('coverageDifference', () => {
  it('is the per-person set difference of coverage, leaving unchanged people out', () => {
    const before = [
      {user: 'a', start: 0, end: 10, layer: 0},
      {user: 'b', start: 10, end: 20, layer: 0},
      {user: 'c', start: 20, end: 30, layer: 0},
    ]
    const after = [
      {user: 'a', start: 0, end: 15, layer: 0},
      {user: 'b', start: 15, end: 20, layer: 0},
      {user: 'c', start: 20, end: 30, layer: 0},
    ]
    expect(coverageDifference(before, after)).toEqual([
      {user: 'a', gained: [{start: 10, end: 15}], lost: []},
      {user: 'b', gained: [], lost: [{start: 10, end: 15}]},
    ])
  })
})

/** A final schedule on a grid of whole units: consecutive pieces, each someone's or nobody's. */
const aTimeline = fc.array(fc.record({user: fc.constantFrom('a', 'b', 'c', null), length: fc.integer({min: 1, max: 5})}), {maxLength: 12}).map((pieces) => {
  const shifts: Shift[] = []
  let t = 0
  for (const p of pieces) {
    if (p.user !== null) shifts.push({user: p.user, start: t, end: t + p.length, layer: 0})
    t += p.length
  }
  return shifts
})

const holder = (shifts: readonly Shift[], t: number) => shifts.find((s) => s.start <= t && t < s.end)?.user ?? null
const covers = (intervals: readonly {start: number; end: number}[], t: number) => intervals.some((i) => i.start <= t && t < i.end)

describe('coverageDifference (property)', () => {
  it('gains exactly where a person is on call after but not before, loses the reverse', () => {
    fc.assert(
      fc.property(aTimeline, aTimeline, (before, after) => {
        const diff = coverageDifference(before, after)
        for (const user of ['a', 'b', 'c']) {
          const d = diff.find((x) => x.user === user)
          for (let t = 0; t < 60; t++) {
            const was = holder(before, t) === user
            const is = holder(after, t) === user
            expect(covers(d?.gained ?? [], t)).toBe(is && !was)
            expect(covers(d?.lost ?? [], t)).toBe(was && !is)
          }
          // Merged: no two intervals of one list touch.
          for (const list of [d?.gained ?? [], d?.lost ?? []]) for (let i = 1; i < list.length; i++) expect(list[i]!.start).toBeGreaterThan(list[i - 1]!.end)
        }
      }),
      {seed: 6, numRuns: 300},
    )
  })
})

describe('previewSchedule', () => {
  it('shows exactly who gains and loses which week when two people of a weekly rotation swap', () => {
    // Turns (Tokyo, mon 10:00): 2 Mar yui, 9 Mar aiko, 16 Mar ken, 23 Mar yui, 30 Mar aiko (window ends 30 Mar 12:00).
    const p = previewSchedule('primary', 'update', weekly([AIKO, KEN, YUI]), weekly([KEN, AIKO, YUI]), options)
    expect(p.window).toEqual({start: '2026-03-02T03:00:00.000Z', end: '2026-03-30T03:00:00.000Z'})
    expect(p.nowBefore).toBe(YUI)
    expect(p.nowAfter).toBe(YUI)
    expect(p.people).toEqual([
      {
        user: AIKO,
        gained: [{start: '2026-03-16T01:00:00.000Z', end: '2026-03-23T01:00:00.000Z'}],
        lost: [
          {start: '2026-03-09T01:00:00.000Z', end: '2026-03-16T01:00:00.000Z'},
          {start: '2026-03-30T01:00:00.000Z', end: '2026-03-30T03:00:00.000Z'},
        ],
      },
      {
        user: KEN,
        gained: [
          {start: '2026-03-09T01:00:00.000Z', end: '2026-03-16T01:00:00.000Z'},
          {start: '2026-03-30T01:00:00.000Z', end: '2026-03-30T03:00:00.000Z'},
        ],
        lost: [{start: '2026-03-16T01:00:00.000Z', end: '2026-03-23T01:00:00.000Z'}],
      },
    ])
    expect(p.names).toEqual({[AIKO]: 'Aiko Tanaka', [KEN]: 'Ken Sato'})
    expect(p.before.map((s) => s.user)).toEqual([YUI, AIKO, KEN, YUI, AIKO])
    expect(p.after.map((s) => s.user)).toEqual([YUI, KEN, AIKO, YUI, KEN])
  })

  it('reports who is on call now on each side when the current turn changes hands', () => {
    const p = previewSchedule('primary', 'update', weekly([AIKO, KEN, YUI]), weekly([AIKO, YUI, KEN]), options)
    expect([p.nowBefore, p.nowAfter]).toEqual([YUI, KEN])
  })

  it('has everything gained for a create and everything lost for a delete', () => {
    const created = previewSchedule('primary', 'create', null, weekly([AIKO, KEN]), options)
    expect(created.nowBefore).toBeNull()
    expect(created.before).toEqual([])
    expect(created.people.every((p) => p.lost.length === 0)).toBe(true)
    expect(created.people.flatMap((p) => p.gained).sort((a, b) => a.start.localeCompare(b.start))).toEqual(
      created.after.map(({start, end}) => ({start, end})),
    )
    // 2 Mar 10:00 JST is turn 8 (even): aiko on call now; then ken, aiko, ken, aiko.
    expect(created.nowAfter).toBe(AIKO)

    const deleted = previewSchedule('primary', 'delete', weekly([AIKO, KEN]), null, options)
    expect(deleted.nowAfter).toBeNull()
    expect(deleted.people).toEqual(created.people.map((p) => ({user: p.user, gained: [], lost: p.gained})))
  })

  it('keeps the earliest MAX_PREVIEW_SHIFTS shifts per side and counts them all', () => {
    const hourly = (users: string[]) => aSchedule({layers: [aLayer({users, turnSeconds: 3600})]})
    const p = previewSchedule('primary', 'update', hourly([AIKO, KEN, YUI]), hourly([KEN, AIKO, YUI]), {...options, days: 90})
    expect(p.shiftCounts).toEqual({before: 2160, after: 2160})
    expect(p.before).toHaveLength(MAX_PREVIEW_SHIFTS)
    expect(p.before[0]?.start).toBe('2026-03-02T03:00:00.000Z')
    // The gained and lost lists stay complete: aiko and ken trade one hour in every three.
    expect(p.people.map((x) => [x.user, x.gained.length, x.lost.length])).toEqual([
      [AIKO, 720, 720],
      [KEN, 720, 720],
    ])
  })

  it('is deterministic: the same input gives the same value', () => {
    const one = previewSchedule('primary', 'update', weekly([AIKO, KEN, YUI]), weekly([KEN, AIKO, YUI]), options)
    const two = previewSchedule('primary', 'update', weekly([AIKO, KEN, YUI]), weekly([KEN, AIKO, YUI]), options)
    expect(JSON.stringify(two)).toBe(JSON.stringify(one))
  })

  it('is the same within one minute: the window starts at the minute, not the millisecond of the plan', () => {
    const at = (iso: string) => previewSchedule('primary', 'update', weekly([AIKO, KEN, YUI]), weekly([KEN, AIKO, YUI]), {...options, now: new Date(iso)})
    const first = at('2026-03-02T03:00:00.000Z')
    expect(first.window.start).toBe('2026-03-02T03:00:00.000Z')
    expect(JSON.stringify(at('2026-03-02T03:00:59.999Z'))).toBe(JSON.stringify(first))
    expect(JSON.stringify(at('2026-03-02T03:00:17.345Z'))).toBe(JSON.stringify(first))
    expect(at('2026-03-02T03:01:00.000Z').window.start).toBe('2026-03-02T03:01:00.000Z')
  })
})

describe('shiftPreviews', () => {
  it('previews only schedule changes, in change order, and nothing for 0 days', () => {
    const changes: Change[] = [
      {type: 'user', key: AIKO, kind: 'create', after: {email: AIKO, name: 'Aiko', timeZone: null, role: null}},
      {type: 'schedule', key: 'b', kind: 'delete', id: 'P2', before: weekly([AIKO])},
      {type: 'schedule', key: 'a', kind: 'create', after: weekly([KEN])},
    ]
    expect(shiftPreviews(changes, options).map((p) => [p.schedule, p.kind])).toEqual([
      ['b', 'delete'],
      ['a', 'create'],
    ])
    expect(shiftPreviews(changes, {...options, days: 0})).toEqual([])
  })

  it('skips a schedule the engine cannot render instead of failing the plan', () => {
    const broken = aSchedule({timeZone: 'Mars/Olympus_Mons'})
    const changes: Change[] = [
      {type: 'schedule', key: 'x', kind: 'create', after: broken},
      {type: 'schedule', key: 'a', kind: 'create', after: weekly([KEN])},
    ]
    expect(shiftPreviews(changes, options).map((p) => p.schedule)).toEqual(['a'])
  })
})

describe('previewSchedule load deltas', () => {
  it('gives per person the report figures before and after a swap that hands Ken two weeks in a row over Golden Week', () => {
    // Mon 2026-04-27 10:00 Tokyo, a handoff; turn 16 since 5 Jan. Before: Ken, Bob, Aiko, Ken; after: Aiko, Ken, Ken, Bob.
    const users = (...names: string[]) => names.map((n) => `${n}@example.com`)
    const before = aSchedule({key: 'app', layers: [aLayer({users: users('aiko', 'ken', 'bob')})]})
    const after = aSchedule({key: 'app', layers: [aLayer({users: users('aiko', 'ken', 'ken', 'bob')})]})
    const health = {rulesBySchedule: new Map(), configRules: {}, holidaysBySchedule: new Map([['app', {country: 'JP'}]]), nights: {fromSecond: 22 * 3600, toSecond: 7 * 3600}}
    const p = previewSchedule('app', 'update', before, after, {now: new Date('2026-04-27T01:00:00Z'), days: 28, names: new Map(), health})
    const week = {hours: 168, shifts: 1, nightHours: 63, weekendHours: 48, longestStreakDays: 7}
    expect(p.loadDeltas).toEqual([
      // Golden Week: 29 Apr, 3–6 May (JP public holidays from date-holidays).
      {user: 'aiko@example.com', before: {...week, holidayHours: 0}, after: {...week, holidayHours: 58}},
      {user: 'bob@example.com', before: {...week, holidayHours: 62}, after: {...week, holidayHours: 0}},
      {
        user: 'ken@example.com',
        before: {hours: 336, shifts: 2, nightHours: 126, weekendHours: 96, holidayHours: 58, longestStreakDays: 7},
        after: {hours: 336, shifts: 1, nightHours: 126, weekendHours: 96, holidayHours: 62, longestStreakDays: 14},
      },
    ])
  })
})
