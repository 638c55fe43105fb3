import type {SandboxContext} from './context.js'

/** A parsed PD request as handlers see it. `template` is the spec path, e.g. /schedules/{id}. */
export interface PdRequest {
  method: string
  path: string
  template: string
  params: Record<string, string>
  query: URLSearchParams
  headers: Record<string, string | undefined>
  body: unknown
}

export interface PdResponse {
  status: number
  body?: unknown
}

export type Handler = (req: PdRequest, ctx: SandboxContext) => PdResponse

export interface Route {
  method: string
  template: string
  handler: Handler
}

/** Matches a concrete path against spec-style templates ("/teams/{id}/users/{user_id}"). */
export function matchTemplate(template: string, path: string): Record<string, string> | undefined {
  const t = template.split('/')
  const p = path.split('/')
  if (t.length !== p.length) return undefined
  const params: Record<string, string> = {}
  for (let i = 0; i < t.length; i++) {
    const seg = t[i] as string
    const actual = p[i] as string
    if (seg.startsWith('{') && seg.endsWith('}')) {
      if (actual === '') return undefined
      params[seg.slice(1, -1)] = decodeURIComponent(actual)
    } else if (seg !== actual) return undefined
  }
  return params
}

/**
 * Finds the route for a request. Literal segments win over parameters, so /users/me is not read
 * as /users/{id}. A path served only with other methods gives undefined (the server answers 404).
 */
export function findRoute(routes: readonly Route[], method: string, path: string): {route: Route; params: Record<string, string>} | undefined {
  const candidates = routes
    .map((route) => ({route, params: matchTemplate(route.template, path)}))
    .filter((c): c is {route: Route; params: Record<string, string>} => c.params !== undefined && c.route.method === method)
  candidates.sort((a, b) => Object.keys(a.params).length - Object.keys(b.params).length)
  return candidates[0]
}
