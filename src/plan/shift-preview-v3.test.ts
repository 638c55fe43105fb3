import {describe, expect, it} from 'vitest'
import {CONCURRENT} from '../../test/shift-based/fixture.js'
import {loadConfig} from '../config/load-config.js'
import type {Schedule, ShiftRotation} from '../model/schedule.js'
import {shiftPreviewView} from './render/shift-preview-view.js'
import {previewSchedule} from './shift-preview.js'

// Mon 2026-03-02 08:30 Berlin: Anna is primary for the week, Dora the secondary of the day.
const NOW = new Date('2026-03-02T07:30:00Z')
const OPTIONS = {now: NOW, days: 7, names: new Map([['anna@example.com', 'Anna'], ['dora@example.com', 'Dora'], ['emil@example.com', 'Emil']])}

async function fixture(): Promise<Schedule> {
  const {state} = await loadConfig(CONCURRENT, {now: NOW})
  return state!.schedules.get('ops-shifts')!
}

function editRotation(s: Schedule, index: number, edit: (r: ShiftRotation) => ShiftRotation): Schedule {
  return {...s, rotations: s.rotations!.map((r, i) => (i === index ? edit(r) : r))}
}

describe('shift previews of shift-based schedule changes (concurrent rotations)', () => {
  it('swapping the secondary rotation’s members: who gains and loses which days, everyone on call now before → after', async () => {
    const before = await fixture()
    const after = editRotation(before, 1, (r) => ({...r, events: r.events.map((e) => ({...e, members: ['emil@example.com', 'dora@example.com']}))}))
    const p = previewSchedule('ops-shifts', 'update', before, after, OPTIONS)
    expect(p.onCallNow).toEqual({before: ['anna@example.com', 'dora@example.com'], after: ['anna@example.com', 'emil@example.com']})
    // Anna's primary week is untouched although she is on call alongside both.
    expect(p.people.map((x) => x.user)).toEqual(['dora@example.com', 'emil@example.com'])
    const dora = p.people[0]!
    // Dora had Mon, Wed, Fri, Sun (Monday from 08:30, the window's start) and now has Tue, Thu, Sat
    // and the first half hour of next Monday (the 7-day window ends at 08:30).
    expect(dora.lost.map((i) => i.start)).toEqual(['2026-03-02T07:30:00.000Z', '2026-03-04T07:00:00.000Z', '2026-03-06T07:00:00.000Z', '2026-03-08T07:00:00.000Z'])
    expect(dora.gained.map((i) => i.start)).toEqual(['2026-03-03T07:00:00.000Z', '2026-03-05T07:00:00.000Z', '2026-03-07T07:00:00.000Z', '2026-03-09T07:00:00.000Z'])
    expect(p.people[1]!.gained).toEqual(dora.lost)
    expect(shiftPreviewView(p).nowLine).toBe('On call now: Anna, Dora → Anna, Emil')
    // Both rotations' shifts are listed side by side: 8 primary and 8 secondary days (next Monday's
    // first half hour included), 2 release-window members.
    expect(p.shiftCounts).toEqual({before: 18, after: 18})
  })

  it('adding a member to an everyone event: they gain the window, nobody loses it; now unchanged', async () => {
    const before = await fixture()
    const after = editRotation(before, 2, (r) => ({...r, events: r.events.map((e) => ({...e, members: [...e.members, 'dora@example.com']}))}))
    const p = previewSchedule('ops-shifts', 'update', before, after, OPTIONS)
    expect(p.people).toEqual([{user: 'dora@example.com', gained: [{start: '2026-03-05T13:00:00.000Z', end: '2026-03-05T15:00:00.000Z'}], lost: []}])
    expect(p.loadDeltas?.map((d) => [d.user, d.before.hours, d.after.hours])).toEqual([['dora@example.com', 47.5, 49.5]])
    expect(shiftPreviewView(p).nowLine).toBe('On call now: Anna, Dora (unchanged)')
  })

  it('a layer-based side and a shift-based side (a migration) compare person-time; layer previews keep their shape', async () => {
    const after = await fixture()
    const before: Schedule = {
      ...after,
      rotations: undefined,
      layers: [{name: 'Weekly', users: ['anna@example.com', 'ben@example.com'], turnSeconds: 7 * 86_400, rotationStart: '2026-03-02T08:00', start: '2026-03-02T08:00', end: null, restrictions: []}],
    }
    delete (before as {rotations?: unknown}).rotations
    const p = previewSchedule('ops-shifts', 'update', before, after, OPTIONS)
    expect(p.onCallNow).toEqual({before: ['anna@example.com'], after: ['anna@example.com', 'dora@example.com']})
    expect(shiftPreviewView(p).nowLine).toBe('On call now: Anna → Anna, Dora')
    expect(previewSchedule('ops-shifts', 'update', before, before, OPTIONS)).not.toHaveProperty('onCallNow')
  })
})
