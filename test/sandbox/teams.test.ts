import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {createPolicy, createSchedule, createUser, layer, startClient, type Client} from './helpers.js'

let c: Client
let aiko: string
let ken: string
let teamId: string
beforeEach(async () => {
  c = await startClient()
  aiko = await createUser(c, 'Aiko', 'aiko@example.com')
  ken = await createUser(c, 'Ken', 'ken@example.com')
  teamId = (await c.post('/teams', {team: {type: 'team', name: 'Consumer App', description: 'Mobile'}})).body.team.id
})
afterEach(async () => {
  await c.sandbox.stop()
})

describe('teams and membership', () => {
  it('adds members with roles (204, idempotent) and lists them with include[]=users', async () => {
    const put = await c.put(`/teams/${teamId}/users/${aiko}`, {role: 'manager'})
    expect(put.status).toBe(204)
    expect(put.body).toBeNull()
    await c.put(`/teams/${teamId}/users/${ken}`, {role: 'observer'})
    await c.put(`/teams/${teamId}/users/${ken}`, {role: 'responder'})
    const members = (await c.get(`/teams/${teamId}/members`)).body
    expect(members.members.map((m: any) => [m.user.id, m.user.type, m.role])).toEqual([
      [aiko, 'user_reference', 'manager'],
      [ken, 'user_reference', 'responder'],
    ])
    const full = (await c.get(`/teams/${teamId}/members?include[]=users`)).body
    expect(full.members[0].user).toMatchObject({type: 'user', email: 'aiko@example.com'})
  })

  it('rejects an unknown role through spec validation', async () => {
    const r = await c.put(`/teams/${teamId}/users/${aiko}`, {role: 'owner'})
    expect(r.status).toBe(400)
    expect(r.body.error.code).toBe(2001)
  })

  it('removes members (204) and shows teams on users with include[]=teams', async () => {
    await c.put(`/teams/${teamId}/users/${aiko}`, {role: 'responder'})
    const users = (await c.get('/users?include[]=teams')).body.users
    expect(users.find((u: any) => u.id === aiko).teams[0]).toMatchObject({id: teamId, type: 'team', name: 'Consumer App'})
    expect((await c.get(`/users?team_ids[]=${teamId}`)).body.users.map((u: any) => u.id)).toEqual([aiko])
    expect((await c.del(`/teams/${teamId}/users/${aiko}`)).status).toBe(204)
    expect((await c.get(`/teams/${teamId}/members`)).body.members).toEqual([])
  })

  it('refuses to remove a member an escalation policy of the team reaches', async () => {
    await c.put(`/teams/${teamId}/users/${aiko}`, {role: 'responder'})
    await createPolicy(c, 'EP', [{id: aiko, type: 'user_reference'}], {teams: [{id: teamId, type: 'team_reference'}]})
    const r = await c.del(`/teams/${teamId}/users/${aiko}`)
    expect(r.status).toBe(400)
    expect(r.body.error.errors).toEqual(['User cannot be removed as they belong to an escalation policy on this team'])
  })

  it('refuses to delete a team with associations unless reassigned', async () => {
    await createSchedule(c, 'S', [layer([aiko])], {teams: [{id: teamId, type: 'team_reference'}]})
    const r = await c.del(`/teams/${teamId}`)
    expect(r.status).toBe(400)
    expect(r.body.error).toMatchObject({code: 6006, message: 'Team has existing associations'})
    const other = (await c.post('/teams', {team: {type: 'team', name: 'Other'}})).body.team.id
    expect((await c.del(`/teams/${teamId}?reassignment_team=${other}`)).status).toBe(204)
    expect((await c.get('/schedules')).body.schedules[0].teams[0].id).toBe(other)
  })

  it('updates a team partially and rejects duplicate names case-insensitively', async () => {
    const r = await c.put(`/teams/${teamId}`, {team: {description: 'Mobile and BFF'}})
    expect(r.body.team).toMatchObject({name: 'Consumer App', description: 'Mobile and BFF'})
    const dup = await c.post('/teams', {team: {type: 'team', name: 'consumer app'}})
    expect(dup.status).toBe(400)
    expect(dup.body.error.errors).toEqual(['Name has already been taken'])
  })

  it('associates escalation policies with a team via PUT /teams/{id}/escalation_policies/{id}', async () => {
    const p = await createPolicy(c, 'EP', [{id: aiko, type: 'user_reference'}])
    expect((await c.put(`/teams/${teamId}/escalation_policies/${p.id}`, undefined)).status).toBe(204)
    expect((await c.get(`/escalation_policies/${p.id}`)).body.escalation_policy.teams[0].id).toBe(teamId)
    expect((await c.del(`/teams/${teamId}/escalation_policies/${p.id}`)).status).toBe(204)
    expect((await c.get(`/escalation_policies/${p.id}`)).body.escalation_policy.teams).toEqual([])
  })

  it('refuses to delete a user who is on a schedule or targeted by a policy', async () => {
    await createSchedule(c, 'S', [layer([aiko])])
    const r = await c.del(`/users/${aiko}`)
    expect(r.status).toBe(400)
    expect(r.body.error.code).toBe(2001)
    await createPolicy(c, 'EP', [{id: ken, type: 'user_reference'}])
    expect((await c.del(`/users/${ken}`)).status).toBe(400)
  })
})
