/**
 * Query strings the way PagerDuty expects them: set filters and includes repeat their key,
 * which already ends in `[]` (`include[]=a&include[]=b`, DevDocs "Filtering"). Keys keep their
 * brackets unescaped so that logged paths read like the documentation; values are escaped.
 * Order follows the caller's object, so the same call always yields the same URL.
 */
export type QueryValue = string | number | boolean | readonly string[] | undefined
export type QueryParams = Readonly<Record<string, QueryValue>>

export function pathWithQuery(path: string, params: QueryParams | undefined): string {
  const parts: string[] = []
  for (const [key, value] of Object.entries(params ?? {})) {
    if (value === undefined) continue
    const values = Array.isArray(value) ? (value as readonly string[]) : [String(value)]
    for (const v of values) parts.push(`${encodeKey(key)}=${encodeURIComponent(v)}`)
  }
  return parts.length === 0 ? path : `${path}${path.includes('?') ? '&' : '?'}${parts.join('&')}`
}

function encodeKey(key: string): string {
  return encodeURIComponent(key).replaceAll('%5B', '[').replaceAll('%5D', ']')
}
