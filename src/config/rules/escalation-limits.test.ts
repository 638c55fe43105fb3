import {describe, expect, it} from 'vitest'
import {baseConfig, codes, runRule} from '../../../test/validate/rule-kit.js'
import {escalationLimits} from './escalation-limits.js'

describe('escalationLimits', () => {
  it('accepts the limits themselves', () => {
    const c = baseConfig()
    const targets = Array.from({length: 10}, (_, i) => ({user: `u${i}@example.com`}))
    c.escalation_policies.app = {repeat: 9, rules: Array.from({length: 20}, () => ({delay: '1m', targets}))}
    expect(runRule(escalationLimits, c)).toEqual([])
  })
  it('reports one over each limit', () => {
    const c = baseConfig()
    const targets = Array.from({length: 11}, (_, i) => ({user: `u${i}@example.com`}))
    c.escalation_policies.app = {repeat: 10, rules: [{delay: '0m', targets}, ...Array.from({length: 20}, () => ({delay: '5m', targets: [{schedule: 'primary'}]}))]}
    expect(codes(runRule(escalationLimits, c)).sort()).toEqual(['delay-too-short', 'repeat-out-of-range', 'too-many-rules', 'too-many-targets'])
  })
  it('reports empty rules and targets, and a negative repeat', () => {
    const c = baseConfig()
    c.escalation_policies.app = {repeat: -1, rules: []}
    c.escalation_policies.other = {rules: [{delay: '5m', targets: []}]}
    expect(codes(runRule(escalationLimits, c)).sort()).toEqual(['no-rules', 'no-targets', 'repeat-out-of-range'])
  })
})
