import {describe, expect, it} from 'vitest'
import {nowFrom} from './now-flag.js'
import {UserError} from './user-error.js'

describe('nowFrom', () => {
  it('takes --now first, then ONCALL_NOW', () => {
    expect(nowFrom('2026-03-02T03:00:00Z', {ONCALL_NOW: '2027-01-01T00:00:00Z'}).toISOString()).toBe('2026-03-02T03:00:00.000Z')
    expect(nowFrom(undefined, {ONCALL_NOW: '2027-01-01T00:00:00Z'}).toISOString()).toBe('2027-01-01T00:00:00.000Z')
  })

  it('turns a malformed value into a one-line UserError naming where it came from', () => {
    expect(() => nowFrom('soon', {})).toThrow(UserError)
    expect(() => nowFrom(undefined, {ONCALL_NOW: 'soon'})).toThrow(/ONCALL_NOW "soon"/)
  })
})
