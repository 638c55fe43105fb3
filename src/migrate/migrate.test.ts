import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {aLayer, aSchedule} from '../../test/builders.js'
import {loadDesiredState} from '../app/load-desired-state.js'
import {migrateSchedule, renderMigrationText} from '../app/migrate-schedule.js'
import {normalizeRotations} from '../config/shift-based.js'
import {ZoneClock} from '../schedule/zone-clock.js'
import {layerScheduleToShiftBased} from './layer-to-shift.js'
import {compareForms} from './prove.js'

const NOW = new Date('2026-03-02T00:00:00Z')
const WEEK = 7 * 86_400_000

function prove(schedule: ReturnType<typeof aSchedule>, weeks = 12) {
  const clock = ZoneClock.of(schedule.timeZone)
  const conversion = layerScheduleToShiftBased(schedule, NOW.getTime(), (t) => clock.toLocal(t))
  const rotations = normalizeRotations(conversion.rotations, schedule.timeZone, (e) => e, (z) => z)
  const differences = compareForms(schedule, {...schedule, layers: [], rotations}, {start: NOW.getTime(), end: NOW.getTime() + weeks * WEEK})
  return {conversion, differences}
}

describe('migrate: layer schedule → shift-based form, with proof', () => {
  it('every layer schedule of examples/ migrates identically (London crosses its March switch; retail-org has business hours above weekly rotations)', async () => {
    const all: [string, string][] = []
    for (const dir of ['starter', 'follow-the-sun', 'retail-org']) {
      const {state} = await loadDesiredState(join(process.cwd(), 'examples', dir), NOW)
      for (const s of state.schedules.values()) if (s.rotations === undefined) all.push([dir, s.key])
    }
    expect(all.length).toBe(9)
    for (const [dir, key] of all) {
      const r = await migrateSchedule(join(process.cwd(), 'examples', dir), key, {now: NOW, weeks: 12})
      expect(r.differences, `${dir}/${key}`).toEqual([])
      expect(renderMigrationText(r)).toContain('proof: identical for 12 weeks')
    }
    const london = await migrateSchedule(join(process.cwd(), 'examples', 'follow-the-sun'), 'payments-london', {now: NOW, weeks: 12})
    expect(london.dstSwitch).toBe(Date.parse('2026-03-29T01:00:00Z'))
  })

  it('a window is extended to cross the next DST switch', async () => {
    const r = await migrateSchedule(join(process.cwd(), 'examples', 'follow-the-sun'), 'payments-london', {now: NOW, weeks: 2})
    expect(r.window.end).toBeGreaterThan(Date.parse('2026-03-29T01:00:00Z'))
    expect(r.differences).toEqual([])
  })

  it('keeps each turn\'s person when the layer starts between handoffs (rotated members, effective_from) and across a DST switch', () => {
    const schedule = aSchedule({
      timeZone: 'America/New_York',
      layers: [aLayer({users: ['a', 'b', 'c'], turnSeconds: 86_400, rotationStart: '2026-01-01T09:00', start: '2026-02-10T15:00', end: null, restrictions: []})],
    })
    const {conversion, differences} = prove(schedule)
    expect(conversion.rotations[0]?.events[0]).toMatchObject({start: '2026-02-10T09:00', end: '2026-02-11T09:00', repeat: 'daily', effective_from: '2026-02-10T15:00'})
    // 2026-01-01 + 40 days → turn 40 → 40 mod 3 = 1 → b first.
    expect(conversion.rotations[0]?.events[0]?.members).toEqual(['b', 'c', 'a'])
    expect(differences).toEqual([])
  })

  it('weekday restrictions within a weekly turn map exactly (one weekly event per window); more than 5 windows split into concurrent rotations', () => {
    const days = [1, 2, 3, 4, 5, 6].map((d) => ({kind: 'weekly' as const, startDay: d as 1 | 2 | 3 | 4 | 5 | 6, start: '12:00', durationMinutes: 120}))
    const schedule = aSchedule({
      timeZone: 'Europe/Berlin',
      layers: [aLayer({users: ['a', 'b'], turnSeconds: 604_800, rotationStart: '2026-01-05T09:00', start: '2026-01-05T09:00', end: null, restrictions: days})],
    })
    const {conversion, differences} = prove(schedule)
    expect(conversion.rotations.map((r) => r.events.length)).toEqual([5, 1])
    expect(conversion.notes).toEqual([])
    expect(differences).toEqual([])
  })

  it('is exact where the forms allow it: a window across the handoff, layer precedence (cut out of the layer below), an ended layer left out', () => {
    const schedule = aSchedule({
      timeZone: 'Asia/Tokyo',
      layers: [
        aLayer({name: 'Old', users: ['z'], turnSeconds: 604_800, rotationStart: '2025-01-06T10:00', start: '2025-01-06T10:00', end: '2025-06-01T00:00', restrictions: []}),
        aLayer({name: 'Base', users: ['a', 'b'], turnSeconds: 604_800, rotationStart: '2026-01-05T10:00', start: '2026-01-05T10:00', end: null, restrictions: []}),
        aLayer({name: 'Day', users: ['c', 'd'], turnSeconds: 604_800, rotationStart: '2026-01-05T10:00', start: '2026-01-05T10:00', end: null, restrictions: [{kind: 'daily', start: '09:00', durationMinutes: 540}]}),
      ],
    })
    const {conversion, differences} = prove(schedule, 3)
    expect(conversion.notes).toEqual(['layer `Old` has ended: not migrated (its history stays on the layer-based schedule)'])
    expect(differences).toEqual([])
    // Base keeps only the nights (18:00–09:00, cut at the Monday 10:00 handoff); Day's Monday window is cut there too.
    expect(conversion.rotations.map((r) => r.name)).toEqual(['Base', 'Base (2)', 'Day', 'Day (2)'])
    expect(conversion.rotations[0]?.events[0]).toMatchObject({start: '2026-01-05T18:00', end: '2026-01-06T09:00', repeat: 'weekly', members: ['a', 'b']})
  })

  it('daily turns with weekday windows: one weekly event per weekday, members in the order the days come round', () => {
    const weekdays = [1, 2, 3, 4, 5].map((d) => ({kind: 'weekly' as const, startDay: d as 1 | 2 | 3 | 4 | 5, start: '09:00', durationMinutes: 540}))
    const schedule = aSchedule({
      timeZone: 'Europe/Berlin',
      layers: [aLayer({users: ['a', 'b', 'c'], turnSeconds: 86_400, rotationStart: '2026-01-05T09:00', start: '2026-01-05T09:00', end: null, restrictions: weekdays})],
    })
    const {conversion, differences} = prove(schedule)
    expect(differences).toEqual([])
    expect(conversion.notes).toEqual([])
    // Monday of week w is day 7w: users[7w mod 3] → a, b, c, a, …; Tuesday starts one later.
    expect(conversion.rotations[0]?.events.map((e) => e.members)).toEqual([
      ['a', 'b', 'c'],
      ['b', 'c', 'a'],
      ['c', 'a', 'b'],
      ['a', 'b', 'c'],
      ['b', 'c', 'a'],
    ])
  })

  it('a layer above that starts later: the layer below gets a segment per stretch with the same layers above', () => {
    const later = aSchedule({
      timeZone: 'Asia/Tokyo',
      layers: [
        aLayer({name: 'Base', users: ['a', 'b'], turnSeconds: 604_800, rotationStart: '2026-01-05T10:00', start: '2026-01-05T10:00', end: null, restrictions: []}),
        aLayer({name: 'Day', users: ['c', 'd'], turnSeconds: 604_800, rotationStart: '2026-03-16T10:00', start: '2026-03-16T10:00', end: '2026-04-13T10:00', restrictions: [{kind: 'daily', start: '09:00', durationMinutes: 540}]}),
      ],
    })
    const {conversion, differences} = prove(later, 8)
    expect(conversion.notes).toEqual([])
    expect(differences).toEqual([])
    const base = conversion.rotations.filter((r) => (r.name ?? '').startsWith('Base')).flatMap((r) => r.events)
    // Until Day starts, Base around the clock; while Day runs, Base's nights; after Day ends, around the clock again.
    expect(base[0]).toMatchObject({name: 'Base', effective_until: '2026-03-16T10:00', repeat: 'weekly'})
    expect(base.filter((e) => e.name?.endsWith('(from 2026-03-16 10:00)')).every((e) => e.effective_from === '2026-03-16T10:00' && e.effective_until === '2026-04-13T10:00')).toBe(true)
    expect(base.at(-1)).toMatchObject({name: 'Base (from 2026-04-13 10:00)', effective_from: '2026-04-13T10:00'})
  })

  it('explains what it cannot express and lists each difference: a pattern beyond PagerDuty\'s limits', () => {
    // Hourly turns with a 30-hour weekly window: 30 pieces, more events than 5 rotations hold.
    const hourly = aSchedule({
      timeZone: 'Asia/Tokyo',
      layers: [aLayer({name: 'Hourly', users: ['a', 'b', 'c'], turnSeconds: 3600, rotationStart: '2026-01-05T00:00', start: '2026-01-05T00:00', end: null, restrictions: [{kind: 'weekly', startDay: 1, start: '00:00', durationMinutes: 1800}]})],
    })
    const b = prove(hourly, 2)
    expect(b.conversion.notes).toEqual([expect.stringContaining('does not fit a whole number of times into a 1-hour turn')])
    expect(b.differences.length).toBeGreaterThan(0)
  })
})
