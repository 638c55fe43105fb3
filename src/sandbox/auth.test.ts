import {describe, expect, it} from 'vitest'
import {authenticate, checkAccept} from './auth.js'
import {PdError} from './errors.js'

describe('authenticate', () => {
  const tokens = {readWrite: 'rw', readOnly: 'ro'}
  it('accepts only "Token token=<known>"', () => {
    expect(authenticate({authorization: 'Token token=rw'}, tokens)).toEqual({readOnly: false})
    expect(authenticate({authorization: 'Token token=ro'}, tokens)).toEqual({readOnly: true})
    for (const authorization of [undefined, 'Token rw', 'token token=rw', 'Token token=other', 'Bearer rw']) {
      expect(() => authenticate({authorization}, tokens)).toThrow(PdError)
    }
  })
})

describe('checkAccept', () => {
  it('accepts v2, json and wildcards; refuses other PD versions and unrelated types', () => {
    for (const ok of [undefined, '', '*/*', 'application/json', 'application/vnd.pagerduty+json;version=2', 'text/html, application/json;q=0.9']) {
      expect(() => checkAccept(ok)).not.toThrow()
    }
    for (const bad of ['application/vnd.pagerduty+json;version=1', 'text/html']) expect(() => checkAccept(bad)).toThrow(/Not Acceptable/)
  })
})
