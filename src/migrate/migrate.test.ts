import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {aLayer, aSchedule} from '../../test/builders.js'
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
  it('every layer schedule of examples/starter and follow-the-sun migrates identically (London crosses its March switch)', async () => {
    for (const [dir, key] of [
      ['starter', 'platform-primary'],
      ['follow-the-sun', 'payments-tokyo'],
      ['follow-the-sun', 'payments-london'],
    ] as const) {
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

  it('explains what it cannot express and lists each difference: a window across the handoff, layer precedence, an ended layer', () => {
    const schedule = aSchedule({
      timeZone: 'Asia/Tokyo',
      layers: [
        aLayer({name: 'Old', users: ['z'], turnSeconds: 604_800, rotationStart: '2025-01-06T10:00', start: '2025-01-06T10:00', end: '2025-06-01T00:00', restrictions: []}),
        aLayer({name: 'Base', users: ['a', 'b'], turnSeconds: 604_800, rotationStart: '2026-01-05T10:00', start: '2026-01-05T10:00', end: null, restrictions: []}),
        aLayer({name: 'Day', users: ['c', 'd'], turnSeconds: 604_800, rotationStart: '2026-01-05T10:00', start: '2026-01-05T10:00', end: null, restrictions: [{kind: 'daily', start: '09:00', durationMinutes: 540}]}),
      ],
    })
    const {conversion, differences} = prove(schedule, 1)
    expect(conversion.notes.map((n) => n.split(':')[0])).toEqual(['layer `Old` has ended', 'layer `Day`', 'layer `Day` sits above other layers'])
    expect(conversion.notes[1]).toMatch(/crosses the handoff/)
    // Precedence: the Base person shows as on call during Day's windows in the shift-based form.
    expect(differences.some((d) => d.onlyIn === 'shifts')).toBe(true)
    // The Monday 09:00–10:00 piece goes to the next week's Day person in the shift-based form.
    expect(differences.some((d) => d.onlyIn === 'layers' && (d.user === 'c' || d.user === 'd'))).toBe(true)
  })
})
