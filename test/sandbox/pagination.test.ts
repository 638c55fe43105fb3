import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {createUser, startClient, type Client} from './helpers.js'

let c: Client
beforeAll(async () => {
  c = await startClient()
  for (let i = 0; i < 30; i++) await createUser(c, `User ${String(i).padStart(2, '0')}`, `user${i}@example.com`)
})
afterAll(async () => {
  await c.sandbox.stop()
})

describe('classic pagination', () => {
  it('defaults to limit 25, offset 0, total null', async () => {
    const r = (await c.get('/users')).body
    expect(r.users).toHaveLength(25)
    expect(r).toMatchObject({limit: 25, offset: 0, more: true, total: null})
    // The account owner (seeded by startClient) sorts first.
    expect(r.users.slice(0, 2).map((u: any) => u.name)).toEqual(['Owner', 'User 00'])
  })

  it('pages with limit/offset and reports total only when total=true', async () => {
    const r = (await c.get('/users?limit=10&offset=25&total=true')).body
    expect(r.users.map((u: any) => u.name)).toEqual(['User 24', 'User 25', 'User 26', 'User 27', 'User 28', 'User 29'])
    expect(r).toMatchObject({limit: 10, offset: 25, more: false, total: 31})
  })

  it('caps limit at 100', async () => {
    expect((await c.get('/users?limit=500')).body.limit).toBe(100)
  })

  it('answers 400 when offset + limit exceeds 10000', async () => {
    const r = await c.get('/users?limit=100&offset=9901')
    expect(r.status).toBe(400)
    expect(r.body.error.code).toBe(2001)
    expect((await c.get('/users?limit=100&offset=9900')).status).toBe(200)
  })

  it('filters with query on name and email, case-insensitively', async () => {
    expect((await c.get('/users?query=USER 1&total=true')).body.total).toBe(10) // User 10..User 19
    expect((await c.get('/users?query=user29@')).body.users.map((u: any) => u.name)).toEqual(['User 29'])
  })
})
