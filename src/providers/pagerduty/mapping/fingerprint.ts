import {createHash} from 'node:crypto'

/**
 * Fingerprints of raw PagerDuty objects, so `apply` can refuse a plan whose live objects changed
 * since it was made. The fingerprint covers what someone could have edited, not what PagerDuty
 * recomputes on every read: rendered schedule entries, URLs, reference summaries (they echo
 * other objects' names) and read-only back-references are left out, otherwise every read would
 * look like a change.
 */

/** Keys dropped at any depth. */
const VOLATILE_EVERYWHERE = new Set([
  'self',
  'html_url',
  'summary',
  'rendered_schedule_entries',
  'rendered_coverage_percentage',
])

/** Keys dropped from the top level of each object type (read-only aggregates and counters). */
export const VOLATILE_TOP_LEVEL = {
  user: ['avatar_url', 'invitation_sent', 'contact_methods', 'notification_rules', 'teams', 'color', 'coordinated_incidents'],
  team: ['parent'],
  schedule: ['users', 'escalation_policies', 'final_schedule', 'overrides_subschedule', 'next_oncall_for_user'],
  escalation_policy: ['services'],
  service: ['status', 'last_incident_timestamp', 'integrations', 'addons', 'created_at', 'updated_at', 'teams'],
} as const

export type FingerprintedType = keyof typeof VOLATILE_TOP_LEVEL

/** JSON with object keys sorted at every depth: equal values give equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value))
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys)
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([k, v]) => v !== undefined && !VOLATILE_EVERYWHERE.has(k))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return Object.fromEntries(entries.map(([k, v]) => [k, sortKeys(v)]))
  }
  return value
}

/** sha256 (hex) of the canonical JSON of a raw object, minus its volatile fields. `extra` joins it (team members). */
export function fingerprintRaw(type: FingerprintedType, raw: object, extra?: Record<string, unknown>): string {
  const dropped = new Set<string>(VOLATILE_TOP_LEVEL[type])
  const kept = Object.fromEntries(Object.entries(raw).filter(([k]) => !dropped.has(k)))
  return createHash('sha256')
    .update(canonicalJson({...kept, ...extra}))
    .digest('hex')
}
