/**
 * What the sandbox records of each PagerDuty request (admin endpoints excluded), for tests and for
 * the spec contract check. The Authorization header is never stored, only whether it was present.
 */
export interface LoggedRequest {
  seq: number
  method: string
  path: string
  /** Query parameters; repeated names (include[]) become arrays. */
  query: Record<string, string | string[]>
  /** Lower-cased header names, Authorization removed. */
  headers: Record<string, string>
  hasAuthorization: boolean
  /** Parsed JSON body, the raw text if it was not JSON, or null when empty. */
  body: unknown
  /** Response status; null when the socket was dropped on purpose (drop-after-write fault). */
  status: number | null
  dropped: boolean
}

export function queryRecord(query: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {}
  for (const key of new Set(query.keys())) {
    const values = query.getAll(key)
    out[key] = values.length === 1 && !key.endsWith('[]') ? (values[0] as string) : values
  }
  return out
}

export function recordHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(headers)) {
    if (k.toLowerCase() === 'authorization' || v === undefined) continue
    out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v
  }
  return out
}
