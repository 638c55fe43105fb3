import {describe, expect, it} from 'vitest'
import {collectGarbageNow} from './collect-garbage.js'

describe('collectGarbageNow', () => {
  it('collects what nothing references any more, without exposing gc to the program', async () => {
    const hadGc = 'gc' in globalThis
    const ref = ((): WeakRef<object> => new WeakRef({payload: new Array(10_000).fill('x')}))()
    // A WeakRef's target lives to the end of the current job: collect after it.
    await new Promise((resolve) => setTimeout(resolve, 0))
    collectGarbageNow()
    expect(ref.deref()).toBeUndefined()
    collectGarbageNow() // again: the collector found once is reused
    expect('gc' in globalThis).toBe(hadGc)
  })
})
