import {Flags} from '@oclif/core'
import {resolveNow, WindowError} from '../export/export-window.js'
import {UserError} from './user-error.js'

/**
 * Hidden `--now` (also env ONCALL_NOW): pretend it is this instant. Tests and the demo use it so
 * that output never depends on today's date; people never need it.
 */
export const nowFlag = {
  now: Flags.string({hidden: true, description: 'Pretend it is this instant (ISO 8601); also ONCALL_NOW.'}),
}

/** The command's "now": --now, else ONCALL_NOW, else the clock; a bad value is a one-line error. */
export function nowFrom(flag: string | undefined, env: Readonly<Record<string, string | undefined>> = process.env): Date {
  try {
    return new Date(resolveNow(flag, env.ONCALL_NOW))
  } catch (error) {
    if (error instanceof WindowError) throw new UserError(error.message)
    throw error
  }
}
