import {describe, expect, it} from 'vitest'
import {baseConfig, codes, runRule} from '../../../test/validate/rule-kit.js'
import {referencesExist} from './references-exist.js'

describe('referencesExist', () => {
  it('accepts resolvable references and undeclared users', () => {
    const c = baseConfig()
    c.escalation_policies.app?.rules[0]?.targets.push({user: 'nobody-declared@example.com'})
    expect(runRule(referencesExist, c)).toEqual([])
  })
  it('reports an unknown schedule target with the nearest key', () => {
    const c = baseConfig()
    c.escalation_policies.app!.rules[0]!.targets = [{schedule: 'primery'}]
    const [d] = runRule(referencesExist, c)
    expect(d).toMatchObject({
      code: 'unknown-reference',
      message: 'unknown schedule `primery`',
      path: 'escalation_policies.app.rules[0].targets[0].schedule',
      hint: 'did you mean `primary`?',
    })
  })
  it('reports unknown teams and policies everywhere', () => {
    const c = baseConfig()
    c.schedules.primary!.teams = ['nope']
    c.escalation_policies.app!.team = 'nope'
    c.services.api = {escalation_policy: 'zzz', team: 'nope'}
    const d = runRule(referencesExist, c)
    expect(codes(d)).toEqual(['unknown-reference', 'unknown-reference', 'unknown-reference', 'unknown-reference'])
    expect(d.map((x) => x.path).sort()).toEqual([
      'escalation_policies.app.team',
      'schedules.primary.teams[0]',
      'services.api.escalation_policy',
      'services.api.team',
    ])
    expect(d.find((x) => x.path === 'services.api.escalation_policy')?.hint).toBe('known: app')
  })
})
