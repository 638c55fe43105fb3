import {describe, expect, it} from 'vitest'
import {camelCaseKeys, jsonOutput, snakeCaseKey, snakeCaseKeys} from './json-keys.js'

describe('JSON keys', () => {
  it('turns camelCase fields into snake_case and back', () => {
    const value = {formatVersion: 2, shiftPreviews: [{timeZone: 'UTC', nowBefore: null, window: {start: 'a'}}], turnSeconds: 3600}
    const snake = snakeCaseKeys(value)
    expect(snake).toEqual({format_version: 2, shift_previews: [{time_zone: 'UTC', now_before: null, window: {start: 'a'}}], turn_seconds: 3600})
    expect(camelCaseKeys(snake)).toEqual(value)
  })

  it('leaves keys that are data alone: emails, `type:key` fingerprints, and the children of names/live', () => {
    const value = {names: {'a.b@x.io': 'A', bob_smith: 'B'}, live: {'team:id_platform': 'f', plain_key: 'g'}, 'x-y': 1}
    expect(snakeCaseKeys(value)).toEqual(value)
    expect(camelCaseKeys(value)).toEqual(value)
  })

  it('keeps values (including strings that look like identifiers) and key order', () => {
    expect(Object.keys(snakeCaseKeys({zKey: 1, aKey: 'someValue'}) as object)).toEqual(['z_key', 'a_key'])
    expect(snakeCaseKey('already_snake')).toBe('already_snake')
    expect(jsonOutput({onCall: undefined, atLocal: 'someValue'})).toBe('{\n  "at_local": "someValue"\n}\n')
  })
})
