import {describe, expect, it} from 'vitest'
import {baseConfig, codes, runRule} from '../../../test/validate/rule-kit.js'
import {rolloutAt} from './rollout-at.js'

const withAt = (at: string) => {
  const c = baseConfig()
  c.schedules.primary!.layers = [{users: ['a@example.com'], turn: 'weekly', rotation_start: '2026-01-05T10:00', rollout: {at}}]
  return c
}

describe('rolloutAt', () => {
  it('accepts a real date-time and the keyword forms', () => {
    const c = withAt('2099-03-16T10:00')
    c.schedules.primary!.rollout = 'immediate'
    expect(runRule(rolloutAt, c)).toEqual([])
  })
  it('rejects a date that does not exist', () => {
    expect(codes(runRule(rolloutAt, withAt('2026-02-30T10:00')))).toEqual(['invalid-rollout-at'])
  })
  it('warns about a time that has passed', () => {
    expect(codes(runRule(rolloutAt, withAt('2000-01-03T10:00')))).toEqual(['rollout-at-passed'])
  })
})
