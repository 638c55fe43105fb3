/**
 * Every JSON document oncall prints or saves (plan --format json, plan files, validate --format
 * json, who --format json, apply --json) uses snake_case keys, like the config language. The
 * TypeScript values behind them keep camelCase fields; the keys are converted here, once, at the
 * serialisation boundary, so a field added anywhere in the model comes out snake_case without
 * further work.
 *
 * Only identifier-like keys are converted (`timeZone` ↔ `time_zone`). Keys that are data, such as
 * `schedule:consumer-app` fingerprints or emails, never look like identifiers (they hold `:`,
 * `@`, `-` or `.`); the children of `verbatim` keys are left alone in any case.
 */

/** Parent keys whose objects are keyed by data (fingerprints by `type:key`, display names by email). */
const VERBATIM_CHILDREN = new Set(['live', 'names'])

const CAMEL_IDENTIFIER = /^[a-z][a-zA-Z0-9]*$/
const SNAKE_IDENTIFIER = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/

export function snakeCaseKey(key: string): string {
  return CAMEL_IDENTIFIER.test(key) ? key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`) : key
}

export function camelCaseKey(key: string): string {
  return SNAKE_IDENTIFIER.test(key) ? key.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase()) : key
}

/** A copy of `value` (plain JSON data) with every object key in snake_case; order is kept. */
export function snakeCaseKeys(value: unknown): unknown {
  return convertKeys(value, snakeCaseKey)
}

/** The reverse, for reading documents oncall wrote (plan files) back into TypeScript values. */
export function camelCaseKeys(value: unknown): unknown {
  return convertKeys(value, camelCaseKey)
}

/** JSON text for people and scripts: snake_case keys, two-space indent, a final newline. */
export function jsonOutput(value: unknown): string {
  return JSON.stringify(snakeCaseKeys(JSON.parse(JSON.stringify(value ?? null))), null, 2) + '\n'
}

function convertKeys(value: unknown, convert: (key: string) => string, verbatim = false): unknown {
  if (Array.isArray(value)) return value.map((v) => convertKeys(v, convert))
  if (value === null || typeof value !== 'object') return value
  const out: Record<string, unknown> = {}
  for (const [key, v] of Object.entries(value)) {
    out[verbatim ? key : convert(key)] = convertKeys(v, convert, !verbatim && VERBATIM_CHILDREN.has(key))
  }
  return out
}
