import {describe, expect, it} from 'vitest'
import {ConnectionOptionsError, resolveConnectionOptions, type ConnectionFlags} from './connection-options.js'

const noFile = (path: string): string => {
  throw Object.assign(new Error(`ENOENT: no such file ${path}`), {code: 'ENOENT'})
}
const resolve = (flags: ConnectionFlags, env: Record<string, string> = {}, readFile = noFile) =>
  resolveConnectionOptions(flags, {PAGERDUTY_TOKEN: 'envtoken', ...env}, readFile)
const resolveError = (flags: ConnectionFlags, env: Record<string, string | undefined> = {}, readFile = noFile): string => {
  try {
    resolveConnectionOptions(flags, env, readFile)
  } catch (error) {
    expect(error).toBeInstanceOf(ConnectionOptionsError)
    return (error as Error).message
  }
  throw new Error('expected an error')
}

describe('resolveConnectionOptions: base URL', () => {
  it('defaults to the US API', () => {
    expect(resolve({}).baseUrl).toBe('https://api.pagerduty.com')
  })

  it('maps --region eu and us', () => {
    expect(resolve({region: 'eu'}).baseUrl).toBe('https://api.eu.pagerduty.com')
    expect(resolve({region: 'us'}).baseUrl).toBe('https://api.pagerduty.com')
    expect(resolveError({region: 'ap'}, {PAGERDUTY_TOKEN: 't'})).toContain('us or eu')
  })

  it('takes --api-url over PAGERDUTY_API_URL and drops the trailing slash', () => {
    expect(resolve({'api-url': 'https://pd.example.com/proxy/'}, {PAGERDUTY_API_URL: 'https://other.example.com'}).baseUrl).toBe(
      'https://pd.example.com/proxy',
    )
    expect(resolve({}, {PAGERDUTY_API_URL: 'https://other.example.com'}).baseUrl).toBe('https://other.example.com')
  })

  it('allows plain http only to loopback hosts', () => {
    expect(resolve({'api-url': 'http://127.0.0.1:8080'}).baseUrl).toBe('http://127.0.0.1:8080')
    expect(resolve({'api-url': 'http://127.9.8.7:1'}).baseUrl).toBe('http://127.9.8.7:1')
    expect(resolve({'api-url': 'http://localhost:9000/'}).baseUrl).toBe('http://localhost:9000')
    expect(resolve({'api-url': 'http://[::1]:9000'}).baseUrl).toBe('http://[::1]:9000')
    const message = resolveError({'api-url': 'http://api.pagerduty.com'}, {PAGERDUTY_TOKEN: 't'})
    expect(message).toContain('plain http://')
    expect(message).toContain('--api-url')
    expect(resolveError({}, {PAGERDUTY_TOKEN: 't', PAGERDUTY_API_URL: 'http://10.0.0.1'})).toContain('PAGERDUTY_API_URL')
    expect(resolveError({'api-url': 'http://127.0.0.1.evil.com'}, {PAGERDUTY_TOKEN: 't'})).toContain('plain http://')
  })

  it('rejects other schemes, credentials, queries, bad URLs and conflicting flags', () => {
    const env = {PAGERDUTY_TOKEN: 't'}
    expect(resolveError({'api-url': 'ftp://x.example.com'}, env)).toContain('https://')
    expect(resolveError({'api-url': 'https://u:p@x.example.com'}, env)).toContain('credentials')
    expect(resolveError({'api-url': 'https://x.example.com?a=1'}, env)).toContain('query')
    expect(resolveError({'api-url': 'not a url'}, env)).toContain('not a valid URL')
    expect(resolveError({'api-url': 'https://x.example.com', region: 'eu'}, env)).toContain('cannot be used together')
  })
})

describe('resolveConnectionOptions: token', () => {
  it('reads PAGERDUTY_TOKEN, trimmed', () => {
    expect(resolve({}, {PAGERDUTY_TOKEN: '  abc123\n'}).token).toBe('abc123')
  })

  it('prefers --token-file, trimmed', () => {
    const opts = resolve({'token-file': '/secrets/pd'}, {}, (p) => (p === '/secrets/pd' ? 'filetoken\n' : ''))
    expect(opts.token).toBe('filetoken')
  })

  it('explains a missing, empty or unreadable token without echoing it', () => {
    expect(resolveError({}, {})).toBe('no PagerDuty API token: set PAGERDUTY_TOKEN or pass --token-file <path>')
    expect(resolveError({}, {PAGERDUTY_TOKEN: '   '})).toContain('PAGERDUTY_TOKEN is empty')
    expect(resolveError({'token-file': '/x'}, {}, () => '\n')).toContain('--token-file /x is empty')
    expect(resolveError({'token-file': '/missing'}, {})).toBe('cannot read --token-file /missing (ENOENT)')
    const message = resolveError({}, {PAGERDUTY_TOKEN: 'abc def'})
    expect(message).toContain('whitespace')
    expect(message).not.toContain('abc')
  })
})

describe('resolveConnectionOptions: from', () => {
  it('takes --from over PAGERDUTY_FROM and is optional', () => {
    expect(resolve({}).from).toBeUndefined()
    expect(resolve({}, {PAGERDUTY_FROM: 'ops@example.com'}).from).toBe('ops@example.com')
    expect(resolve({from: 'me@example.com'}, {PAGERDUTY_FROM: 'ops@example.com'}).from).toBe('me@example.com')
    expect(resolveError({from: 'nobody'}, {PAGERDUTY_TOKEN: 't'})).toContain('email')
  })
})
