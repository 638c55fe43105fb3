import {describe, expect, it} from 'vitest'
import {assignKeys, slugify} from './derive-keys.js'

describe('slugify', () => {
  it.each([
    ['Consumer App - Primary', 'consumer-app-primary'],
    ['  Ops (NY) / Nights  ', 'ops-ny-nights'],
    ['Équipe Données', 'equipe-donnees'],
    ['日本語', ''],
    ['x'.repeat(70), 'x'.repeat(64)],
    [`${'a'.repeat(63)} b`, 'a'.repeat(63)],
  ])('%j → %j', (name, slug) => {
    expect(slugify(name)).toBe(slug)
    if (slug) expect(slug).toMatch(/^[a-z0-9][a-z0-9_-]{0,63}$/)
  })
})

describe('assignKeys', () => {
  it('keeps marker keys, derives the rest, suffixes collisions in id order', () => {
    const keys = assignKeys(
      [
        {id: 'P3', name: 'Payments', markedKey: null},
        {id: 'P1', name: 'payments', markedKey: null},
        {id: 'P2', name: 'Anything', markedKey: 'payments'},
        {id: 'P4', name: 'PAYMENTS!', markedKey: null},
      ],
      'team',
    )
    expect(Object.fromEntries(keys)).toEqual({P2: 'payments', P1: 'payments-2', P3: 'payments-3', P4: 'payments-4'})
  })

  it('does not depend on input order', () => {
    const a = [
      {id: 'B', name: 'X', markedKey: null},
      {id: 'A', name: 'x', markedKey: null},
    ]
    expect(assignKeys(a, 't')).toEqual(assignKeys([...a].reverse(), 't'))
  })

  it('falls back to the id for names without latin letters or digits, and keeps suffixed keys ≤ 64', () => {
    const keys = assignKeys(
      [
        {id: 'PABC', name: '日本語', markedKey: null},
        {id: 'P1', name: 'y'.repeat(80), markedKey: null},
        {id: 'P2', name: 'y'.repeat(80), markedKey: null},
      ],
      'schedule',
    )
    expect(keys.get('PABC')).toBe('schedule-pabc')
    expect(keys.get('P2')).toBe(`${'y'.repeat(62)}-2`)
  })
})
