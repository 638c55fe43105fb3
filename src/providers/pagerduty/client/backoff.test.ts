import {describe, expect, it} from 'vitest'
import {backoffDelay} from './backoff.js'

describe('backoffDelay', () => {
  const policy = {baseMs: 100, maxMs: 1000}

  it('doubles per retry between half and all of the step', () => {
    expect(backoffDelay(policy, 1, () => 0)).toBe(50)
    expect(backoffDelay(policy, 1, () => 0.999_999)).toBe(100)
    expect(backoffDelay(policy, 3, () => 0)).toBe(200)
    expect(backoffDelay(policy, 3, () => 0.5)).toBe(300)
  })

  it('never exceeds the cap', () => {
    expect(backoffDelay(policy, 30, () => 0.999_999)).toBe(1000)
    expect(backoffDelay(policy, 30, () => 0)).toBe(500)
  })
})
