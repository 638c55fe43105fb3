import {describe, expect, it} from 'vitest'
import {baseConfig, runRule} from '../../../test/validate/rule-kit.js'
import type {WrittenRestriction} from '../written.js'
import {restrictionWindows} from './restriction-windows.js'

const withRestrictions = (restrictions: WrittenRestriction[]) => {
  const c = baseConfig()
  c.schedules.primary!.layers![0]!.restrictions = restrictions
  return c
}

describe('restrictionWindows', () => {
  it('accepts windows crossing midnight and the week boundary', () => {
    const c = withRestrictions([{daily: {from: '22:00', to: '06:00'}}, {weekly: {from: 'fri 18:00', to: 'mon 09:00'}}])
    expect(runRule(restrictionWindows, c)).toEqual([])
  })
  it('reports zero-length windows', () => {
    const d = runRule(
      restrictionWindows,
      withRestrictions([{daily: {from: '09:00', to: '09:00'}}, {weekly: {from: 'Mon 09:00', to: 'mon 09:00'}}, {weekdays: {from: '10:00', to: '10:00'}}]),
    )
    expect(d.map((x) => [x.code, x.path])).toEqual([
      ['empty-restriction', 'schedules.primary.layers[0].restrictions[0].daily'],
      ['empty-restriction', 'schedules.primary.layers[0].restrictions[1].weekly'],
      ['empty-restriction', 'schedules.primary.layers[0].restrictions[2].weekdays'],
    ])
  })
})
