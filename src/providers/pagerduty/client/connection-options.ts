/**
 * Where and as whom to talk to PagerDuty, resolved from command-line flags and the environment.
 * Pure apart from reading the token file through the injected `readFile`.
 *
 * Precedence: flags beat environment variables. `--api-url` and `--region` exclude each other.
 * Plain http:// is accepted only for loopback hosts (the sandbox and tests): anywhere else it
 * would send the token in clear text.
 */

export const REGION_URLS = {us: 'https://api.pagerduty.com', eu: 'https://api.eu.pagerduty.com'} as const
export type Region = keyof typeof REGION_URLS

export interface ConnectionFlags {
  readonly 'api-url'?: string
  readonly region?: string
  readonly 'token-file'?: string
  readonly from?: string
}

export interface ConnectionOptions {
  /** Without a trailing slash. */
  readonly baseUrl: string
  readonly token: string
  readonly from: string | undefined
}

/** A problem with flags or environment, worded for the person at the terminal. */
export class ConnectionOptionsError extends Error {
  override readonly name = 'ConnectionOptionsError'
}

export function resolveConnectionOptions(
  flags: ConnectionFlags,
  env: Readonly<Record<string, string | undefined>>,
  readFile: (path: string) => string,
): ConnectionOptions {
  return {baseUrl: resolveBaseUrl(flags, env), token: resolveToken(flags, env, readFile), from: resolveFrom(flags, env)}
}

export function resolveBaseUrl(flags: ConnectionFlags, env: Readonly<Record<string, string | undefined>>): string {
  if (flags['api-url'] !== undefined && flags.region !== undefined) {
    throw new ConnectionOptionsError('--api-url and --region cannot be used together')
  }
  if (flags.region !== undefined) {
    if (!(flags.region in REGION_URLS)) throw new ConnectionOptionsError(`--region must be us or eu, not "${flags.region}"`)
    return REGION_URLS[flags.region as Region]
  }
  const raw = nonEmpty(flags['api-url']) ?? nonEmpty(env.PAGERDUTY_API_URL)
  if (raw === undefined) return REGION_URLS.us
  const source = nonEmpty(flags['api-url']) === undefined ? 'PAGERDUTY_API_URL' : '--api-url'
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new ConnectionOptionsError(`${source} is not a valid URL: "${raw}"`)
  }
  if (url.username || url.password) throw new ConnectionOptionsError(`${source} must not contain credentials`)
  if (url.search || url.hash) throw new ConnectionOptionsError(`${source} must not contain a query or fragment`)
  if (url.protocol === 'http:' && !isLoopbackUrl(url)) {
    throw new ConnectionOptionsError(
      `${source} uses plain http:// for ${url.hostname}: only loopback hosts (localhost, 127.0.0.0/8, ::1) may use http, ` +
        'anything else must be https:// so the token is not sent in clear text',
    )
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConnectionOptionsError(`${source} must be an https:// URL, not ${url.protocol}`)
  }
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '')
}

export function resolveToken(
  flags: ConnectionFlags,
  env: Readonly<Record<string, string | undefined>>,
  readFile: (path: string) => string,
): string {
  let token: string
  let source: string
  if (flags['token-file'] !== undefined) {
    source = `--token-file ${flags['token-file']}`
    try {
      token = readFile(flags['token-file']).trim()
    } catch (error) {
      const code = (error as {code?: unknown}).code
      throw new ConnectionOptionsError(`cannot read ${source}${typeof code === 'string' ? ` (${code})` : ''}`)
    }
  } else if (env.PAGERDUTY_TOKEN !== undefined) {
    source = 'PAGERDUTY_TOKEN'
    token = env.PAGERDUTY_TOKEN.trim()
  } else {
    throw new ConnectionOptionsError('no PagerDuty API token: set PAGERDUTY_TOKEN or pass --token-file <path>')
  }
  if (token === '') throw new ConnectionOptionsError(`the PagerDuty API token from ${source} is empty`)
  // Never echo the value: a malformed token is still a secret.
  if (/[\s\p{Cc}]/u.test(token)) {
    throw new ConnectionOptionsError(`the PagerDuty API token from ${source} contains whitespace or control characters`)
  }
  return token
}

export function resolveFrom(flags: ConnectionFlags, env: Readonly<Record<string, string | undefined>>): string | undefined {
  const from = nonEmpty(flags.from) ?? nonEmpty(env.PAGERDUTY_FROM)
  if (from !== undefined && !/^[^\s@]+@[^\s@]+$/.test(from)) {
    throw new ConnectionOptionsError(`--from / PAGERDUTY_FROM must be the email of a PagerDuty user, not "${from}"`)
  }
  return from
}

/** localhost, 127.0.0.0/8 and ::1. */
export function isLoopbackUrl(url: URL): boolean {
  const host = url.hostname.toLowerCase()
  if (host === 'localhost' || host === '[::1]' || host === '::1') return true
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim()
  return trimmed === undefined || trimmed === '' ? undefined : trimmed
}
