import {describe, expect, it} from 'vitest'
import {describeOverride} from './override-view.js'

const zone = {timeZone: 'Europe/Berlin'}

describe('describeOverride', () => {
  it('names the rotation and the overridden member of a shift-based override', () => {
    const o = {user: 'lena@x.com', start: '2026-03-04T16:00:00.000Z', end: '2026-03-04T18:00:00.000Z', replaces: 'maya@x.com', rotation: 'Evenings', origin: 'declared' as const, note: 'swap'}
    expect(describeOverride(o, zone)).toBe('lena@x.com wed 2026-03-04 17:00 – wed 2026-03-04 19:00 Europe/Berlin in rotation Evenings, instead of maya@x.com (swap)')
    expect(describeOverride({...o, rotation: null, replaces: 'eve@x.com', note: null}, zone)).toBe(
      'lena@x.com wed 2026-03-04 17:00 – wed 2026-03-04 19:00 Europe/Berlin in a custom shift, instead of eve@x.com',
    )
  })

  it('layer-based overrides read as before', () => {
    expect(describeOverride({user: 'a@x.com', start: '2026-03-04T16:00:00.000Z', end: '2026-03-04T18:00:00.000Z', replaces: null}, zone)).toBe(
      'a@x.com wed 2026-03-04 17:00 – wed 2026-03-04 19:00 Europe/Berlin, where nobody is on call',
    )
  })
})
