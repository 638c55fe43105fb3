import {describe, expect, it} from 'vitest'
import {closest, didYouMean} from './did-you-mean.js'

describe('closest', () => {
  it('finds a one-letter typo', () => {
    expect(closest('escalation_polcy', ['name', 'escalation_policy', 'team'])).toBe('escalation_policy')
  })
  it('is case-insensitive', () => {
    expect(closest('Asia/tokyo', ['Asia/Tokyo', 'Europe/London'])).toBe('Asia/Tokyo')
  })
  it('offers nothing for unrelated words', () => {
    expect(closest('banana', ['escalation_policy', 'team'])).toBeUndefined()
    expect(didYouMean('banana', ['team'])).toBeUndefined()
  })
  it('formats the hint', () => {
    expect(didYouMean('teem', ['team'])).toBe('did you mean `team`?')
  })
})
