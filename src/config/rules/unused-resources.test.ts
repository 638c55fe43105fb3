import {describe, expect, it} from 'vitest'
import {baseConfig, runRule} from '../../../test/validate/rule-kit.js'
import {unusedResources} from './unused-resources.js'

describe('unusedResources', () => {
  it('is silent when everything is used', () => {
    expect(runRule(unusedResources, baseConfig())).toEqual([])
  })
  it('warns about an untargeted schedule and an unused policy', () => {
    const c = baseConfig()
    c.schedules.spare = structuredClone(c.schedules.primary!)
    c.escalation_policies.idle = {rules: [{delay: '5m', targets: [{user: 'aiko@example.com'}]}]}
    const d = runRule(unusedResources, c)
    expect(d.map((x) => [x.severity, x.code, x.path])).toEqual([
      ['warning', 'unused-schedule', 'schedules.spare'],
      ['warning', 'unused-escalation-policy', 'escalation_policies.idle'],
    ])
  })
})
