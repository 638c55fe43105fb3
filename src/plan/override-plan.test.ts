import {describe, expect, it} from 'vitest'
import {aShiftEvent} from '../../test/builders.js'
import type {Override, Schedule} from '../model/index.js'
import {planOverrides, type LiveOverride, type LiveV3PlanOverride} from './override-plan.js'

// Weekly (UTC) from mon 2026-01-05 00:00: a, b, a, b, ...; week 8 (from mon 2026-03-02) is a's.
const schedule: Schedule = {
  key: 'ops',
  name: 'Ops',
  description: '',
  timeZone: 'UTC',
  teams: [],
  layers: [{name: 'L', users: ['a', 'b'], turnSeconds: 7 * 86_400, rotationStart: '2026-01-05T00:00', start: '2026-01-05T00:00', end: null, restrictions: []}],
}
const at = (iso: string) => Date.parse(`${iso}Z`)
const declared = (user: string, start: string, end: string, index = 0): Override => ({
  schedule: 'ops',
  user,
  start: at(start),
  end: at(end),
  note: null,
  origin: {kind: 'declared', index},
})
const live = (id: string, user: string, start: string, end: string): LiveOverride => ({id, user, start: at(start), end: at(end)})
const NOW = new Date('2026-03-04T00:00:00Z')

function plan(overrides: Override[], liveOnes: LiveOverride[], exclusive = false) {
  return planOverrides({
    schedules: new Map([['ops', schedule]]),
    overrides,
    exclusive: new Set(exclusive ? ['ops'] : []),
    live: new Map([['ops', liveOnes]]),
    now: NOW,
    previewDays: 14,
    names: new Map(),
  })
}

describe('planOverrides', () => {
  it('creates what only the config has, with the person it replaces; matches by (user, start, end)', () => {
    const r = plan(
      [declared('b', '2026-03-05T00:00', '2026-03-06T00:00'), declared('a', '2026-03-10T00:00', '2026-03-11T00:00', 1), declared('b', '2026-03-12T00:00', '2026-03-13T00:00', 2)],
      [live('P1', 'b', '2026-03-05T00:00', '2026-03-06T00:00')],
    )
    expect(r.plans).toHaveLength(1)
    expect(r.plans[0]?.create.map((c) => [c.user, c.start, c.replaces, c.origin])).toEqual([
      ['a', '2026-03-10T00:00:00.000Z', 'b', 'declared'],
      ['b', '2026-03-12T00:00:00.000Z', 'b', 'declared'],
    ])
    // Week 9 (from 03-09) is b's: an override of b then changes nothing (e.g. after a rotation change).
    expect(r.warnings.map((w) => w.code)).toEqual(['override-pointless'])
    expect(r.previews).toHaveLength(1)
  })

  it('leaves overrides made outside the config alone, and says so', () => {
    const r = plan([], [live('P2', 'b', '2026-03-05T00:00', '2026-03-06T00:00')])
    expect(r.plans).toEqual([])
    const r2 = plan([declared('b', '2026-03-05T00:00', '2026-03-06T00:00')], [live('P2', 'b', '2026-03-06T00:00', '2026-03-07T00:00')])
    expect(r2.plans[0]?.outside.map((o) => o.id)).toEqual(['P2'])
    expect(r2.plans[0]?.delete).toEqual([])
    expect(r2.warnings.map((w) => w.code)).toEqual(['override-outside-config'])
  })

  it('exclusive: deletes future outside ones, never one in progress (a warning says why)', () => {
    const r = plan([], [live('P3', 'b', '2026-03-03T00:00', '2026-03-05T00:00'), live('P4', 'b', '2026-03-06T00:00', '2026-03-07T00:00')], true)
    expect(r.plans[0]?.delete.map((o) => o.id)).toEqual(['P4'])
    expect(r.plans[0]?.outside.map((o) => o.id)).toEqual(['P3'])
    expect(r.warnings.map((w) => w.code)).toEqual(['override-in-progress'])
  })

  it('ignores config overrides that have ended (past ones are never touched)', () => {
    const r = plan([declared('b', '2026-03-02T00:00', '2026-03-03T00:00')], [])
    expect(r.plans).toEqual([])
  })
})

