import {afterEach, describe, expect, it} from 'vitest'
import {startClient, type Client} from './helpers.js'

let c: (Client & {clock: {now: number}}) | undefined
afterEach(async () => {
  await c?.sandbox.stop()
})

describe('rate limiting', () => {
  it('sends ratelimit headers on every response, 960/min by default', async () => {
    c = await startClient()
    const r = await c.get('/users')
    expect(r.headers.get('ratelimit-limit')).toBe('960')
    expect(r.headers.get('ratelimit-remaining')).toBe('959')
    expect(r.headers.get('ratelimit-reset')).toBe('60')
    const unauth = await c.call('GET', '/users', {token: null})
    expect(unauth.headers.get('ratelimit-limit')).toBe('960')
  })

  it('answers 429 with code 2020 past the limit, per token, until the window resets', async () => {
    c = await startClient({rateLimitPerMinute: 3, readOnlyToken: 'othertoken'})
    for (let i = 0; i < 3; i++) expect((await c.get('/users')).status).toBe(200)
    const limited = await c.get('/users')
    expect(limited.status).toBe(429)
    expect(limited.body).toEqual({error: {message: 'Rate Limit Exceeded', code: 2020}})
    expect(limited.headers.get('ratelimit-remaining')).toBe('0')
    // Another token has its own budget.
    expect((await c.call('GET', '/users', {token: 'othertoken'})).status).toBe(200)
    c.clock.now += 20_000
    expect((await c.get('/users')).headers.get('ratelimit-reset')).toBe('40')
    c.clock.now += 40_000
    expect((await c.get('/users')).status).toBe(200)
  })

  it('does not count admin endpoints', async () => {
    c = await startClient({rateLimitPerMinute: 1})
    const admin = await fetch(`${c.sandbox.url}/__sandbox/faults`, {headers: {Authorization: `Token token=${c.sandbox.token}`}})
    expect(admin.status).toBe(200)
    expect((await c.get('/users')).status).toBe(200)
  })
})
