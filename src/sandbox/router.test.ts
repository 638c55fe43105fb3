import {describe, expect, it} from 'vitest'
import {findRoute, matchTemplate, type Route} from './router.js'

describe('router', () => {
  it('matches spec templates and decodes parameters', () => {
    expect(matchTemplate('/teams/{id}/users/{user_id}', '/teams/PT1/users/PU%201')).toEqual({id: 'PT1', user_id: 'PU 1'})
    expect(matchTemplate('/teams/{id}', '/teams/')).toBeUndefined()
    expect(matchTemplate('/teams/{id}', '/teams/a/b')).toBeUndefined()
  })

  it('prefers literal segments (/users/me over /users/{id}) and respects the method', () => {
    const h = () => ({status: 200})
    const routes: Route[] = [
      {method: 'GET', template: '/users/{id}', handler: h},
      {method: 'GET', template: '/users/me', handler: h},
    ]
    expect(findRoute(routes, 'GET', '/users/me')?.route.template).toBe('/users/me')
    expect(findRoute(routes, 'GET', '/users/PABC123')?.params).toEqual({id: 'PABC123'})
    expect(findRoute(routes, 'DELETE', '/users/me')).toBeUndefined()
  })
})
