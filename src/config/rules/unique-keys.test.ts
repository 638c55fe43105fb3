import {describe, expect, it} from 'vitest'
import {checkSources} from '../load-config.js'
import {baseConfig, codes, runRule} from '../../../test/validate/rule-kit.js'
import {uniqueKeys} from './unique-keys.js'

describe('uniqueKeys', () => {
  it('accepts the base config', () => {
    expect(runRule(uniqueKeys, baseConfig())).toEqual([])
  })
  it('reports a user declared twice, ignoring case', () => {
    const c = baseConfig()
    c.users = [...(c.users ?? []), {email: 'AIKO@example.com', name: 'Aiko again'}]
    const [d] = runRule(uniqueKeys, c)
    expect(d).toMatchObject({code: 'duplicate-user', path: 'users[1].email', hint: 'first declared as users[0]'})
  })
  it('reports a member listed twice in a team', () => {
    const c = baseConfig()
    c.teams.app?.members?.push({user: 'ken@example.com', role: 'manager'})
    expect(codes(runRule(uniqueKeys, c))).toEqual(['duplicate-member'])
  })
  it('reports a key defined in two files, naming both places', () => {
    const a = 'version: 1\nowner: t\nteams:\n  app: {}\n'
    const b = '# other file\nteams:\n  app:\n    name: Again\n'
    const {diagnostics} = checkSources(
      [
        {file: 'a.yaml', text: a},
        {file: 'b.yaml', text: b},
      ],
      {rules: [uniqueKeys]},
    )
    expect(diagnostics).toEqual([
      {
        severity: 'error',
        code: 'duplicate-key',
        message: 'team `app` is defined twice: first at a.yaml:4:3',
        file: 'b.yaml',
        line: 3,
        col: 3,
        path: 'teams.app',
      },
    ])
  })
})
