import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {canonicalJson, fingerprintRaw} from './fingerprint.js'

/** The former canonicalJson: sorted copies handed to JSON.stringify. The faster one must give the same bytes (fingerprints in saved plans compare across versions). */
const VOLATILE = new Set(['self', 'html_url', 'summary', 'rendered_schedule_entries', 'rendered_coverage_percentage'])
function sortedCopy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedCopy)
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([k, v]) => v !== undefined && !VOLATILE.has(k))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return Object.fromEntries(entries.map(([k, v]) => [k, sortedCopy(v)]))
  }
  return value
}
const former = (value: unknown) => JSON.stringify(sortedCopy(value))

describe('canonicalJson (fingerprints of raw PagerDuty objects)', () => {
  it('gives the same text as sorted copies through JSON.stringify, for any JSON with undefined values and odd keys', () => {
    const key = fc.oneof(fc.string(), fc.constantFrom('self', 'summary', 'html_url', '0', '1', '10', '9', '01', '4294967294', '4294967295', '-1', '__proto__', 'id', 'type'))
    const value = fc.letrec((tie) => ({
      node: fc.oneof(
        {depthSize: 'small', withCrossShrink: true},
        fc.oneof(fc.string(), fc.double(), fc.integer(), fc.boolean(), fc.constant(null), fc.constant(undefined)),
        fc.array(tie('node'), {maxLength: 4}),
        fc.dictionary(key, tie('node'), {maxKeys: 6}),
      ),
    })).node
    fc.assert(
      fc.property(value, (v) => {
        expect(canonicalJson(v)).toBe(former(v))
      }),
      {numRuns: 2000, seed: 14},
    )
  })

  it('leaves out volatile keys at any depth and sorts keys', () => {
    expect(canonicalJson({b: 1, a: {self: 'x', z: [2, undefined], y: null}, summary: 's', c: undefined})).toBe('{"a":{"y":null,"z":[2,null]},"b":1}')
  })

  it('fingerprints ignore volatile top-level fields and key order', () => {
    const a = fingerprintRaw('service', {id: 'P1', name: 'API', status: 'active', escalation_policy: {id: 'PE', summary: 'old name'}})
    const b = fingerprintRaw('service', {escalation_policy: {summary: 'new name', id: 'PE'}, name: 'API', id: 'P1', status: 'disabled'})
    expect(a).toBe(b)
    expect(fingerprintRaw('service', {id: 'P1', name: 'API 2'})).not.toBe(a)
  })
})
