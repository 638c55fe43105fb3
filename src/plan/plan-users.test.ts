import {describe, expect, it} from 'vitest'
import {aDesiredState, aLiveResource, aLiveState, aUser} from '../../test/builders.js'
import {makePlan} from './make-plan.js'
import {renderJson} from './render/json.js'
import {renderText} from './render/text.js'
import {planSchemaErrors} from './plan-schema.js'

describe('declared users owned by another config', () => {
  const mine = aUser({email: 'mei@example.com', name: 'Mei Suzuki', role: 'user'})

  it('is a conflict naming that owner when this config would change the user', () => {
    const live = aLiveState({users: [aLiveResource({...mine, role: 'limited_user' as const}, {owner: 'starter'})]})
    const plan = makePlan(aDesiredState({owner: 'follow-the-sun', users: [mine]}), live, {adopt: false})
    expect(plan.changes).toEqual([])
    expect(plan.conflicts).toEqual([expect.objectContaining({type: 'user', key: 'mei@example.com', owner: 'starter'})])
    expect(renderText(plan, {color: false})).toMatch(/Conflicts[^\n]*\n.*mei@example.com.*starter/)
    expect(planSchemaErrors(JSON.parse(renderJson(plan)))).toEqual([])
  })

  it('is no conflict when the user already matches, and an update when unmarked or ours', () => {
    const same = aLiveState({users: [aLiveResource(mine, {owner: 'starter'})]})
    expect(makePlan(aDesiredState({owner: 'fts', users: [mine]}), same, {adopt: false}).conflicts).toEqual([])
    for (const owner of [null, 'fts']) {
      const live = aLiveState({users: [aLiveResource({...mine, role: 'limited_user' as const}, {owner})]})
      const plan = makePlan(aDesiredState({owner: 'fts', users: [mine]}), live, {adopt: false})
      expect(plan.conflicts).toEqual([])
      expect(plan.changes.map((c) => `${c.kind} ${c.key}`)).toEqual(['update mei@example.com'])
    }
  })
})
