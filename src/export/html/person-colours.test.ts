import {describe, expect, it} from 'vitest'
import {personColours} from './person-colours.js'

describe('personColours', () => {
  it('gives people who share a schedule different colours and each person one colour everywhere', () => {
    const groups = [
      ['a', 'b', 'c'],
      ['c', 'd'],
      ['a', 'd', 'e'],
    ]
    const colours = personColours(groups)
    for (const g of groups) expect(new Set(g.map((p) => colours.get(p))).size).toBe(g.length)
    expect(colours.get('a')).toBe(personColours([...groups].reverse()).get('a')) // order of schedules does not matter
  })

  it('reuses colours across schedules that share nobody, and goes past the palette when needed', () => {
    const colours = personColours([['a', 'b'], ['c', 'd']])
    expect(colours.get('c')).toBe(colours.get('a'))
    const many = personColours([Array.from({length: 14}, (_, i) => `p${String(i).padStart(2, '0')}`)])
    expect(new Set(many.values()).size).toBe(14)
  })
})
