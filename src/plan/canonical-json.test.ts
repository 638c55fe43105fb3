import {describe, expect, it} from 'vitest'
import {canonicalJson, fingerprintOf} from './canonical-json.js'

describe('canonical JSON', () => {
  it('sorts object keys at every depth and drops undefined properties', () => {
    expect(canonicalJson({b: 1, a: {d: [{z: 1, y: 2}], c: undefined}})).toBe('{"a":{"d":[{"y":2,"z":1}]},"b":1}')
  })

  it('turns maps into sorted pairs and sets into sorted arrays, whatever the insertion order', () => {
    const one = {m: new Map([['b', 2], ['a', 1]]), s: new Set(['y', 'x'])}
    const two = {s: new Set(['x', 'y']), m: new Map([['a', 1], ['b', 2]])}
    expect(canonicalJson(one)).toBe('{"m":[["a",1],["b",2]],"s":["x","y"]}')
    expect(fingerprintOf(two)).toBe(fingerprintOf(one))
  })

  it('keeps array order (it can carry meaning)', () => {
    expect(fingerprintOf([1, 2])).not.toBe(fingerprintOf([2, 1]))
  })
})
