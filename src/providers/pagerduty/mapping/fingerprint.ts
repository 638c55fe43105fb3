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

/**
 * JSON with object keys sorted at every depth (volatile keys and undefined values left out): equal
 * values give equal text. Written out directly rather than by building sorted copies for
 * JSON.stringify: a whole-org plan fingerprints every live object, and the copies were most of
 * that cost (issue 14). The text is the same as `JSON.stringify` of such copies would give,
 * including its placing of integer-like keys first, in numeric order (fingerprint.test.ts).
 */
export function canonicalJson(value: unknown): string {
  return json(value) as string
}

/** JSON text of `value`, or undefined where JSON.stringify leaves a value out (undefined, functions, symbols). */
function json(value: unknown): string | undefined {
  if (value === null) return 'null'
  if (typeof value !== 'object') return typeof value === 'function' || typeof value === 'symbol' ? undefined : JSON.stringify(value)
  if (Array.isArray(value)) {
    let out = '['
    for (let i = 0; i < value.length; i++) out += (i > 0 ? ',' : '') + (json(value[i]) ?? 'null')
    return out + ']'
  }
  const record = value as Record<string, unknown>
  let out = '{'
  let first = true
  for (const key of sortedKeys(record)) {
    const text = json(record[key])
    if (text === undefined) continue
    out += (first ? '' : ',') + JSON.stringify(key) + ':' + text
    first = false
  }
  return out + '}'
}

/** Array-index-like keys ("0", "12"): JavaScript objects list them first, in numeric order. */
const INDEX_KEY = /^(?:0|[1-9]\d{0,9})$/

function sortedKeys(record: Record<string, unknown>): string[] {
  const names: string[] = []
  const indexes: string[] = []
  for (const key of Object.keys(record)) {
    if (VOLATILE_EVERYWHERE.has(key)) continue
    if (INDEX_KEY.test(key) && Number(key) < 4_294_967_295) indexes.push(key)
    else names.push(key)
  }
  names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
  return indexes.length === 0 ? names : [...indexes.sort((a, b) => Number(a) - Number(b)), ...names]
}

/** sha256 (hex) of the canonical JSON of a raw object, minus its volatile fields. `extra` joins it (team members). */
export function fingerprintRaw(type: FingerprintedType, raw: object, extra?: Record<string, unknown>): string {
  const dropped = new Set<string>(VOLATILE_TOP_LEVEL[type])
  const kept = Object.fromEntries(Object.entries(raw).filter(([k]) => !dropped.has(k)))
  return createHash('sha256')
    .update(canonicalJson({...kept, ...extra}))
    .digest('hex')
}
