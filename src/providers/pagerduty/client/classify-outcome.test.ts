import {describe, expect, it} from 'vitest'
import {classifyOutcome} from './classify-outcome.js'
import type {Outcome} from './transport.js'

const response = (status: number): Outcome => ({
  kind: 'response',
  status,
  statusText: '',
  data: undefined,
  bodyIsJson: true,
  rateLimit: {remaining: undefined, reset: undefined},
})
const network = (code: string): Outcome => ({kind: 'network', code, detail: ''})

describe('classifyOutcome', () => {
  it.each([
    [response(200), 'success'],
    [response(204), 'success'],
    [response(429), 'rate-limited'],
    [response(500), 'transient'],
    [response(503), 'transient'],
    [response(408), 'transient'],
    [response(400), 'fatal'],
    [response(404), 'fatal'],
    [network('ECONNRESET'), 'transient'],
    [network('ETIMEDOUT'), 'transient'],
    [network('ECONNREFUSED'), 'not-sent'],
    [network('ENOTFOUND'), 'fatal'],
    [network('CERT_HAS_EXPIRED'), 'fatal'],
  ] as const)('%o → %s', (outcome, verdict) => {
    expect(classifyOutcome(outcome)).toBe(verdict)
  })
})
