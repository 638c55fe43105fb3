import type {IdIndex} from '../id-index.js'

/** What the *-to-pd mappers need: the config's owner (for the marker) and key → ID resolution. */
export interface ToPdContext {
  readonly owner: string
  readonly ids: IdIndex
}

export function userRef(ctx: ToPdContext, email: string): {id: string; type: 'user_reference'} {
  return {id: ctx.ids.requireId('user', email), type: 'user_reference'}
}

export function teamRef(ctx: ToPdContext, key: string): {id: string; type: 'team_reference'} {
  return {id: ctx.ids.requireId('team', key), type: 'team_reference'}
}
