import type {SandboxContext} from './context.js'

/** Resource kinds with their collection path (API and web UI). */
const KINDS = {
  user: {api: 'users', web: 'users'},
  team: {api: 'teams', web: 'teams'},
  schedule: {api: 'schedules', web: 'schedules'},
  escalation_policy: {api: 'escalation_policies', web: 'escalation_policies'},
  service: {api: 'services', web: 'service-directory'},
} as const

export type Kind = keyof typeof KINDS

/** The host PD would use for html_url; the sandbox has no web UI, so this is only a plausible link. */
const WEB_BASE = 'https://sandbox.pagerduty.com'

export interface Reference {
  id: string
  type: string
  summary: string
  self: string
  html_url: string
}

/** The common head of every object: id, type, summary, self, html_url (DevDocs 11-References). */
export function objectHead(ctx: SandboxContext, kind: Kind, id: string, summary: string, reference: boolean): Reference {
  return {
    id,
    type: reference ? `${kind}_reference` : kind,
    summary,
    self: `${ctx.baseUrl}/${KINDS[kind].api}/${id}`,
    html_url: `${WEB_BASE}/${KINDS[kind].web}/${id}`,
  }
}

export function reference(ctx: SandboxContext, kind: Kind, id: string, summary: string): Reference {
  return objectHead(ctx, kind, id, summary, true)
}
