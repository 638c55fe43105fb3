import {describe, expect, it} from 'vitest'
import {baseConfig, codes, runRule} from '../../../test/validate/rule-kit.js'
import {uniqueNames} from './unique-names.js'

describe('uniqueNames', () => {
  it('accepts distinct names', () => {
    expect(runRule(uniqueNames, baseConfig())).toEqual([])
  })
  it('reports two teams with the same name ignoring case', () => {
    const c = baseConfig()
    c.teams.web = {name: 'APP'}
    const d = runRule(uniqueNames, c)
    expect(codes(d)).toEqual(['duplicate-name'])
    expect(d[0]?.path).toBe('teams.web.name')
  })
  it('counts a defaulted name (the key) too', () => {
    const c = baseConfig()
    c.schedules.secondary = {...structuredClone(c.schedules.primary!), name: 'primary'}
    expect(codes(runRule(uniqueNames, c))).toEqual(['duplicate-name'])
  })
})
