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
