import {Flags} from '@oclif/core'

/**
 * Hidden `--now` (also env ONCALL_NOW): pretend it is this instant. Tests and the demo use it so
 * that output never depends on today's date; people never need it.
 */
export const nowFlag = {
  now: Flags.string({hidden: true, description: 'Pretend it is this instant (ISO 8601); also ONCALL_NOW.'}),
}
