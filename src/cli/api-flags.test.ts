import {describe, expect, it} from 'vitest'
import {apiReadFlags, apiWriteFlags, connectionFromFlags} from './api-flags.js'
import {redact} from './redact.js'
import {UserError} from './user-error.js'

const readFile = (): string => 'tok-from-file-9876\n'

describe('connectionFromFlags', () => {
  it('turns resolution problems into one-line UserErrors', () => {
    expect(() => connectionFromFlags({}, 'read', {})).toThrow(UserError)
    expect(() => connectionFromFlags({'api-url': 'http://example.com'}, 'read', {PAGERDUTY_TOKEN: 'abcd1234'})).toThrow(
      /plain http/,
    )
  })

  it('registers the token so that printed text is redacted', () => {
    const options = connectionFromFlags({'token-file': '/t'}, 'read', {}, readFile)
    expect(options.token).toBe('tok-from-file-9876')
    expect(redact('oops tok-from-file-9876 leaked')).toBe('oops [REDACTED] leaked')
  })

  it('uses --from only for writing commands (export has its own --from)', () => {
    const env = {PAGERDUTY_TOKEN: 'abcd1234', PAGERDUTY_FROM: 'ops@example.com'}
    expect(connectionFromFlags({from: '2026-01-01'}, 'read', env).from).toBeUndefined()
    expect(connectionFromFlags({}, 'write', env).from).toBe('ops@example.com')
    expect(connectionFromFlags({from: 'me@example.com'}, 'write', env).from).toBe('me@example.com')
  })
})

describe('flag sets', () => {
  it('offer --from only to writing commands', () => {
    expect(Object.keys(apiReadFlags).sort()).toEqual(['api-url', 'region', 'token-file', 'verbose'])
    expect(Object.keys(apiWriteFlags).sort()).toEqual(['api-url', 'from', 'region', 'token-file', 'verbose'])
  })
})
