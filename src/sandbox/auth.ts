import type {IncomingHttpHeaders} from 'node:http'
import {PdError, PD_CODES} from './errors.js'

export interface Tokens {
  readWrite: string
  readOnly?: string
}

/** The token of `Authorization: Token token=<key>` (DevDocs 02-Authentication), if well-formed. */
export function bearerToken(headers: IncomingHttpHeaders): string | undefined {
  const m = /^Token token=(\S+)$/.exec(headers.authorization ?? '')
  return m?.[1]
}

/** 401 code 2006 unless a known token is sent; returns whether it is the read-only one. */
export function authenticate(headers: IncomingHttpHeaders, tokens: Tokens): {readOnly: boolean} {
  const token = bearerToken(headers)
  if (token !== undefined && token === tokens.readWrite) return {readOnly: false}
  if (token !== undefined && tokens.readOnly !== undefined && token === tokens.readOnly) return {readOnly: true}
  throw new PdError(401, PD_CODES.authenticationFailed, 'Authentication failed')
}

/**
 * Accept: absent, *\/*, application/json or application/vnd.pagerduty+json;version=2 are fine
 * (DevDocs 03-Versioning: the header pins v2). Another PD version or an unrelated type → 406.
 */
export function checkAccept(accept: string | undefined): void {
  if (accept === undefined || accept.trim() === '') return
  const ranges = accept.split(',').map((r) => r.trim().toLowerCase())
  const ok = ranges.some((r) => {
    const [type, ...params] = r.split(';').map((x) => x.trim())
    if (type === '*/*' || type === 'application/*' || type === 'application/json') return true
    if (type !== 'application/vnd.pagerduty+json') return false
    const version = params.find((p) => p.startsWith('version='))
    return version === undefined || version === 'version=2'
  })
  if (!ok) throw new PdError(406, PD_CODES.invalidInput, 'Not Acceptable', [`Unsupported Accept header: ${accept}; use application/vnd.pagerduty+json;version=2`])
}
