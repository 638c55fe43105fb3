import {describe, expect, it} from 'vitest'
import {RequestLogger, formatRequestEvent} from './request-logger.js'

describe('formatRequestEvent', () => {
  it('prints method, path, status and time', () => {
    expect(formatRequestEvent({method: 'GET', path: '/schedules?offset=100', status: 200, ms: 12.4, attempt: 1})).toBe(
      'GET /schedules?offset=100 200 12ms',
    )
  })

  it('notes retries and network failures', () => {
    expect(formatRequestEvent({method: 'GET', path: '/teams', status: 503, ms: 40, attempt: 2, retryInMs: 750})).toBe(
      'GET /teams 503 40ms (attempt 2, retry in 750ms)',
    )
    expect(formatRequestEvent({method: 'POST', path: '/teams', status: null, ms: 3, attempt: 1, errorCode: 'ECONNRESET'})).toBe(
      'POST /teams ECONNRESET 3ms',
    )
  })
})

describe('RequestLogger', () => {
  it('writes a line per event and a total', () => {
    const lines: string[] = []
    const logger = new RequestLogger((l) => lines.push(l))
    logger.onRequest({method: 'GET', path: '/users', status: 200, ms: 5, attempt: 1})
    logger.onRequest({method: 'DELETE', path: '/teams/T1', status: 204, ms: 7, attempt: 1})
    logger.summary()
    expect(lines).toEqual(['GET /users 200 5ms', 'DELETE /teams/T1 204 7ms', 'PagerDuty requests: 2'])
    expect(logger.count).toBe(2)
  })
})
