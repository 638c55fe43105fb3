import {describe, expect, it} from 'vitest'
import type {Team} from '../../model/team.js'
import type {LiveResource, LiveState} from '../../plan/live-state.js'
import type {RawAccount} from './dto.js'
import {IdIndex, liveLayerRefs} from './id-index.js'

const team = (id: string, key: string, owner: string | null): LiveResource<Team> => ({
  id,
  owner,
  value: {key, name: key, description: '', members: []},
  fingerprint: 'f',
})

const live: LiveState = {
  users: new Map([['aiko@example.com', {id: 'PU1', owner: null, value: {email: 'aiko@example.com', name: 'A', timeZone: null, role: null}, fingerprint: 'f'}]]),
  teams: [team('PT1', 'app', null), team('PT2', 'app', 'me'), team('PT3', 'ops', 'other'), team('PT4', 'web', null)],
  schedules: [],
  escalationPolicies: [],
  services: [],
  requestCount: 0,
}

describe('IdIndex', () => {
  const ids = IdIndex.fromLive(live, 'me')

  it('prefers the object this owner marked over an unmarked one with the same key', () => {
    expect(ids.id('team', 'app')).toBe('PT2')
    expect(ids.id('team', 'web')).toBe('PT4')
  })

  it('never resolves an object marked by another owner', () => {
    expect(ids.id('team', 'ops')).toBeUndefined()
    expect(() => ids.requireId('team', 'ops')).toThrow('team "ops" not found in PagerDuty (or owned by another config)')
  })

  it('resolves users by email, case-insensitively', () => {
    expect(ids.requireId('user', 'Aiko@Example.com')).toBe('PU1')
  })

  it('lets IDs recorded by apply win', () => {
    const copy = IdIndex.fromLive(live, 'me')
    copy.record('team', 'app', 'PNEW')
    copy.record('team', 'ops', 'PMINE')
    expect([copy.id('team', 'app'), copy.id('team', 'ops')]).toEqual(['PNEW', 'PMINE'])
  })

  it('knows the live layers in written order, ended ones left out, and says when it has none', () => {
    const layer = (id: string, end: string | null) => ({
      id,
      start: '2026-01-01T00:00:00Z',
      end,
      rotation_virtual_start: '2026-01-01T00:00:00Z',
      rotation_turn_length_seconds: 86400,
      users: [],
    })
    const raw = {
      schedules: [
        {id: 'PS1', type: 'schedule', name: 'S', time_zone: 'Etc/UTC', schedule_layers: [layer('L3', null), layer('L2', '2026-02-01T00:00:00Z'), layer('L1', null)]},
      ],
    } as unknown as RawAccount
    const withLayers = IdIndex.fromLive(live, 'me', liveLayerRefs(raw, new Date('2026-11-24T00:00:00Z')))
    expect(withLayers.liveLayers('PS1')?.map((l) => l.id)).toEqual(['L1', 'L3'])
    expect(withLayers.liveLayers('PS9')).toBeUndefined()
  })
})
