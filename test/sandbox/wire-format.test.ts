import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {createUser, FROM, startClient, type Client} from './helpers.js'

let c: Client
beforeEach(async () => {
  c = await startClient()
})
afterEach(async () => {
  await c.sandbox.stop()
})

describe('sandbox wire format, auth and headers', () => {
  it('creates a user with 201, a wrapped body, a PD-style ID and references', async () => {
    const r = await c.post('/users', {user: {type: 'user', name: 'Aiko Tanaka', email: 'aiko@example.com', time_zone: 'Asia/Tokyo'}}, FROM)
    expect(r.status).toBe(201)
    expect(r.body.user).toMatchObject({type: 'user', name: 'Aiko Tanaka', summary: 'Aiko Tanaka', email: 'aiko@example.com', role: 'user', teams: []})
    expect(r.body.user.id).toMatch(/^P[A-Z0-9]{6}$/)
    expect(r.body.user.self).toBe(`${c.sandbox.url}/users/${r.body.user.id}`)
    expect(r.body.user.html_url).toContain(r.body.user.id)
  })

  it('requires Authorization: Token token=... (401, code 2006)', async () => {
    const none = await c.call('GET', '/users', {token: null})
    expect(none.status).toBe(401)
    expect(none.body).toEqual({error: {message: 'Authentication failed', code: 2006}})
    expect((await c.call('GET', '/users', {token: 'wrong'})).status).toBe(401)
    const bearer = await c.call('GET', '/users', {token: null, headers: {Authorization: `Bearer ${c.sandbox.token}`}})
    expect(bearer.status).toBe(401)
  })

  it('requires From on POST /users (400 code 2001)', async () => {
    const r = await c.post('/users', {user: {type: 'user', name: 'X', email: 'x@example.com'}})
    expect(r.status).toBe(400)
    expect(r.body.error.code).toBe(2001)
    expect(r.body.error.errors).toContain('From header is required')
  })

  it('honours Accept: v2 and json are fine, another PD version is refused', async () => {
    expect((await c.call('GET', '/users', {headers: {Accept: 'application/json'}})).status).toBe(200)
    expect((await c.call('GET', '/users', {headers: {Accept: 'application/vnd.pagerduty+json;version=2'}})).status).toBe(200)
    expect((await c.call('GET', '/users', {headers: {Accept: 'application/vnd.pagerduty+json;version=1'}})).status).toBe(406)
  })

  it('answers 404 code 2100 for unknown objects and paths', async () => {
    expect((await c.get('/users/PNOPE00')).body).toEqual({error: {message: 'Not Found', code: 2100}})
    expect((await c.get('/nothing')).status).toBe(404)
  })

  it('answers 204 without a body on delete, and never reuses a deleted ID', async () => {
    const id = await createUser(c, 'Gone', 'gone@example.com')
    const del = await c.del(`/users/${id}`)
    expect(del.status).toBe(204)
    expect(del.body).toBeNull()
    expect((await c.get(`/users/${id}`)).status).toBe(404)
    const again = await createUser(c, 'Gone', 'gone@example.com')
    expect(again).not.toBe(id)
  })

  it('rejects invalid bodies with 400 code 2001 and the schema messages', async () => {
    const r = await c.post('/users', {user: {type: 'user', name: 'No Email'}}, FROM)
    expect(r.status).toBe(400)
    expect(r.body.error).toMatchObject({message: 'Invalid Input Provided', code: 2001})
    expect(r.body.error.errors.join('\n')).toContain("must have required property 'email'")
    const notJson = await c.call('POST', '/teams', {headers: {'Content-Type': 'application/json'}, body: undefined})
    expect(notJson.status).toBe(400)
  })

  it('accepts partial PUTs as PagerDuty documents (spec required lists do not apply)', async () => {
    const id = await createUser(c, 'Ken', 'ken@example.com')
    const r = await c.put(`/users/${id}`, {user: {job_title: 'SRE'}})
    expect(r.status).toBe(200)
    expect(r.body.user).toMatchObject({name: 'Ken', email: 'ken@example.com', job_title: 'SRE'})
  })

  it('rejects writes with the read-only token (403) but serves reads', async () => {
    await c.sandbox.stop()
    c = await startClient({readOnlyToken: 'readonlytoken'})
    expect((await c.call('GET', '/users', {token: 'readonlytoken'})).status).toBe(200)
    const w = await c.call('POST', '/teams', {token: 'readonlytoken', body: {team: {type: 'team', name: 'T'}}})
    expect(w.status).toBe(403)
    expect(w.body.error.code).toBe(2010)
  })

  it('requires From to be the email of a user on the account', async () => {
    const r = await c.post('/users', {user: {type: 'user', name: 'X', email: 'x@example.com'}}, {From: 'stranger@example.com'})
    expect(r.status).toBe(400)
    expect(r.body.error.errors).toEqual(['From header must be the email address of a valid user on the account'])
    expect((await c.post('/users', {user: {type: 'user', name: 'X', email: 'x@example.com'}}, {From: 'ADMIN@example.com'})).status).toBe(201)
  })

  it('rejects duplicate emails case-insensitively', async () => {
    await createUser(c, 'A', 'a@example.com')
    const r = await c.post('/users', {user: {type: 'user', name: 'A2', email: 'A@example.com'}}, FROM)
    expect(r.status).toBe(400)
    expect(r.body.error.errors).toEqual(['Email has already been taken'])
  })

  it('lists abilities', async () => {
    const r = await c.get('/abilities')
    expect(r.status).toBe(200)
    expect(r.body.abilities).toContain('teams')
  })
})
