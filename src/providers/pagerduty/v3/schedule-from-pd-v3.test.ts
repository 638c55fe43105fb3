import {describe, expect, it} from 'vitest'
import type {FromPdContext} from '../mapping/from-pd-context.js'
import type {PdEventV3, PdScheduleV3} from './dto-v3.js'
import {rotationNameFromWire, wireEventName} from './event-names.js'
import {scheduleFromPdV3, v3NotManaged} from './schedule-from-pd-v3.js'

const NOW = Date.parse('2026-03-02T03:00:00Z')
const ctx: FromPdContext = {
  emailOf: (id) => `${id.toLowerCase()}@example.com`,
  teamKeyOf: (id) => `team-${id}`,
  scheduleKeyOf: (id) => id,
  policyKeyOf: (id) => id,
  now: NOW,
  layerOrderOnRead: 'highest-first',
}

function event(name: string, over: Partial<PdEventV3> = {}): PdEventV3 {
  return {
    id: `E-${name}`,
    name,
    start_time: {date_time: '2026-01-05T08:00:00Z', time_zone: 'Europe/Berlin'},
    end_time: {date_time: '2026-01-05T16:00:00Z', time_zone: 'Europe/Berlin'},
    effective_since: '2026-01-05T08:00:00Z',
    effective_until: null,
    recurrence: ['RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR'],
    assignment_strategy: {
      type: 'rotating_member_assignment_strategy',
      shifts_per_member: 5,
      members: [{type: 'user_member', user_id: 'LENA'}, {type: 'empty_member'}, {type: 'user_member', user_id: 'JONAS'}],
    },
    ...over,
  }
}

describe('rotation names in event names', () => {
  it('writes the prefix only for a rotation whose name is not the default of its position', () => {
    expect(wireEventName('Rotation 2', 2, 'Nights')).toBe('Nights')
    expect(wireEventName('Rotation 1', 2, 'Nights')).toBe('Rotation 1 · Nights')
    expect(wireEventName('Weekdays', 1, 'Business hours')).toBe('Weekdays · Business hours')
  })

  it('reads a shared prefix as the rotation name, anything else as Rotation <n>', () => {
    expect(rotationNameFromWire(1, ['Weekdays · Day', 'Weekdays · Night'])).toEqual({name: 'Weekdays', eventNames: ['Day', 'Night']})
    expect(rotationNameFromWire(3, ['Weekdays · Day', 'Other · Night'])).toEqual({name: 'Rotation 3', eventNames: ['Weekdays · Day', 'Other · Night']})
    expect(rotationNameFromWire(2, ['Day'])).toEqual({name: 'Rotation 2', eventNames: ['Day']})
    expect(rotationNameFromWire(2, [])).toEqual({name: 'Rotation 2', eventNames: []})
  })
})

describe('scheduleFromPdV3', () => {
  const raw: PdScheduleV3 & {id: string} = {
    id: 'S1',
    name: 'Support',
    description: 'Days\nManaged by oncall (owner: acme, key: support). Edit in git, not here.',
    time_zone: 'Europe/Berlin',
    teams: [{id: 'T2', type: 'team_reference'}, {id: 'T1', type: 'team_reference'}],
    rotations: [
      {id: 'R1', events: [event('Weekdays · Business hours'), event('Weekdays · Old', {effective_until: '2026-02-01T00:00:00Z'})]},
      {
        id: 'R2',
        events: [
          event('Nights', {
            effective_since: '2026-04-01T08:00:00Z',
            effective_until: '2026-12-31T23:00:00Z',
            assignment_strategy: {type: 'every_member_assignment_strategy', members: [{type: 'user_member', user_id: 'AIKO'}]},
          }),
        ],
      },
    ],
  }

  it('maps metadata, rotation names, members, strategies and effective bounds on the event clock; ended events are history', () => {
    const s = scheduleFromPdV3(raw, 'support', ctx)
    expect(s).toMatchObject({key: 'support', name: 'Support', description: 'Days', timeZone: 'Europe/Berlin', teams: ['team-T1', 'team-T2'], layers: []})
    expect(s.rotations).toEqual([
      {
        name: 'Weekdays',
        events: [
          {
            name: 'Business hours',
            timeZone: 'Europe/Berlin',
            start: '2026-01-05T09:00',
            end: '2026-01-05T17:00',
            recurrence: ['RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR'],
            members: ['lena@example.com', 'jonas@example.com'],
            assignment: {kind: 'rotating', shiftsPerMember: 5},
            effectiveFrom: null,
            effectiveUntil: null,
          },
        ],
      },
      {
        name: 'Rotation 2',
        events: [expect.objectContaining({name: 'Nights', members: ['aiko@example.com'], assignment: {kind: 'every'}, effectiveFrom: '2026-04-01T10:00', effectiveUntil: '2027-01-01T00:00'})],
      },
    ])
  })

  it('names empty_member slots as not managed', () => {
    expect(v3NotManaged(raw, NOW)).toEqual(['rotations[0].events[0].members (1 empty_member slot)'])
  })
})
