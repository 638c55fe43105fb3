import {describe, expect, it} from 'vitest'
import {aDesiredState, aLiveResource, aLiveState, aService, aSmallPlan, aTeam} from '../../../test/builders.js'
import {makePlan} from '../make-plan.js'
import {renderText} from './text.js'

describe('renderText', () => {
  it('prints resources, fields and the summary like Terraform', () => {
    expect(renderText(aSmallPlan().plan, {color: false})).toBe(
      [
        '+ team app',
        '    + name: "App"',
        '    + members: [a@x.io (manager)]',
        '~ schedule primary',
        '    ~ layers[0].users: [a@x.io, b@x.io] → [b@x.io, a@x.io]',
        '- team old',
        '',
        'Plan: 1 to add, 1 to change, 1 to destroy.',
        '',
        'API requests: 12',
        '',
      ].join('\n'),
    )
  })

  it('says so when nothing changes', () => {
    const plan = makePlan(aDesiredState(), aLiveState({requestCount: 3}), {adopt: false})
    expect(renderText(plan, {color: false})).toBe('No changes. The account matches the configuration.\n\nAPI requests: 3\n')
  })

  it('colours signs and headings only when asked', () => {
    const {plan} = aSmallPlan()
    const coloured = renderText(plan, {color: true})
    expect(coloured).toContain('\u001b[32m+ team app\u001b[0m')
    expect(coloured).toContain('\u001b[33m~ schedule primary\u001b[0m')
    expect(coloured).toContain('\u001b[31m- team old\u001b[0m')
    expect(coloured.replace(/\u001b\[\d+m/g, '')).toBe(renderText(plan, {color: false}))
    expect(renderText(plan, {color: false})).not.toContain('\u001b')
  })

  it('lists unmanaged objects, conflicts, errors, warnings and safety refusals', () => {
    const live = aLiveState({
      services: [aLiveResource(aService({key: 'x', name: 'Consumer Api'}), {owner: null, id: 'PV9'})],
      teams: [aLiveResource(aTeam({key: 'y', name: 'App'}), {owner: 'payments', id: 'PT7'}), aLiveResource(aTeam({key: 'gone'}), {id: 'PT8'})],
    })
    const desired = aDesiredState({services: [aService()], teams: [aTeam({key: 'app', name: 'App'})], referencedUsers: ['nobody@x.io']})
    const plan = makePlan(desired, live, {adopt: false})
    const text = renderText(plan, {
      color: false,
      violations: [{code: 'DESTROY_NOT_ALLOWED', message: 'the plan deletes 1 object (team gone); re-run with --allow-destroy to allow deletes', requires: 'allow-destroy'}],
    })
    expect(text).toBe(
      [
        '- team gone',
        '',
        'Plan: 0 to add, 0 to change, 1 to destroy.',
        '',
        'Unmanaged (exist in the account without an ownership marker):',
        '  ! service consumer-api: "Consumer Api" (PV9) exists, unmanaged (no ownership marker); not created. Run with --adopt to take it over.',
        '',
        'Conflicts (owned by another config; the plan cannot be applied):',
        '  ✗ team app: "App" (PT7) is owned by config "payments"; rename it in this config or settle ownership with "payments".',
        '',
        'Errors:',
        '  ✗ user nobody@x.io is referenced by the config but does not exist in the account (fix the email, or declare it under users: to create it)',
        '',
        'Refused by safety checks:',
        '  ✗ the plan deletes 1 object (team gone); re-run with --allow-destroy to allow deletes',
        '',
        'API requests: 0',
        '',
      ].join('\n'),
    )
  })

  it('shows adoptions and a line diff for multi-line descriptions', () => {
    const live = aLiveState({teams: [aLiveResource(aTeam({description: 'one\ntwo\nthree'}), {owner: null, id: 'PT1'})]})
    const plan = makePlan(aDesiredState({teams: [aTeam({description: 'one\n2\nthree'})]}), live, {adopt: true})
    expect(renderText(plan, {color: false})).toContain(
      [
        '~ team consumer-app (adopt "Consumer App" PT1: add the ownership marker)',
        '    ~ description:',
        '          one',
        '        - two',
        '        + 2',
        '          three',
      ].join('\n'),
    )
  })
})
