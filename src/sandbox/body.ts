import {invalidInput} from './errors.js'

/** Helpers to read a wrapped request body ({"schedule":{...}}) after spec validation. */
export type Obj = Record<string, unknown>

export function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

export function unwrap(body: unknown, key: string): Obj {
  const inner = isObj(body) ? body[key] : undefined
  if (!isObj(inner)) throw invalidInput(`${key} must be an object`)
  return inner
}

export function has(obj: Obj, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(obj, key)
}

export function optString(obj: Obj, key: string, fallback: string | null): string | null {
  if (!has(obj, key)) return fallback
  const v = obj[key]
  if (v === null) return null
  if (typeof v !== 'string') throw invalidInput(`${key} must be a string`)
  return v
}

export function reqString(obj: Obj, key: string, fallback?: string): string {
  const v = optString(obj, key, fallback ?? null)
  if (v === null || v.trim() === '') throw invalidInput(`${key} can't be blank`)
  return v
}

/** Reference ids from an array of {id,type} objects (readOnly extras ignored, as PD does). */
export function refIds(v: unknown, what: string): string[] {
  if (v === null || v === undefined) return []
  if (!Array.isArray(v)) throw invalidInput(`${what} must be an array`)
  return v.map((x) => {
    if (!isObj(x) || typeof x.id !== 'string') throw invalidInput(`${what} entries need an id`)
    return x.id
  })
}
