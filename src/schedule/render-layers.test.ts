import {describe, expect, it} from 'vitest'
import {renderLayers, type EngineLayer} from './render-layers.js'

// The wire-level API (PagerDuty's layer fields as epoch ms), as the sandbox uses it.

const HOUR = 3_600_000
const iso = (ms: number): string => new Date(ms).toISOString().slice(0, 16)

describe('renderLayers', () => {
  it('anchors handoffs at the wall-clock time of rotation_virtual_start, across DST', () => {
    // rotation_virtual_start 2026-03-06T10:00:00-05:00, daily, two users: the handoff stays 10:00
    // New York time, 15:00Z before the change on 2026-03-08 and 14:00Z after it (95 h = 4 turns).
    const rvs = Date.parse('2026-03-06T10:00:00-05:00')
    const layer: EngineLayer = {users: ['PA', 'PB'], turnSeconds: 86_400, rotationStart: rvs, start: rvs, end: null, restrictions: []}
    const {final} = renderLayers('America/New_York', [layer], {start: rvs, end: rvs + 95 * HOUR})
    expect(final.map((s) => `${s.user} ${iso(s.start)}–${iso(s.end)}`)).toEqual([
      'PA 2026-03-06T15:00–2026-03-07T15:00',
      'PB 2026-03-07T15:00–2026-03-08T14:00',
      'PA 2026-03-08T14:00–2026-03-09T14:00',
      'PB 2026-03-09T14:00–2026-03-10T14:00',
    ])
  })

  it('is PagerDuty’s fixed grid rvs + k·L in a zone without DST; the last layer wins', () => {
    const rvs = Date.UTC(2026, 0, 1, 0, 0)
    const base: EngineLayer = {users: ['A', 'B', 'C'], turnSeconds: 8 * 3600, rotationStart: rvs, start: rvs, end: null, restrictions: []}
    // Top layer: one person, weekly restriction Thursday 04:00 for 2 h (2026-01-01 is a Thursday).
    const top: EngineLayer = {
      ...base,
      users: ['T'],
      restrictions: [{kind: 'weekly', startDay: 4, startSecondOfDay: 4 * 3600, durationSeconds: 2 * 3600}],
    }
    const {final, layers} = renderLayers('UTC', [base, top], {start: rvs, end: rvs + 24 * HOUR})
    expect(final.map((s) => `${s.user}@L${s.layer} ${iso(s.start)}–${iso(s.end)}`)).toEqual([
      'A@L0 2026-01-01T00:00–2026-01-01T04:00',
      'T@L1 2026-01-01T04:00–2026-01-01T06:00',
      'A@L0 2026-01-01T06:00–2026-01-01T08:00',
      'B@L0 2026-01-01T08:00–2026-01-01T16:00',
      'C@L0 2026-01-01T16:00–2026-01-02T00:00',
    ])
    expect(layers[1]?.map((s) => `${s.user} ${iso(s.start)}–${iso(s.end)}`)).toEqual(['T 2026-01-01T04:00–2026-01-01T06:00'])
  })

  it('returns one empty list per layer when nothing is on call', () => {
    const rvs = Date.UTC(2026, 0, 1)
    const ended: EngineLayer = {users: ['A'], turnSeconds: 3600, rotationStart: rvs, start: rvs, end: rvs + HOUR, restrictions: []}
    expect(renderLayers('Europe/Paris', [ended, ended], {start: rvs + 2 * HOUR, end: rvs + 3 * HOUR})).toEqual({final: [], layers: [[], []]})
  })
})
