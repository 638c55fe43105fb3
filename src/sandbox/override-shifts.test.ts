import {describe, expect, it} from 'vitest'
import {overrideShifts, withOverrides} from './override-shifts.js'

const H = 3_600_000
const o = (id: string, user: string, start: number, end: number) => ({id, user, start: start * H, end: end * H})
const rows = (shifts: {user: string; start: number; end: number}[]) => shifts.map((s) => [s.user, s.start / H, s.end / H])

describe('overrideShifts', () => {
  it('clips to the window, drops what lies outside, and lets the last created win where overrides overlap', () => {
    const shifts = overrideShifts([o('1', 'a', -5, 4), o('2', 'b', 2, 6), o('3', 'c', 3, 4), o('4', 'd', 30, 40)], {start: 0, end: 24 * H}, 7)
    expect(rows(shifts)).toEqual([
      ['a', 0, 2],
      ['b', 2, 3],
      ['c', 3, 4],
      ['b', 4, 6],
    ])
    expect(shifts.every((s) => s.layer === 7)).toBe(true)
  })

  it('an earlier override fully under a later one disappears', () => {
    expect(rows(overrideShifts([o('1', 'a', 2, 3), o('2', 'b', 0, 5)], {start: 0, end: 10 * H}, 0))).toEqual([['b', 0, 5]])
  })
})

describe('withOverrides', () => {
  const layers = [
    {user: 'x', start: 0, end: 10 * H, layer: 0},
    {user: 'y', start: 12 * H, end: 20 * H, layer: 0},
  ]

  it('puts overrides on top, keeps the layers around them and fills gaps; same-user pieces join', () => {
    const top = [
      {user: 'z', start: 8 * H, end: 13 * H, layer: 1},
      {user: 'y', start: 13 * H, end: 14 * H, layer: 1},
    ]
    expect(rows(withOverrides(layers, top))).toEqual([
      ['x', 0, 8],
      ['z', 8, 13],
      ['y', 13, 20],
    ])
  })

  it('without overrides returns the layers unchanged', () => {
    expect(withOverrides(layers, [])).toEqual(layers)
  })
})
