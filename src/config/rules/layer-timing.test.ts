import {describe, expect, it} from 'vitest'
import {baseConfig, codes, runRule} from '../../../test/validate/rule-kit.js'
import type {WrittenLayer} from '../written.js'
import {layerTiming} from './layer-timing.js'

const withLayer = (layer: Partial<WrittenLayer>) => {
  const c = baseConfig()
  c.schedules.primary!.layers = [{users: ['a@example.com'], turn: 'weekly', ...layer}]
  return c
}

describe('layerTiming', () => {
  it('accepts weekly handoff with start and rotation_start alone', () => {
    expect(runRule(layerTiming, withLayer({handoff: 'mon 10:00', start: '2026-01-05'}))).toEqual([])
    expect(runRule(layerTiming, withLayer({turn: '12h', rotation_start: '2026-01-05T08:00'}))).toEqual([])
  })
  it('points at the field that is wrong', () => {
    const [d] = runRule(layerTiming, withLayer({turn: 'daily', handoff: 'mon 10:00', start: '2026-01-05'}))
    expect(d).toMatchObject({code: 'handoff-mismatch', path: 'schedules.primary.layers[0].handoff'})
  })
  it('reports a date that does not exist', () => {
    expect(codes(runRule(layerTiming, withLayer({handoff: 'mon 10:00', start: '2026-02-29'})))).toEqual(['invalid-date'])
  })
  it('reports end before start', () => {
    expect(codes(runRule(layerTiming, withLayer({handoff: 'mon 10:00', start: '2026-06-01', end: '2026-05-01'})))).toEqual(['end-before-start'])
  })
  it('warns about an ended layer relative to the injected clock only', () => {
    const layer = {handoff: 'mon 10:00', start: '2026-01-05', end: '2026-02-01'}
    const ended = runRule(layerTiming, withLayer(layer), new Date('2026-03-01T00:00:00Z'))
    expect(ended.map((d) => [d.severity, d.code])).toEqual([['warning', 'layer-ended']])
    expect(runRule(layerTiming, withLayer(layer), new Date('2026-01-15T00:00:00Z'))).toEqual([])
  })
})
