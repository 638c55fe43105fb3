import type {User} from '../../../model/user.js'
import type {PdUser} from '../dto.js'
import {appendMarker, parseDescription} from '../ownership.js'
import type {ToPdContext} from './to-pd-context.js'

/**
 * The body of POST/PUT /users. Users have no description in the model, so the marker is merged
 * into the live description (`liveDescription`, empty for a new user): a person's own text
 * survives adoption. Fields the config leaves undeclared (null) are not sent, so PagerDuty keeps
 * its values.
 */
export function userToPd(user: User, ctx: ToPdContext, liveDescription?: string | null): PdUser {
  return {
    type: 'user',
    name: user.name,
    email: user.email,
    ...(user.timeZone === null ? {} : {time_zone: user.timeZone}),
    ...(user.role === null ? {} : {role: user.role}),
    description: appendMarker(parseDescription(liveDescription).text, {owner: ctx.owner, key: user.email}),
  }
}
