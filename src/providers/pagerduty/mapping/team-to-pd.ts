import type {Team} from '../../../model/team.js'
import type {PdTeam} from '../dto.js'
import {describeWithMarker, TEAM_DESCRIPTION_MAX_LENGTH} from '../ownership.js'
import type {ToPdContext} from './to-pd-context.js'

/** The body of POST/PUT /teams (members are separate calls: see apply.ts). */
export function teamToPd(team: Team, ctx: ToPdContext): PdTeam {
  return {
    type: 'team',
    name: team.name,
    description: describeWithMarker(team.description, {owner: ctx.owner, key: team.key}, TEAM_DESCRIPTION_MAX_LENGTH),
  }
}
