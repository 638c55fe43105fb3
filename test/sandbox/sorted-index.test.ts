/** The list endpoints' sorted-by-name index (issue 14) follows every kind of write. */
import {describe, expect, it} from 'vitest'
import {byName} from '../../src/sandbox/lookup.js'

const names = (items: readonly {name: string}[]) => items.map((x) => x.name)

describe('byName', () => {
  it('reuses the order while nothing changed and re-sorts after a push, a rename, a replacement or a removal', () => {
    const items = [
      {id: 'P2', name: 'beta'},
      {id: 'P1', name: 'Alpha'},
    ]
    expect(names(byName(items))).toEqual(['Alpha', 'beta'])
    const again = byName(items)
    again.reverse() // callers may reorder their copy
    expect(names(byName(items))).toEqual(['Alpha', 'beta'])
    items.push({id: 'P3', name: 'aardvark'})
    expect(names(byName(items))).toEqual(['aardvark', 'Alpha', 'beta'])
    ;(items[2] as {name: string}).name = 'zebra'
    expect(names(byName(items))).toEqual(['Alpha', 'beta', 'zebra'])
    items[0] = {id: 'P4', name: 'gamma'}
    expect(names(byName(items))).toEqual(['Alpha', 'gamma', 'zebra'])
    expect(names(byName(items.filter((x) => x.id !== 'P1')))).toEqual(['gamma', 'zebra'])
  })
})
