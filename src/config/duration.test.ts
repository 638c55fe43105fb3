import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {formatDuration, parseDuration, tryParseDuration} from './duration.js'

describe('parseDuration', () => {
  it.each([
    ['30m', 1800],
    ['4h', 14_400],
    ['1h30m', 5400],
    ['1w', 604_800],
    ['2d', 172_800],
    ['1w2d3h4m', 604_800 + 172_800 + 10_800 + 240],
    ['0m', 0],
    [' 2H ', 7200],
  ])('%s is %d seconds', (text, seconds) => {
    expect(parseDuration(text)).toBe(seconds)
  })

  it.each(['', 'm', '30', '30s', '1m1h', '1h1h', '-1h', '1.5h', 'weekly', '1 h'])('rejects %j', (text) => {
    expect(tryParseDuration(text)).toBeUndefined()
    expect(() => parseDuration(text)).toThrow(/not a duration/)
  })
})

describe('formatDuration', () => {
  it.each([
    [1800, '30m'],
    [14_400, '4h'],
    [5400, '1h30m'],
    [604_800, '1w'],
    [93_600, '1d2h'],
    [0, '0m'],
    [90, '1m30s'],
  ])('%d seconds is %s', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text)
  })

  it('round-trips every whole-minute duration', () => {
    fc.assert(
      fc.property(fc.integer({min: 0, max: 10_000_000}), (minutes) => {
        expect(parseDuration(formatDuration(minutes * 60))).toBe(minutes * 60)
      }),
    )
  })

  it('refuses negative values', () => {
    expect(() => formatDuration(-1)).toThrow(RangeError)
  })
})
