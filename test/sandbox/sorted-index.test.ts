/** The list endpoints' indexes (issue 14) follow every kind of write. */
import {describe, expect, it} from 'vitest'
import type {SandboxContext} from '../../src/sandbox/context.js'
import {byName, recordById, teamsOfUser} from '../../src/sandbox/lookup.js'
import type {MemberRec} from '../../src/sandbox/state.js'

const names = (items: readonly {name: string}[]) => items.map((x) => x.name)

describe('byName', () => {
  it('reuses the order while nothing changed and re-sorts after a push, a rename, a replacement or a removal', () => {
    const items = [
      {id: 'P2', name: 'beta'},
      {id: 'P1', name: 'Alpha'},
    ]
    expect(names(byName(items))).toEqual(['Alpha', 'beta'])
    const again = byName(items)
    again.reverse() // callers may reorder their copy
    expect(names(byName(items))).toEqual(['Alpha', 'beta'])
    items.push({id: 'P3', name: 'aardvark'})
    expect(names(byName(items))).toEqual(['aardvark', 'Alpha', 'beta'])
    ;(items[2] as {name: string}).name = 'zebra'
    expect(names(byName(items))).toEqual(['Alpha', 'beta', 'zebra'])
    items[0] = {id: 'P4', name: 'gamma'}
    expect(names(byName(items))).toEqual(['Alpha', 'gamma', 'zebra'])
    expect(names(byName(items.filter((x) => x.id !== 'P1')))).toEqual(['gamma', 'zebra'])
  })
})

describe('recordById and teamsOfUser (issue 14: indexes instead of scans per user)', () => {
  it('follow pushes, in-place replacements and replaced collections', () => {
    const users = [
      {id: 'U1', name: 'a'},
      {id: 'U2', name: 'b'},
    ]
    expect(recordById(users, 'U2')?.name).toBe('b')
    users.push({id: 'U3', name: 'c'})
    expect(recordById(users, 'U3')?.name).toBe('c')
    users[0] = {id: 'U9', name: 'z'}
    expect(recordById(users, 'U1')).toBeUndefined()
    expect(recordById(users, 'U9')?.name).toBe('z')
    expect(recordById(users.filter((u) => u.id !== 'U2'), 'U2')).toBeUndefined()
  })

  it("give a user's teams in the account's team order after memberships and teams change", () => {
    const state = {
      teams: [
        {id: 'T2', name: 'two', description: null, default_role: 'manager'},
        {id: 'T1', name: 'one', description: null, default_role: 'manager'},
      ],
      members: [
        {team: 'T1', user: 'U1', role: 'responder'} as MemberRec,
        {team: 'T2', user: 'U2', role: 'responder'} as MemberRec,
      ],
    }
    const ctx = {state} as unknown as SandboxContext
    const teamsOf = (user: string) => teamsOfUser(ctx, user).map((t) => t.id)
    expect(teamsOf('U1')).toEqual(['T1'])
    state.members.push({team: 'T2', user: 'U1', role: 'manager'})
    expect(teamsOf('U1')).toEqual(['T2', 'T1'])
    state.members = state.members.filter((m) => m.team !== 'T2')
    expect(teamsOf('U1')).toEqual(['T1'])
    expect(teamsOf('U2')).toEqual([])
    state.teams = state.teams.filter((t) => t.id !== 'T1')
    expect(teamsOf('U1')).toEqual([])
  })
})
