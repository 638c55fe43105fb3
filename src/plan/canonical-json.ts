import {createHash} from 'node:crypto'

/**
 * JSON with a stable shape, so that equal values always give byte-identical text (fingerprints,
 * `--format json`, plan files). Object keys are sorted; Maps become arrays of [key, value] pairs
 * sorted by key; Sets become sorted arrays; `undefined` properties are dropped as JSON.stringify does.
 */
export function canonicalize(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value
  if (Array.isArray(value)) return value.map((v) => (v === undefined ? null : canonicalize(v)))
  if (value instanceof Map) {
    return [...value.entries()]
      .map(([k, v]) => [String(k), canonicalize(v)] as const)
      .sort(([a], [b]) => compareStrings(a, b))
  }
  if (value instanceof Set) {
    return [...value].map((v) => canonicalize(v)).sort((a, b) => compareStrings(JSON.stringify(a), JSON.stringify(b)))
  }
  const out: Record<string, unknown> = {}
  for (const key of Object.keys(value).sort(compareStrings)) {
    const v = (value as Record<string, unknown>)[key]
    if (v !== undefined) out[key] = canonicalize(v)
  }
  return out
}

/** Canonical JSON text; `indent` only for output meant to be read by people. */
export function canonicalJson(value: unknown, indent?: number): string {
  return JSON.stringify(canonicalize(value), null, indent)
}

/** sha256 (hex) of the canonical JSON of `value`. */
export function fingerprintOf(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex')
}

/** Code-unit order, independent of the machine's locale (localeCompare is not). */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
