import {describe, expect, it} from 'vitest'
import {baseConfig, codes, runRule} from '../../../test/validate/rule-kit.js'
import {turnLength} from './turn-length.js'

const withTurn = (turn: string) => {
  const c = baseConfig()
  c.schedules.primary!.layers = [{users: ['a@example.com'], turn, rotation_start: '2026-01-05T10:00'}]
  return c
}

describe('turnLength', () => {
  it.each(['1h', '12h', 'daily', 'weekly', '52w', '365d'])('accepts %s', (turn) => {
    expect(runRule(turnLength, withTurn(turn))).toEqual([])
  })
  it.each(['59m', '0m', '366d', '53w'])('rejects %s', (turn) => {
    expect(codes(runRule(turnLength, withTurn(turn)))).toEqual(['turn-out-of-range'])
  })
})
