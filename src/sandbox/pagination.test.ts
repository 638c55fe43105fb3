import {describe, expect, it} from 'vitest'
import {listBody} from './pagination.js'

describe('listBody', () => {
  it('renders only the requested page (a paged read of n objects must cost O(n) renders, not O(n²))', () => {
    const items = Array.from({length: 250}, (_, i) => i)
    const rendered: number[] = []
    const body = listBody('things', new URLSearchParams('limit=100&offset=100&total=true'), items, (i) => {
      rendered.push(i)
      return {id: `P${i}`}
    })
    expect(rendered).toEqual(Array.from({length: 100}, (_, i) => 100 + i))
    expect(body).toMatchObject({limit: 100, offset: 100, more: true, total: 250})
    expect((body.things as unknown[])[0]).toEqual({id: 'P100'})
  })

  it('without a renderer returns the items themselves', () => {
    expect(listBody('things', new URLSearchParams('limit=2'), ['a', 'b', 'c'])).toEqual({things: ['a', 'b'], limit: 2, offset: 0, more: true, total: null})
  })
})
