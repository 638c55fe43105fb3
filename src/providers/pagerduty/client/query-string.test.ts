import {describe, expect, it} from 'vitest'
import {pathWithQuery} from './query-string.js'

describe('pathWithQuery', () => {
  it('repeats array keys and keeps brackets readable', () => {
    expect(pathWithQuery('/schedules', {'include[]': ['schedule_layers', 'teams'], limit: 100, total: true})).toBe(
      '/schedules?include[]=schedule_layers&include[]=teams&limit=100&total=true',
    )
  })

  it('escapes values and skips undefined', () => {
    expect(pathWithQuery('/users', {query: 'a b&c@x.io', offset: undefined})).toBe('/users?query=a%20b%26c%40x.io')
  })

  it('leaves a path without params alone and appends to an existing query', () => {
    expect(pathWithQuery('/teams', {})).toBe('/teams')
    expect(pathWithQuery('/teams?x=1', {y: 2})).toBe('/teams?x=1&y=2')
  })
})
