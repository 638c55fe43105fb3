import {describe, expect, it} from 'vitest'
import {baseConfig, codes, runRule} from '../../../test/validate/rule-kit.js'
import {layersNotEmpty} from './layers-not-empty.js'

describe('layersNotEmpty', () => {
  it('accepts layers with users', () => {
    expect(runRule(layersNotEmpty, baseConfig())).toEqual([])
  })
  it('reports a schedule without layers and a layer without users', () => {
    const c = baseConfig()
    c.schedules.empty = {time_zone: 'UTC', layers: []}
    c.schedules.primary!.layers![0]!.users = []
    const d = runRule(layersNotEmpty, c)
    expect(codes(d)).toEqual(['empty-layer', 'empty-schedule'])
    expect(d.map((x) => x.path)).toEqual(['schedules.primary.layers[0].users', 'schedules.empty.layers'])
  })
})
