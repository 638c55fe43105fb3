import {describe, expect, it} from 'vitest'
import {aShiftEvent} from '../../test/builders.js'
import type {Schedule} from '../model/schedule.js'
import type {LiveV3Override} from '../plan/override-plan.js'
import {writtenV3Overrides} from './overrides-to-written.js'


// Days 09:00-17:00 Berlin: a (mon 03-02), b (tue 03-03), a, ...
const schedule: Schedule = {key: 's', name: 'S', description: '', timeZone: 'Europe/Berlin', teams: [], layers: [], rotations: [{name: 'Days', events: [aShiftEvent({})]}]}
const names = new Map([['R1', 'Days']])
const at = (iso: string) => Date.parse(iso)
const live = (o: Partial<LiveV3Override>): LiveV3Override => ({
  id: 'O1',
  rotationId: 'R1',
  overridden: 'a@x.com',
  user: 'e@x.com',
  start: at('2026-03-02T10:00:00Z'),
  end: at('2026-03-02T12:00:00Z'),
  ...o,
})

describe('writtenV3Overrides', () => {
  it('writes one entry with its rotation when the live overrides are what the entry means by default', () => {
    // Across the handoff between a (mon) and b (tue): two v3 overrides, one config entry.
    const span = {start: at('2026-03-02T15:00:00Z'), end: at('2026-03-03T09:00:00Z')}
    const result = writtenV3Overrides(schedule, [live({...span}), live({id: 'O2', overridden: 'b@x.com', ...span})], names)
    expect(result).toEqual({overrides: [{schedule: 's', user: 'e@x.com', start: '2026-03-02T16:00', end: '2026-03-03T10:00', rotation: 'Days'}], warnings: []})
  })

  it('names the member with `replaces:` when only some of those on call are overridden', () => {
    const span = {start: at('2026-03-02T15:00:00Z'), end: at('2026-03-03T09:00:00Z')}
    expect(writtenV3Overrides(schedule, [live({overridden: 'b@x.com', ...span})], names).overrides).toEqual([
      {schedule: 's', user: 'e@x.com', start: '2026-03-02T16:00', end: '2026-03-03T10:00', rotation: 'Days', replaces: 'b@x.com'},
    ])
  })

  it('warns, naming the override, about custom shifts, gone rotations, empty members, unknown users and seconds', () => {
    const {overrides, warnings} = writtenV3Overrides(
      schedule,
      [
        live({id: 'C', rotationId: undefined, customShiftId: 'S1'}),
        live({id: 'G', rotationId: 'R9'}),
        live({id: 'E', user: null}),
        live({id: 'U', overridden: 'PUNKNOWN'}),
        live({id: 'T', start: at('2026-03-02T10:00:30Z')}),
      ],
      names,
    )
    expect(overrides).toEqual([])
    expect(warnings).toEqual([
      'schedule s: override C not imported: it overrides a custom shift, which the language has no form for (apply leaves it alone)',
      'schedule s: override G not imported: its rotation R9 is not a current rotation of the schedule',
      'schedule s: override E not imported: its overriding member is an empty_member slot, which the language has no form for',
      'schedule s: override U not imported: its user PUNKNOWN is not in the account',
      'schedule s: override T not imported: its times have seconds, which the language cannot write',
    ])
  })
})
