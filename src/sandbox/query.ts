import {invalidInput} from './errors.js'

/** Values of a set parameter; PD repeats `name[]` (DevDocs 07-Filtering). Plain `name` is accepted too. */
export function listParam(query: URLSearchParams, name: string): string[] {
  return [...query.getAll(`${name}[]`), ...query.getAll(name)].flatMap((v) => v.split(',')).filter((v) => v !== '')
}

export function includes(query: URLSearchParams, value: string): boolean {
  return listParam(query, 'include').includes(value)
}

/** PD booleans in query strings accept true/false/1/0 (DevDocs 06-Types). */
export function boolParam(query: URLSearchParams, name: string): boolean {
  const v = query.get(name)
  return v === 'true' || v === '1'
}

/** Case-insensitive substring match used by every `query` filter. */
export function matchesQuery(query: URLSearchParams, ...fields: (string | null | undefined)[]): boolean {
  const q = query.get('query')
  if (q === null || q === '') return true
  const needle = q.toLowerCase()
  return fields.some((f) => f !== null && f !== undefined && f.toLowerCase().includes(needle))
}

export function intParam(query: URLSearchParams, name: string): number | undefined {
  const v = query.get(name)
  if (v === null || v === '') return undefined
  if (!/^-?\d+$/.test(v)) throw invalidInput(`${name} must be an integer`)
  return Number(v)
}
