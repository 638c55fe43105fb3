import {describe, expect, it} from 'vitest'
import {baseConfig, codes, runRule} from '../../../test/validate/rule-kit.js'
import {overridesValid} from './overrides-valid.js'

// baseConfig: primary (Asia/Tokyo) weekly from mon 2026-01-05 10:00: aiko, ken, aiko, ... (now: 2026-03-01).
const base = () => baseConfig()

describe('overridesValid: overrides', () => {
  it('accepts a future override, in the schedule zone or with an offset', () => {
    const c = base()
    c.overrides = [
      {schedule: 'primary', user: 'ken@example.com', start: '2026-03-03T10:00', end: '2026-03-04T10:00'},
      {schedule: 'primary', user: 'ken@example.com', start: '2026-03-04T10:00+09:00', end: '2026-03-05T01:00Z'},
    ]
    expect(runRule(overridesValid, c)).toEqual([])
  })

  it('names an unknown schedule with did-you-mean, at file:line:col', () => {
    const c = base()
    c.overrides = [{schedule: 'primray', user: 'ken@example.com', start: '2026-03-03T10:00', end: '2026-03-04T10:00'}]
    const [d] = runRule(overridesValid, c)
    expect(d).toMatchObject({code: 'unknown-reference', file: 'oncall.yaml', path: 'overrides[0].schedule', hint: 'did you mean `primary`?'})
    expect(d?.line).toBeGreaterThan(1)
  })

  it('says did-you-mean for a user close to a known one', () => {
    const c = base()
    c.overrides = [{schedule: 'primary', user: 'kem@example.com', start: '2026-03-03T10:00', end: '2026-03-04T10:00'}]
    expect(runRule(overridesValid, c)).toMatchObject([{code: 'unknown-user', hint: 'did you mean `ken@example.com`?'}])
  })

  it('rejects an end before the start, a date that does not exist, and overlaps', () => {
    const c = base()
    c.overrides = [
      {schedule: 'primary', user: 'ken@example.com', start: '2026-03-04T10:00', end: '2026-03-03T10:00'},
      {schedule: 'primary', user: 'ken@example.com', start: '2026-02-30T10:00', end: '2026-03-03T10:00'},
      {schedule: 'primary', user: 'ken@example.com', start: '2026-03-10T10:00', end: '2026-03-12T10:00'},
      {schedule: 'primary', user: 'aiko@example.com', start: '2026-03-11T10:00', end: '2026-03-13T10:00'},
    ]
    expect(codes(runRule(overridesValid, c))).toEqual(['override-end-before-start', 'invalid-override-time', 'overlapping-overrides'])
  })

  it('warns about an override entirely in the past', () => {
    const c = base()
    c.overrides = [{schedule: 'primary', user: 'ken@example.com', start: '2026-02-03T10:00', end: '2026-02-04T10:00'}]
    expect(runRule(overridesValid, c)).toMatchObject([{severity: 'warning', code: 'override-in-past', path: 'overrides[0]'}])
  })
})

describe('overridesValid: time off', () => {
  it('accepts time off the rotation can cover', () => {
    const c = base()
    c.time_off = [{user: 'aiko@example.com', from: '2026-03-03', to: '2026-03-05'}]
    expect(runRule(overridesValid, c)).toEqual([])
  })

  it('rejects time off nobody can cover, naming the shift', () => {
    const c = base()
    c.time_off = [
      {user: 'aiko@example.com', from: '2026-03-03', to: '2026-03-05'},
      {user: 'ken@example.com', from: '2026-03-02', to: '2026-03-06'},
    ]
    const ds = runRule(overridesValid, c)
    expect(codes(ds)).toEqual(['time-off-uncovered'])
    expect(ds[0]?.message).toContain('primary tue 2026-03-03 00:00 – fri 2026-03-06 00:00 Asia/Tokyo')
    expect(ds[0]?.path).toBe('time_off[0]')
  })

  it('rejects a named cover who is off too', () => {
    const c = base()
    c.time_off = [
      {user: 'aiko@example.com', from: '2026-03-03', to: '2026-03-05', cover: 'ken@example.com'},
      {user: 'ken@example.com', from: '2026-03-04', to: '2026-03-04'},
    ]
    expect(runRule(overridesValid, c)).toMatchObject([{code: 'cover-is-off', path: 'time_off[0].cover'}])
  })

  it('rejects `to` before `from`, warns when entirely past or for someone in no rotation', () => {
    const c = base()
    c.time_off = [
      {user: 'aiko@example.com', from: '2026-03-05', to: '2026-03-03'},
      {user: 'aiko@example.com', from: '2026-01-05', to: '2026-01-06'},
      {user: 'zoe@example.org', from: '2026-03-05', to: '2026-03-06'},
    ]
    expect(codes(runRule(overridesValid, c))).toEqual(['time-off-end-before-start', 'time-off-in-past', 'time-off-not-on-call'])
  })
})

