import {Flags} from '@oclif/core'
import {tryParseDuration} from '../config/duration.js'
import {TEAM_RULES_HORIZON_DAYS} from '../config/rules/team-rules.js'
import {UserError} from './user-error.js'

/** `--horizon`: how far ahead validate and plan judge the team's rules (`rules:`). */
export const horizonFlag = {
  horizon: Flags.string({description: 'How far ahead the team rules (rules:) are checked, in whole days or weeks (e.g. 8w, 90d).', default: `${TEAM_RULES_HORIZON_DAYS / 7}w`}),
}

export const MAX_HORIZON_DAYS = 366

/** Days in `--horizon`; a bad value is a one-line error. */
export function horizonDaysFrom(flag: string): number {
  const seconds = tryParseDuration(flag)
  if (seconds === undefined || seconds % 86_400 !== 0 || seconds === 0 || seconds / 86_400 > MAX_HORIZON_DAYS) {
    throw new UserError(`--horizon ${JSON.stringify(flag)} is not a horizon: use whole days or weeks between 1d and ${MAX_HORIZON_DAYS}d (e.g. 8w, 90d)`)
  }
  return seconds / 86_400
}
