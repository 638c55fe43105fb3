import {describe, expect, it} from 'vitest'
import {normalize} from '../config/normalize.js'
import type {ScheduleLayer} from '../model/schedule.js'
import {writtenLayer, writtenRestriction, writtenService} from './model-to-written.js'

const base: ScheduleLayer = {
  name: 'L',
  users: ['a@example.com'],
  turnSeconds: 604_800,
  rotationStart: '2026-01-05T10:00',
  start: '2026-01-05T00:00',
  end: null,
  restrictions: [],
}

function roundTrip(layer: ScheduleLayer): ScheduleLayer {
  const written = writtenLayer(layer)
  const state = normalize({
    version: 1,
    owner: 'o',
    users: [],
    teams: new Map(),
    schedules: new Map([['s', {time_zone: 'UTC', layers: [written]}]]),
    escalation_policies: new Map(),
    services: new Map(),
  })
  return state.schedules.get('s')?.layers[0] as ScheduleLayer
}

describe('writtenLayer', () => {
  it('uses handoff + start when the anchor is the first handoff at or after the start', () => {
    expect(writtenLayer(base)).toEqual({name: 'L', users: ['a@example.com'], turn: 'weekly', handoff: 'mon 10:00', start: '2026-01-05'})
    expect(writtenLayer({...base, turnSeconds: 86_400, rotationStart: '2026-01-05T09:00'})).toMatchObject({turn: 'daily', handoff: '09:00'})
  })

  it('uses rotation_start when the anchor is earlier than the start (PagerDuty moved the start) or the turn is not daily/weekly', () => {
    const moved = {...base, start: '2026-03-02T12:00'}
    expect(writtenLayer(moved)).toMatchObject({rotation_start: '2026-01-05T10:00', start: '2026-03-02T12:00'})
    expect(writtenLayer(moved).handoff).toBeUndefined()
    const twelve = {...base, turnSeconds: 43_200, rotationStart: '2026-01-05T08:17', start: '2026-01-05T08:17'}
    expect(writtenLayer(twelve)).toEqual({name: 'L', users: ['a@example.com'], turn: '12h', rotation_start: '2026-01-05T08:17'})
  })

  it('reads back to the same layer in every form', () => {
    const layers: ScheduleLayer[] = [
      base,
      {...base, start: '2026-03-02T12:00', end: '2026-06-01T00:00'},
      {...base, turnSeconds: 86_400, rotationStart: '2026-01-06T00:00', start: '2026-01-05T23:00'},
      {...base, turnSeconds: 5400, rotationStart: '2026-01-05T08:17', start: '2026-01-07T00:00'},
      {
        ...base,
        restrictions: [
          {kind: 'weekly', startDay: 6, start: '18:00', durationMinutes: 2160},
          {kind: 'daily', start: '22:00', durationMinutes: 480},
        ],
      },
    ]
    for (const layer of layers) {
      const back = roundTrip(layer)
      expect({...back, restrictions: [...back.restrictions].sort((a, b) => a.kind.localeCompare(b.kind))}).toEqual({
        ...layer,
        restrictions: [...layer.restrictions].sort((a, b) => a.kind.localeCompare(b.kind)),
      })
    }
  })
})

describe('writtenRestriction', () => {
  it('wraps daily windows at midnight and weekly ones at the end of Sunday', () => {
    expect(writtenRestriction({kind: 'daily', start: '22:00', durationMinutes: 480})).toEqual({daily: {from: '22:00', to: '06:00'}})
    expect(writtenRestriction({kind: 'weekly', startDay: 6, start: '18:00', durationMinutes: 2160})).toEqual({weekly: {from: 'sat 18:00', to: 'mon 06:00'}})
  })
})

describe('writtenService', () => {
  it('writes disabled timeouts, the policy team, and no grouping key for no grouping', () => {
    const written = writtenService(
      {
        key: 'api',
        name: 'API',
        description: '',
        escalationPolicy: 'p',
        acknowledgementTimeoutSeconds: null,
        autoResolveTimeoutSeconds: 14_400,
        urgency: {kind: 'constant', urgency: 'high'},
        alertGrouping: null,
        autoPauseSeconds: null,
      },
      'payments',
    )
    expect(written).toEqual({name: 'API', escalation_policy: 'p', team: 'payments', acknowledgement_timeout: 'disabled', auto_resolve_timeout: '4h', urgency: 'high'})
  })
})
