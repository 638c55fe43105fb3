import {describe, expect, it} from 'vitest'
import type {Schedule, ScheduleLayer} from '../../../model/schedule.js'
import {emptyState} from '../../../model/state.js'
import type {LiveResource, LiveState} from '../../../plan/live-state.js'
import {normalizeLiveAgainstDesired, withoutEndedLayers} from './normalize-start.js'

const now = new Date('2026-11-24T00:00:00Z') // 09:00 in Tokyo

const layer = (start: string): ScheduleLayer => ({
  name: 'L',
  users: ['a@example.com'],
  turnSeconds: 86400,
  rotationStart: '2026-01-05T10:00',
  start,
  end: null,
  restrictions: [],
})

const schedule = (key: string, name: string, starts: string[]): Schedule => ({
  key,
  name,
  description: '',
  timeZone: 'Asia/Tokyo',
  teams: [],
  layers: starts.map(layer),
})

const liveOf = (schedules: LiveResource<Schedule>[]): LiveState => ({
  users: new Map(),
  teams: [],
  schedules,
  escalationPolicies: [],
  services: [],
  requestCount: 0,
})

const desiredOf = (...schedules: Schedule[]) => ({...emptyState(), schedules: new Map(schedules.map((s) => [s.key, s]))})
const res = (value: Schedule, owner: string | null = 'me'): LiveResource<Schedule> => ({id: 'P1', owner, value, fingerprint: 'f'})
const starts = (live: LiveState) => live.schedules[0]?.value.layers.map((l) => l.start)

describe('normalizeLiveAgainstDesired', () => {
  it('treats two starts at or before now as equal (PagerDuty moved the past start to the write time)', () => {
    const live = liveOf([res(schedule('s', 'S', ['2026-11-20T14:13']))])
    expect(starts(normalizeLiveAgainstDesired(live, desiredOf(schedule('s', 'S', ['2026-01-05T00:00'])), now))).toEqual([
      '2026-01-05T00:00',
    ])
  })

  it('keeps a difference when either start is in the future (in the schedule zone)', () => {
    const future = liveOf([res(schedule('s', 'S', ['2026-11-24T09:01', '2026-11-20T00:00']))])
    const desired = desiredOf(schedule('s', 'S', ['2026-01-05T00:00', '2026-12-01T00:00']))
    expect(starts(normalizeLiveAgainstDesired(future, desired, now))).toEqual(['2026-11-24T09:01', '2026-11-20T00:00'])
  })

  it('counts "now" itself as past', () => {
    const live = liveOf([res(schedule('s', 'S', ['2026-11-24T09:00']))])
    expect(starts(normalizeLiveAgainstDesired(live, desiredOf(schedule('s', 'S', ['2026-01-01T00:00'])), now))).toEqual([
      '2026-01-01T00:00',
    ])
  })

  it('pairs unmarked live schedules by name, others only by key', () => {
    const desired = desiredOf(schedule('primary', 'Primary', ['2026-01-05T00:00']))
    const unmarked = liveOf([res(schedule('primary-2', 'Primary', ['2026-11-20T00:00']), null)])
    expect(starts(normalizeLiveAgainstDesired(unmarked, desired, now))).toEqual(['2026-01-05T00:00'])
    const othersByName = liveOf([res(schedule('x', 'Primary', ['2026-11-20T00:00']), 'other')])
    expect(starts(normalizeLiveAgainstDesired(othersByName, desired, now))).toEqual(['2026-11-20T00:00'])
  })

  it('returns the same objects when nothing needs normalising', () => {
    const resource = res(schedule('s', 'S', ['2026-01-05T00:00']))
    const live = liveOf([resource])
    expect(normalizeLiveAgainstDesired(live, desiredOf(schedule('s', 'S', ['2026-01-05T00:00'])), now).schedules[0]).toBe(resource)
  })
})

describe('withoutEndedLayers', () => {
  it('drops desired layers that ended at or before now (in the schedule zone), keeps the rest', () => {
    const s: Schedule = {
      ...schedule('s', 'S', ['2026-01-01T00:00', '2026-01-01T00:00', '2026-01-01T00:00']),
      layers: [
        {...layer('2026-01-01T00:00'), name: 'ended', end: '2026-11-24T09:00'},
        {...layer('2026-01-01T00:00'), name: 'ends soon', end: '2026-11-24T09:01'},
        {...layer('2026-01-01T00:00'), name: 'open'},
      ],
    }
    const out = withoutEndedLayers(desiredOf(s), now)
    expect(out.schedules.get('s')?.layers.map((l) => l.name)).toEqual(['ends soon', 'open'])
    const untouched = desiredOf(schedule('s', 'S', ['2026-01-01T00:00']))
    expect(withoutEndedLayers(untouched, now)).toBe(untouched)
  })
})
