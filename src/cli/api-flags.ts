/**
 * Flags for every command that talks to PagerDuty, and their resolution into a client.
 *
 * Spread `apiReadFlags` into commands that only read (import, who, export) and `apiWriteFlags`
 * into commands that write or judge a write (apply, import --adopt, plan): only writes need
 * `--from` (the acting user's email; plan judges whether apply will have one).
 */
import {readFileSync} from 'node:fs'
import {Flags} from '@oclif/core'
import {
  ConnectionOptionsError,
  PagerDutyApiError,
  PagerDutyClient,
  PagerDutyNetworkError,
  resolveConnectionOptions,
  resolveFrom,
  type ConnectionFlags,
  type ConnectionOptions,
  type PagerDutyClientOptions,
} from '../providers/pagerduty/client/index.js'
import {registerSecret} from './redact.js'
import {RequestLogger} from './request-logger.js'
import {tokenFileWarningOnDisk} from './token-file-permissions.js'
import {UserError} from './user-error.js'

const helpGroup = 'PAGERDUTY'

export const apiReadFlags = {
  'api-url': Flags.string({
    description:
      'PagerDuty API base URL (env PAGERDUTY_API_URL; default https://api.pagerduty.com). Plain http:// only for loopback hosts (the sandbox).',
    exclusive: ['region'],
    helpGroup,
  }),
  region: Flags.string({
    description: 'PagerDuty service region: us (api.pagerduty.com) or eu (api.eu.pagerduty.com).',
    options: ['us', 'eu'],
    exclusive: ['api-url'],
    helpGroup,
  }),
  'token-file': Flags.string({
    description: 'Read the PagerDuty API token from this file (default: env PAGERDUTY_TOKEN).',
    helpGroup,
  }),
  verbose: Flags.boolean({
    description: 'Log every PagerDuty request (method, path, status, time) and the total to stderr.',
    default: false,
    helpGroup,
  }),
}

export const apiWriteFlags = {
  ...apiReadFlags,
  from: Flags.string({
    description: 'Email of the PagerDuty user making the changes (env PAGERDUTY_FROM); needed to create users.',
    helpGroup,
  }),
}

/**
 * `who` and `export` without --live read the account when a token is available (so they agree
 * with it after an apply, app/planned-shifts.ts); this flag keeps them offline.
 */
export const configOnlyFlag = {
  'config-only': Flags.boolean({
    description: 'Compute from the config alone, even when a PagerDuty token is available (no API calls; rollout times and overrides unknown).',
    default: false,
    exclusive: ['live'],
  }),
}

/**
 * A PagerDuty error of `who`/`export` that read the account only because a token is set: the
 * same one line, and how to do without the account.
 */
export function throwWithConfigOnlyHint(error: unknown): void {
  if (error instanceof PagerDutyApiError || error instanceof PagerDutyNetworkError) {
    throw new UserError(error.message, 1, ['  (a PagerDuty token is set, so the account was read; --config-only computes from the config alone)'])
  }
}

/** Whether a token is configured (flag or environment), i.e. whether the account can be read. */
export function tokenAvailable(flags: ApiFlagValues, env: Readonly<Record<string, string | undefined>> = process.env): boolean {
  return (flags['token-file'] ?? '').trim() !== '' || (env.PAGERDUTY_TOKEN ?? '').trim() !== ''
}

/** Whether apply sends a From address (`--from`, else PAGERDUTY_FROM): needed to create users. */
export function fromAvailable(flags: ApiFlagValues, env: Readonly<Record<string, string | undefined>> = process.env): boolean {
  try {
    return resolveFrom({from: flags.from}, env) !== undefined
  } catch (error) {
    if (error instanceof ConnectionOptionsError) throw new UserError(error.message)
    throw error
  }
}

export interface ApiFlagValues extends ConnectionFlags {
  readonly verbose?: boolean
}

/** Reading commands ignore `from` and PAGERDUTY_FROM: only writes act as a user. */
export type ApiAccess = 'read' | 'write'

/**
 * Resolves flags + environment into connection options, as a UserError when something is
 * missing or unsafe. Registers the token with `redact` so nothing printed can contain it.
 */
export function connectionFromFlags(
  flags: ApiFlagValues,
  access: ApiAccess,
  env: Readonly<Record<string, string | undefined>> = process.env,
  readFile: (path: string) => string = (path) => readFileSync(path, 'utf8'),
): ConnectionOptions {
  try {
    const connectionFlags: ConnectionFlags = {
      'api-url': flags['api-url'],
      region: flags.region,
      'token-file': flags['token-file'],
      from: access === 'write' ? flags.from : undefined,
    }
    const connectionEnv = access === 'write' ? env : {...env, PAGERDUTY_FROM: undefined}
    const options = resolveConnectionOptions(connectionFlags, connectionEnv, readFile)
    registerSecret(options.token)
    return options
  } catch (error) {
    if (error instanceof ConnectionOptionsError) throw new UserError(error.message)
    throw error
  }
}

/**
 * A client for a command, with --verbose request logging to `writeErr` (pass BaseCommand.err,
 * which redacts). Call `logger?.summary(client.requestCount)` when the command is done.
 */
export function clientFromFlags(
  flags: ApiFlagValues,
  access: ApiAccess,
  writeErr: (line: string) => void,
  overrides: Partial<PagerDutyClientOptions> = {},
): {client: PagerDutyClient; logger: RequestLogger | undefined} {
  const connection = connectionFromFlags(flags, access)
  const loose = flags['token-file'] === undefined ? null : tokenFileWarningOnDisk(flags['token-file'])
  if (loose) writeErr(loose)
  const logger = flags.verbose ? new RequestLogger(writeErr) : undefined
  // Always said, not only with --verbose: a silent minute looks like a hang.
  const onWait = ({ms, reason}: {ms: number; reason: string}) => writeErr(`waiting ${Math.ceil(ms / 1000)} s: ${reason}`)
  const client = new PagerDutyClient({...connection, onRequest: logger?.onRequest, onWait, ...overrides})
  return {client, logger}
}
