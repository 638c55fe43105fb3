import type {SandboxContext} from '../context.js'
import {objectHead, reference, type Reference} from '../references.js'
import type {TeamRec} from '../state.js'

export function teamRef(ctx: SandboxContext, id: string): Reference {
  const team = ctx.state.teams.find((t) => t.id === id)
  return reference(ctx, 'team', id, team?.name ?? 'Deleted Team')
}

export function teamWire(ctx: SandboxContext, t: TeamRec): Record<string, unknown> {
  return {
    ...objectHead(ctx, 'team', t.id, t.name, false),
    name: t.name,
    description: t.description,
    default_role: t.default_role,
    parent: null,
  }
}
