import {describe, expect, it} from 'vitest'
import {baseConfig, runRule} from '../../../test/validate/rule-kit.js'
import {undeclaredEmails} from './undeclared-emails.js'

describe('undeclaredEmails', () => {
  it('warns at the misspelt email, with a did-you-mean, when it is close to a declared one', () => {
    const c = baseConfig()
    c.schedules.primary!.layers![0]!.users = ['aiko@example.com', 'aiko@exmaple.com']
    const d = runRule(undeclaredEmails, c)
    expect(d).toEqual([
      expect.objectContaining({
        severity: 'warning',
        code: 'undeclared-user',
        path: 'schedules.primary.layers[0].users[1]',
        hint: 'did you mean `aiko@example.com`?',
        file: 'oncall.yaml',
        line: expect.any(Number),
        col: expect.any(Number),
      }),
    ])
  })

  it('says nothing about undeclared emails unlike any declared one (other people in the account)', () => {
    const c = baseConfig()
    c.escalation_policies.app!.rules[0]!.targets.push({user: 'mei.sato@example.com'})
    c.teams.app!.members!.push({user: 'AIKO@example.com'})
    expect(runRule(undeclaredEmails, c)).toEqual([])
  })
})