describe('overridesValid: overrides of a shift-based schedule', () => {
  // Days 09:00-17:00 Tokyo (aiko, ken, daily turns) and Nights 17:00-09:00 (ken, aiko), from Mon 2026-03-02.
  const shiftBased = () => {
    const c = base()
    c.schedules.shifts = {
      time_zone: 'Asia/Tokyo',
      rotations: [
        {name: 'Days', events: [{start: '2026-03-02T09:00', end: '2026-03-02T17:00', repeat: 'daily', members: ['aiko@example.com', 'ken@example.com']}]},
        {name: 'Nights', events: [{start: '2026-03-02T17:00', end: '2026-03-03T09:00', repeat: 'daily', members: ['ken@example.com', 'aiko@example.com']}]},
      ],
    }
    return c
  }

  it('accepts an override within one rotation without `rotation:`, and one that names the rotation', () => {
    const c = shiftBased()
    c.overrides = [
      {schedule: 'shifts', user: 'ken@example.com', start: '2026-03-03T10:00', end: '2026-03-03T12:00'},
      {schedule: 'shifts', user: 'aiko@example.com', start: '2026-03-04T16:00', end: '2026-03-04T18:00', rotation: 'Nights'},
      // Overlaps the previous one in time, but in the other rotation: fine.
      {schedule: 'shifts', user: 'ken@example.com', start: '2026-03-04T16:00', end: '2026-03-04T17:00', rotation: 'Days'},
    ]
    expect(runRule(overridesValid, c)).toEqual([])
  })

  it('asks for `rotation:` when the span touches two rotations, and did-you-means an unknown one', () => {
    const c = shiftBased()
    c.overrides = [
      {schedule: 'shifts', user: 'ken@example.com', start: '2026-03-04T16:00', end: '2026-03-04T18:00'},
      {schedule: 'shifts', user: 'ken@example.com', start: '2026-03-05T16:00', end: '2026-03-05T18:00', rotation: 'Night'},
    ]
    const found = runRule(overridesValid, c)
    expect(found).toMatchObject([
      {code: 'override-rotation-ambiguous', path: 'overrides[0]', message: expect.stringContaining('Days and Nights')},
      {code: 'unknown-rotation', path: 'overrides[1].rotation', hint: 'did you mean `Nights`?'},
    ])
    expect(found[1]?.line).toBeGreaterThan(1)
  })

  it('refuses `rotation:` on a layer schedule and overlapping overrides of one rotation', () => {
    const c = shiftBased()
    c.overrides = [
      {schedule: 'primary', user: 'ken@example.com', start: '2026-03-03T10:00', end: '2026-03-04T10:00', rotation: 'Days'},
      // Mar 3 is ken's day in Days: both would take it.
      {schedule: 'shifts', user: 'aiko@example.com', start: '2026-03-03T10:00', end: '2026-03-03T12:00'},
      {schedule: 'shifts', user: 'mei.tanaka@example.org', start: '2026-03-03T11:00', end: '2026-03-03T13:00'},
    ]
    expect(codes(runRule(overridesValid, c))).toEqual(['override-rotation-on-layers', 'overlapping-overrides'])
  })

  it('lets two overrides of one rotation overlap when they replace different members (`replaces:`)', () => {
    const c = shiftBased()
    // Mar 3 16:00 Tokyo to Mar 4 10:00 in Days: ken (Mar 3) and aiko (Mar 4) each handed to the other.
    c.overrides = [
      {schedule: 'shifts', user: 'aiko@example.com', start: '2026-03-03T16:00', end: '2026-03-04T10:00', rotation: 'Days', replaces: 'ken@example.com'},
      {schedule: 'shifts', user: 'ken@example.com', start: '2026-03-03T16:00', end: '2026-03-04T10:00', rotation: 'Days', replaces: 'aiko@example.com'},
      {schedule: 'primary', user: 'ken@example.com', start: '2026-03-03T10:00', end: '2026-03-04T10:00', replaces: 'aiko@example.com'},
    ]
    expect(codes(runRule(overridesValid, c))).toEqual(['override-rotation-on-layers'])
  })

  it('warns about an override where no rotation has anyone on call', () => {
    const c = shiftBased()
    const days = c.schedules.shifts?.rotations?.[0]
    if (days) c.schedules.shifts = {...c.schedules.shifts, time_zone: 'Asia/Tokyo', rotations: [days]}
    c.overrides = [{schedule: 'shifts', user: 'ken@example.com', start: '2026-03-03T18:00', end: '2026-03-03T20:00'}]
    expect(runRule(overridesValid, c)).toMatchObject([{severity: 'warning', code: 'override-changes-nothing', path: 'overrides[0]'}])
  })

  it('knows the members of shift-based rotations (did-you-mean, time off on call)', () => {
    const c = shiftBased()
    const days = c.schedules.shifts?.rotations?.[0]?.events[0]
    if (days) days.members = ['aiko@example.com', 'rin@example.com']
    c.overrides = [{schedule: 'shifts', user: 'rim@example.com', start: '2026-03-03T10:00', end: '2026-03-03T12:00'}]
    c.time_off = [{user: 'rin@example.com', from: '2026-03-10', to: '2026-03-11'}]
    expect(runRule(overridesValid, c)).toMatchObject([{code: 'unknown-user', hint: 'did you mean `rin@example.com`?'}])
  })
})