describe('planOverrides on a shift-based schedule', () => {
  // Days 09:00-17:00 UTC daily from mon 2026-03-02: a, b, a, b, ... (03-04 is a's, 03-05 b's).
  const shiftBased: Schedule = {
    key: 'ops',
    name: 'Ops',
    description: '',
    timeZone: 'UTC',
    teams: [],
    layers: [],
    rotations: [
      {
        name: 'Days',
        events: [aShiftEvent({name: 'Day', timeZone: 'UTC', members: ['a', 'b']})],
      },
    ],
  }
  const v3 = (id: string, o: Partial<LiveV3PlanOverride>): LiveV3PlanOverride => ({
    id,
    user: 'c',
    overridden: 'b',
    rotation: 'Days',
    start: at('2026-03-05T10:00'),
    end: at('2026-03-05T12:00'),
    ...o,
  })
  const planV3 = (overrides: Override[], live: LiveV3PlanOverride[], exclusive = false) =>
    planOverrides({
      schedules: new Map([['ops', shiftBased]]),
      overrides,
      exclusive: new Set(exclusive ? ['ops'] : []),
      live: new Map(),
      liveV3: new Map([['ops', live]]),
      now: NOW,
      previewDays: 7,
      names: new Map(),
    })

  it('creates one v3 override per member the rotation has on call, matched by person, span, rotation and member', () => {
    // 03-04 12:00 → 03-05 12:00 spans a's day and b's: two v3 overrides; b's already exists with another span.
    const r = planV3([declared('c', '2026-03-04T12:00', '2026-03-05T12:00')], [v3('L1', {})])
    const p = r.plans[0]
    expect(p?.shiftBased).toBe(true)
    expect(p?.create.map((c) => [c.user, c.rotation, c.replaces, c.start])).toEqual([
      ['c', 'Days', 'a', '2026-03-04T12:00:00.000Z'],
      ['c', 'Days', 'b', '2026-03-04T12:00:00.000Z'],
    ])
    expect(p?.outside.map((o) => o.id)).toEqual(['L1'])
    expect(r.warnings.map((w) => w.code)).toEqual(['override-outside-config'])
    expect(r.previews[0]?.people.find((x) => x.user === 'c')?.gained.length).toBeGreaterThan(0)
    // The same overrides live: nothing to do.
    const same = planV3(
      [declared('c', '2026-03-04T12:00', '2026-03-05T12:00')],
      [v3('L2', {overridden: 'a', start: at('2026-03-04T12:00'), end: at('2026-03-05T12:00')}), v3('L3', {start: at('2026-03-04T12:00'), end: at('2026-03-05T12:00')})],
    )
    expect(same.plans).toEqual([])
  })

  it('warns about a declared override that takes nobody\'s shifts (its person is the one on call)', () => {
    const r = planV3([declared('b', '2026-03-05T10:00', '2026-03-05T12:00')], [])
    expect(r.plans).toEqual([])
    expect(r.warnings.map((w) => w.code)).toEqual(['override-pointless'])
  })

  it('exclusive deletes future rotation overrides only: not one in progress, not a custom shift\'s', () => {
    const r = planV3(
      [],
      [
        v3('FUTURE', {}),
        v3('RUNNING', {start: at('2026-03-03T10:00'), end: at('2026-03-05T10:00')}),
        v3('CUSTOM', {rotation: null}),
      ],
      true,
    )
    expect(r.plans[0]?.delete.map((o) => o.id)).toEqual(['FUTURE'])
    expect(r.plans[0]?.outside.map((o) => o.id)).toEqual(['RUNNING', 'CUSTOM'])
    expect(r.warnings.map((w) => w.code)).toEqual(['override-in-progress', 'override-outside-config'])
  })
})
