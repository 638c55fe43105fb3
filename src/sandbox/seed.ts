import {readFileSync} from 'node:fs'
import {parse} from 'yaml'
import {isObj, type Obj} from './body.js'
import type {SandboxContext} from './context.js'
import {PdError} from './errors.js'
import type {Route} from './router.js'

/**
 * An initial account. `users` use the examples/seeds format ({name, email, time_zone?, role?});
 * teams, schedules, escalation_policies and services are PagerDuty wire objects (as in a POST
 * body, without the wrapper). Any object may carry an `id`, which is kept, so later objects can
 * reference it. Teams may list `members: [{user: <id or email>, role}]`.
 */
export interface SeedFile {
  users?: Obj[]
  teams?: Obj[]
  schedules?: Obj[]
  escalation_policies?: Obj[]
  services?: Obj[]
}

const ORDER = [
  ['users', 'user'],
  ['teams', 'team'],
  ['schedules', 'schedule'],
  ['escalation_policies', 'escalation_policy'],
  ['services', 'service'],
] as const

export function readSeedFile(file: string): SeedFile {
  const parsed: unknown = parse(readFileSync(file, 'utf8'))
  if (!isObj(parsed)) throw new Error(`seed ${file}: expected a mapping with users/teams/...`)
  return parsed as SeedFile
}

/** Creates the seed's objects through the same handlers as the API, so the same rules apply. */
export function applySeed(ctx: SandboxContext, routes: readonly Route[], seed: SeedFile): void {
  const call = (method: string, template: string, params: Record<string, string>, body: unknown) => {
    const route = routes.find((r) => r.method === method && r.template === template)
    if (!route) throw new Error(`no route ${method} ${template}`)
    try {
      return route.handler({method, path: template, template, params, query: new URLSearchParams(), headers: {}, body}, ctx).body as Obj
    } catch (error) {
      if (error instanceof PdError) throw new Error(`seed: ${method} ${template}: ${error.message}: ${error.errors.join('; ')}`)
      throw error
    }
  }
  for (const [plural, singular] of ORDER) {
    for (const raw of seed[plural] ?? []) {
      if (!isObj(raw)) throw new Error(`seed: ${plural} entries must be objects`)
      const {id, members, ...fields} = raw
      const created = call('POST', `/${plural}`, {}, {[singular]: {type: singular, ...fields}})[singular] as Obj
      if (typeof id === 'string') renameId(ctx, plural, created.id as string, id)
      const finalId = typeof id === 'string' ? id : (created.id as string)
      if (plural === 'teams' && Array.isArray(members)) {
        for (const m of members) {
          if (!isObj(m)) continue
          const ref = String(m.user)
          const user = ctx.state.users.find((u) => u.id === ref || u.email.toLowerCase() === ref.toLowerCase())
          if (!user) throw new Error(`seed: team member ${ref} is not a seeded user`)
          call('PUT', '/teams/{id}/users/{user_id}', {id: finalId, user_id: user.id}, {role: m.role ?? 'responder'})
        }
      }
    }
  }
}

function renameId(ctx: SandboxContext, plural: (typeof ORDER)[number][0], from: string, to: string): void {
  const items = ctx.state[plural] as {id: string}[]
  if (items.some((x) => x.id === to)) throw new Error(`seed: duplicate id ${to}`)
  const item = items.find((x) => x.id === from)
  if (item) item.id = to
  if (!ctx.state.issuedIds.includes(to)) ctx.state.issuedIds.push(to)
  ctx.replaceState(ctx.state)
}
