import {Flags} from '@oclif/core'
import {REFRESH_MODES, type RefreshMode} from '../app/read-strategy.js'

/**
 * --refresh for the commands that plan (plan, apply): how much of the account to read. `auto`
 * reads only what the config can touch when that is cheaper (a small config on a big account),
 * `full` lists everything (the drift job: it also finds owned objects that left both the config
 * and its teams), `scoped` forces the scoped read.
 */
export const refreshFlag = {
  refresh: Flags.string({
    description:
      'How much of the account to read: auto (only what the config can touch when that is cheaper), scoped, or full (everything; run it in the drift job to find owned objects outside the config\'s teams).',
    options: [...REFRESH_MODES],
    default: 'auto',
    helpGroup: 'PAGERDUTY',
  }),
}

export function refreshFrom(value: string | undefined): RefreshMode {
  return (REFRESH_MODES as readonly string[]).includes(value ?? '') ? (value as RefreshMode) : 'auto'
}
