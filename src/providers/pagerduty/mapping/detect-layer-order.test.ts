import {describe, expect, it} from 'vitest'
import type {Schedule} from '../../../model/schedule.js'
import {emptyState} from '../../../model/state.js'
import type {PdSchedule, RawAccount, Read} from '../dto.js'
import {appendMarker} from '../ownership.js'
import {detectLayerOrderOnRead} from './detect-layer-order.js'

const now = new Date('2026-11-24T00:00:00Z')

const pdLayer = (name: string, end: string | null = null) => ({
  id: name,
  name,
  start: '2026-01-01T00:00:00Z',
  end,
  rotation_virtual_start: '2026-01-01T00:00:00Z',
  rotation_turn_length_seconds: 86400,
  users: [],
})

const pdSchedule = (key: string, owner: string, names: string[], ended: string[] = []): Read<PdSchedule> => ({
  id: key,
  type: 'schedule',
  name: key,
  description: appendMarker('', {owner, key}),
  time_zone: 'Etc/UTC',
  schedule_layers: [...names.map((n) => pdLayer(n)), ...ended.map((n) => pdLayer(n, '2026-02-01T00:00:00Z'))],
})

const modelSchedule = (key: string, names: string[]): Schedule =>
  ({key, name: key, description: '', timeZone: 'Etc/UTC', teams: [], layers: names.map((name) => ({name}))}) as unknown as Schedule

const raw = (...schedules: Read<PdSchedule>[]) => ({schedules}) as unknown as RawAccount
const desired = (...schedules: Schedule[]) => ({...emptyState(), schedules: new Map(schedules.map((s) => [s.key, s]))})

describe('detectLayerOrderOnRead', () => {
  it('sees PagerDuty’s documented reversal', () => {
    const d = desired(modelSchedule('a', ['L1', 'L2', 'L3']))
    expect(detectLayerOrderOnRead(raw(pdSchedule('a', 'me', ['L3', 'L2', 'L1'], ['old'])), d, 'me', now)).toBe('highest-first')
  })

  it('switches when the account lists layers as written', () => {
    const d = desired(modelSchedule('a', ['L1', 'L2']), modelSchedule('b', ['x', 'y']))
    expect(detectLayerOrderOnRead(raw(pdSchedule('a', 'me', ['L1', 'L2']), pdSchedule('b', 'me', ['x', 'y'])), d, 'me', now)).toBe(
      'as-written',
    )
  })

  it('ignores other owners, single layers, duplicate names; defaults to highest-first', () => {
    const d = desired(modelSchedule('a', ['L1', 'L2']), modelSchedule('b', ['x']), modelSchedule('c', ['z', 'z']))
    const account = raw(pdSchedule('a', 'other', ['L1', 'L2']), pdSchedule('b', 'me', ['x']), pdSchedule('c', 'me', ['z', 'z']))
    expect(detectLayerOrderOnRead(account, d, 'me', now)).toBe('highest-first')
  })
})
