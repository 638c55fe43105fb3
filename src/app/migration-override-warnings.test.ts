import {describe, expect, it} from 'vitest'
import {aLiveState, aUser, aLiveResource} from '../../test/builders.js'
import type {Plan} from '../plan/plan.js'
import type {ScheduleMigration} from '../plan/migration-plan.js'
import {withMigrationOverrideWarnings} from './migration-override-warnings.js'

const migration = (phase: ScheduleMigration['phase']): ScheduleMigration => ({
  key: 'primary',
  phase,
  legacyId: 'PLEGACY',
  handoff: phase === 'finish' ? null : '2026-03-09T01:00:00.000Z',
  handoffLocal: phase === 'finish' ? null : '2026-03-09T10:00',
  timeZone: 'Asia/Tokyo',
  policies: ['p'],
  deletesLegacy: false,
})
const plan = (m: ScheduleMigration): Plan =>
  ({formatVersion: 2, owner: 'o', changes: [], unmanaged: [], conflicts: [], warnings: [], summary: {create: 0, update: 0, delete: 0}, requestCount: 0, fingerprints: {config: '', live: {}}, migrations: [m]}) as Plan

describe('withMigrationOverrideWarnings', () => {
  const live = aLiveState({users: [aLiveResource(aUser({email: 'ken@example.com'}), {id: 'PKEN', owner: null})]})

  it('names the overrides the legacy schedule has after the handoff, asking once per moving schedule', async () => {
    const asked: {path: string; params: unknown}[] = []
    const client = {
      get: async <T>(path: string, params?: unknown): Promise<T> => {
        asked.push({path, params})
        return {overrides: [{id: 'O1', start: '2026-03-10T01:00:00Z', end: '2026-03-11T01:00:00Z', user: {id: 'PKEN'}}]} as T
      },
    }
    const out = await withMigrationOverrideWarnings(plan(migration('start')), client, live)
    expect(asked).toEqual([{path: '/schedules/PLEGACY/overrides', params: expect.objectContaining({since: '2026-03-09T01:00:00.000Z'})}])
    expect(out.warnings.map((w) => w.code)).toEqual(['MIGRATION_OVERRIDES_NOT_MOVED'])
    expect(out.warnings[0]?.message).toContain('has 1 override(s) after the handoff (first: ken@example.com tue 2026-03-10 10:00 – wed 2026-03-11 10:00 Asia/Tokyo)')
  })

  it('asks nothing once the handoff has passed, and warns of nothing when there are none', async () => {
    let calls = 0
    const client = {
      get: async <T>(): Promise<T> => {
        calls++
        return {overrides: []} as T
      },
    }
    expect((await withMigrationOverrideWarnings(plan(migration('finish')), client, live)).warnings).toEqual([])
    expect(calls).toBe(0)
    expect((await withMigrationOverrideWarnings(plan(migration('transition')), client, live)).warnings).toEqual([])
    expect(calls).toBe(1)
  })

  it('does not name an override the config carries over to the shift-based schedule (same person, whole span, maybe in pieces)', async () => {
    const client = {
      get: async <T>(): Promise<T> =>
        ({overrides: [{id: 'O1', start: '2026-03-10T01:00:00Z', end: '2026-03-11T01:00:00Z', user: {id: 'PKEN'}}]}) as T,
    }
    const declared = (pieces: [string, string][], user = 'ken@example.com') => () =>
      pieces.map(([start, end], i) => ({schedule: 'primary', user, start: Date.parse(start), end: Date.parse(end), note: null, origin: {kind: 'declared' as const, index: i}, rotation: `R${i}`}))
    const split = declared([
      ['2026-03-10T01:00:00Z', '2026-03-10T09:30:00Z'],
      ['2026-03-10T09:30:00Z', '2026-03-11T01:00:00Z'],
    ])
    expect((await withMigrationOverrideWarnings(plan(migration('start')), client, live, split)).warnings).toEqual([])
    // Shorter, or someone else: still named.
    const shorter = declared([['2026-03-10T01:00:00Z', '2026-03-10T09:30:00Z']])
    expect((await withMigrationOverrideWarnings(plan(migration('start')), client, live, shorter)).warnings.map((w) => w.code)).toEqual(['MIGRATION_OVERRIDES_NOT_MOVED'])
    const other = declared([['2026-03-10T01:00:00Z', '2026-03-11T01:00:00Z']], 'mei@example.com')
    expect((await withMigrationOverrideWarnings(plan(migration('start')), client, live, other)).warnings.map((w) => w.code)).toEqual(['MIGRATION_OVERRIDES_NOT_MOVED'])
  })
})
