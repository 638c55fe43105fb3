import {describe, expect, it} from 'vitest'
import {RateLimiter} from './rate-limit.js'

describe('RateLimiter', () => {
  it('allows `limit` requests per key per minute and reports the seconds left', () => {
    const r = new RateLimiter(2)
    expect(r.take('a', 0)).toEqual({allowed: true, headers: {'ratelimit-limit': '2', 'ratelimit-remaining': '1', 'ratelimit-reset': '60'}})
    expect(r.take('a', 1_000).allowed).toBe(true)
    const third = r.take('a', 30_500)
    expect(third.allowed).toBe(false)
    expect(third.headers['ratelimit-remaining']).toBe('0')
    expect(third.headers['ratelimit-reset']).toBe('30')
    expect(r.take('b', 30_500).allowed).toBe(true)
    expect(r.take('a', 60_000).allowed).toBe(true)
  })
})
