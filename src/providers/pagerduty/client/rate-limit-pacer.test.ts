import {describe, expect, it} from 'vitest'
import {RateLimitPacer, rateLimitHeadersOf} from './rate-limit-pacer.js'

function pacer(reserve = 1) {
  let t = 0
  const p = new RateLimitPacer({now: () => t, random: () => 0, reserve})
  return {p, advance: (ms: number) => (t += ms)}
}

describe('RateLimitPacer', () => {
  it('sends freely while nothing is known or plenty is left', () => {
    const {p} = pacer()
    expect(p.delayBeforeSend(3)).toBe(0)
    p.observe({remaining: 500, reset: 30})
    expect(p.delayBeforeSend(3)).toBe(0)
  })

  it('waits for the reset when the remaining requests would not cover those in flight plus the reserve', () => {
    const {p, advance} = pacer()
    p.observe({remaining: 4, reset: 20})
    expect(p.delayBeforeSend(2)).toBe(0)
    expect(p.delayBeforeSend(3)).toBe(20_000)
    // Everyone else waits for the same moment, not a full window each.
    advance(5000)
    expect(p.delayBeforeSend(0)).toBe(15_000)
    advance(15_000)
    expect(p.delayBeforeSend(3)).toBe(0)
  })

  it('keeps the lowest count of a window when answers arrive out of order', () => {
    const {p, advance} = pacer()
    p.observe({remaining: 3, reset: 30})
    advance(200)
    p.observe({remaining: 5, reset: 30})
    expect(p.delayBeforeSend(2)).toBe(30_000)
  })

  it('takes a higher count from a new window', () => {
    const {p, advance} = pacer()
    p.observe({remaining: 3, reset: 2})
    advance(2000)
    p.observe({remaining: 959, reset: 60})
    expect(p.delayBeforeSend(3)).toBe(0)
  })

  it('ignores a stale count once its window has reset', () => {
    const {p, advance} = pacer()
    p.observe({remaining: 0, reset: 1})
    advance(1000)
    expect(p.delayBeforeSend(0)).toBe(0)
  })

  it('pauses every request after a 429: by ratelimit-reset, or by backoff without it', () => {
    const {p, advance} = pacer()
    expect(p.onTooManyRequests(3, 1)).toBe(3000)
    advance(1000)
    expect(p.delayBeforeSend(0)).toBe(2000)
    advance(2000)
    expect(p.onTooManyRequests(undefined, 1)).toBe(500)
    expect(p.onTooManyRequests(undefined, 3)).toBe(2000)
  })
})

describe('rateLimitHeadersOf', () => {
  it('reads numbers and drops junk', () => {
    const headers: Record<string, string> = {'ratelimit-remaining': '12', 'ratelimit-reset': 'soon'}
    expect(rateLimitHeadersOf((n) => headers[n])).toEqual({remaining: 12, reset: undefined})
  })
})
