import {describe, expect, it} from 'vitest'
import {shiftUid} from './shift-uid.js'

describe('shiftUid', () => {
  const t = Date.UTC(2026, 0, 5, 1)
  it('is a stable UUID-shaped value without the email in clear', () => {
    const uid = shiftUid('schedule', 'ops', 'a@x.io', t)
    expect(uid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(shiftUid('schedule', 'ops', 'A@X.io', t)).toBe(uid)
  })

  it('never changes between versions (a new UID is a new event for every subscriber)', () => {
    expect(shiftUid('schedule', 'ops', 'a@x.io', t)).toBe('34e10270-6ca1-89f9-930b-578386457025')
    expect(shiftUid('user', 'ops', 'A@X.io', t)).toBe('9fdc4a3f-5840-8f9a-8fd8-9bb31d7ddccf')
  })

  it('differs by feed, schedule, person and start (to the minute)', () => {
    const uid = shiftUid('schedule', 'ops', 'a@x.io', t)
    expect(new Set([uid, shiftUid('user', 'ops', 'a@x.io', t), shiftUid('schedule', 'ops2', 'a@x.io', t), shiftUid('schedule', 'ops', 'b@x.io', t), shiftUid('schedule', 'ops', 'a@x.io', t + 60_000)]).size).toBe(5)
  })
})
