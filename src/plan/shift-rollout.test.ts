import {describe, expect, it} from 'vitest'
import type {Schedule, ShiftEvent} from '../model/schedule.js'
import type {LiveState} from './live-state.js'
import {endOfShiftInProgress, rolloutShiftBased} from './shift-rollout.js'
import {aShiftEvent} from '../../test/builders.js'

/** Tuesday 2026-03-03 11:00 in Berlin, inside the 09:00-17:00 weekday shift. */
const NOW = new Date('2026-03-03T10:00:00Z')

/** Weekdays 09:00-17:00 Berlin from mon 2026-01-05, a and b taking a week (5 shifts) each. */
const event = (over: Partial<ShiftEvent> = {}): ShiftEvent =>
  aShiftEvent({
    name: 'Business hours',
    start: '2026-01-05T09:00',
    end: '2026-01-05T17:00',
    recurrence: ['RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR'],
    members: ['a@example.com', 'b@example.com'],
    assignment: {kind: 'rotating', shiftsPerMember: 5},
    ...over,
  })

const schedule = (events: ShiftEvent[]): Schedule => ({
  key: 's',
  name: 'S',
  description: '',
  timeZone: 'Europe/Berlin',
  teams: [],
  layers: [],
  rotations: [{name: 'Weekdays', events}],
})

function run(desired: ShiftEvent[], live: ShiftEvent[], now = NOW) {
  const liveState: LiveState = {
    users: new Map(),
    teams: [],
    schedules: [{id: 'P1', owner: 'o', value: schedule(live), fingerprint: ''}],
    escalationPolicies: [],
    services: [],
    requestCount: 0,
  }
  const out = rolloutShiftBased({owner: 'o', schedules: new Map([['s', schedule(desired)]])}, liveState, now)
  return {
    desired: out.state.schedules.get('s')?.rotations?.[0]?.events,
    live: out.live.schedules[0]?.value.rotations?.[0]?.events,
    rollouts: out.rollouts,
  }
}

describe('rolloutShiftBased (docs/shift-based-schedules.md, rules 4-6)', () => {
  it('rule 4: a live start clamped to the apply time equals the config start when both are past', () => {
    const out = run([event()], [event({effectiveFrom: '2026-03-01T12:34'})])
    expect(out.live).toEqual(out.desired)
  })

  it('rule 4 does not hide a start that is still to come', () => {
    const out = run([event({effectiveFrom: '2026-04-01T00:00'})], [event()])
    expect(out.live?.[0]?.effectiveFrom).toBeNull()
    expect(out.desired?.[0]?.effectiveFrom).toBe('2026-04-01T00:00')
  })

  it('rule 5: a member change of the running event ends it at the end of the shift in progress and starts the new one then', () => {
    const out = run([event({members: ['b@example.com', 'a@example.com']})], [event()])
    expect(out.desired).toEqual([event({effectiveUntil: '2026-03-03T17:00'}), event({members: ['b@example.com', 'a@example.com'], effectiveFrom: '2026-03-03T17:00'})])
    expect(out.rollouts).toEqual([expect.objectContaining({schedule: 's', layer: 0, layerName: 'Weekdays · Business hours', at: '2026-03-03T16:00:00.000Z', reason: 'next_handoff'})])
  })

  it('rule 5: outside any shift, with rollout immediate, or when someone leaves, the change applies at once', () => {
    const night = new Date('2026-03-03T20:00:00Z')
    expect(run([event({members: ['b@example.com', 'a@example.com']})], [event()], night).rollouts).toEqual([])
    expect(run([event({members: ['b@example.com', 'a@example.com'], rollout: {kind: 'immediate'}})], [event()]).rollouts).toEqual([])
    const leaving = run([event({members: ['a@example.com']})], [event()])
    expect(leaving.rollouts).toEqual([])
    expect(leaving.desired).toEqual([event({members: ['a@example.com']})])
  })

  it('rule 5: rollout at a local time of the event zone', () => {
    const out = run([event({members: ['b@example.com', 'a@example.com'], rollout: {kind: 'at', at: '2026-03-09T09:00'}})], [event()])
    expect(out.rollouts[0]).toMatchObject({at: '2026-03-09T08:00:00.000Z', reason: 'at'})
    expect(out.desired?.[0]?.effectiveUntil).toBe('2026-03-09T09:00')
  })

  it('rule 6: a pending pair that carries the config event is left as it is', () => {
    const pair = [event({members: ['b@example.com', 'a@example.com'], effectiveFrom: '2026-03-03T17:00'}), event({effectiveUntil: '2026-03-03T17:00'})]
    const out = run([event({members: ['b@example.com', 'a@example.com']})], pair)
    expect(out.desired).toEqual(out.live)
    expect(out.live).toHaveLength(2)
  })

  it('drops desired events that have ended, and the rollout field', () => {
    const out = run([event({effectiveUntil: '2026-02-01T00:00'}), event({name: 'Other', rollout: {kind: 'immediate'}})], [])
    expect(out.desired).toEqual([event({name: 'Other'})])
  })

  it('endOfShiftInProgress: the end of the occurrence containing now, else null', () => {
    expect(endOfShiftInProgress(event(), NOW.getTime())).toBe(Date.parse('2026-03-03T16:00:00Z'))
    expect(endOfShiftInProgress(event(), Date.parse('2026-03-03T20:00:00Z'))).toBeNull()
  })
})
