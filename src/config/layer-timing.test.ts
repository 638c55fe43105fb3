import {describe, expect, it} from 'vitest'
import {analyzeLayerTiming} from './layer-timing.js'
import type {WrittenLayer} from './written.js'

const layer = (l: Partial<WrittenLayer>): WrittenLayer => ({users: ['a@example.com'], turn: 'weekly', ...l})

describe('analyzeLayerTiming', () => {
  it('anchors a weekly rotation at the first handoff at or after start', () => {
    expect(analyzeLayerTiming(layer({handoff: 'mon 10:00', start: '2026-01-07'}))).toEqual({
      timing: {turnSeconds: 604_800, rotationStart: '2026-01-12T10:00', start: '2026-01-07T00:00', end: null},
      problems: [],
    })
  })
  it('anchors a daily rotation', () => {
    const {timing} = analyzeLayerTiming(layer({turn: 'daily', handoff: '09:00', start: '2026-01-05T12:00', end: '2026-02-01'}))
    expect(timing).toEqual({turnSeconds: 86_400, rotationStart: '2026-01-06T09:00', start: '2026-01-05T12:00', end: '2026-02-01T00:00'})
  })
  it('uses rotation_start as start by default', () => {
    const {timing} = analyzeLayerTiming(layer({turn: '12h', rotation_start: '2026-01-05T08:00'}))
    expect(timing).toEqual({turnSeconds: 43_200, rotationStart: '2026-01-05T08:00', start: '2026-01-05T08:00', end: null})
  })
  it('keeps an explicit start with rotation_start', () => {
    const {timing} = analyzeLayerTiming(layer({turn: '2d', rotation_start: '2026-01-05T08:00', start: '2026-01-01'}))
    expect(timing?.start).toBe('2026-01-01T00:00')
  })
  it.each([
    [{handoff: 'mon 10:00', rotation_start: '2026-01-05T10:00', start: '2026-01-05'}, 'handoff-and-rotation-start'],
    [{}, 'missing-handoff'],
    [{handoff: '10:00', start: '2026-01-05'}, 'handoff-mismatch'],
    [{turn: 'daily', handoff: 'mon 10:00', start: '2026-01-05'}, 'handoff-mismatch'],
    [{turn: '12h', handoff: '10:00', start: '2026-01-05'}, 'handoff-mismatch'],
    [{handoff: 'mon 10:00'}, 'missing-start'],
    [{handoff: 'mon 10:00', start: '2026-02-30'}, 'invalid-date'],
    [{handoff: 'mon 10:00', start: '2026-01-05', end: '2026-01-05'}, 'end-before-start'],
    [{rotation_start: '2026-01-05T10:00', end: '2026-01-01'}, 'end-before-start'],
  ] as [Partial<WrittenLayer>, string][])('reports %j as %s', (fields, code) => {
    const result = analyzeLayerTiming(layer(fields))
    expect(result.timing).toBeUndefined()
    expect(result.problems.map((p) => p.code)).toEqual([code])
  })
})
