import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {loadConfig} from '../../config/load-config.js'
import {computeShifts} from '../compute-shifts.js'
import {peopleOf, sourceName} from '../people.js'

const EXAMPLE = join(process.cwd(), 'examples', 'shift-based')
const at = (s: string) => Date.parse(s)
const iso = (t: number) => new Date(t).toISOString().replace(':00.000Z', 'Z')

async function example() {
  const {state, diagnostics} = await loadConfig(EXAMPLE, {now: new Date('2026-03-01T00:00:00Z')})
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([])
  const schedule = state?.schedules.get('support-shifts')
  if (!state || !schedule) throw new Error('example did not load')
  return {state, schedule}
}

describe('shift-based schedules through the one engine (computeShifts)', () => {
  it('normalizes rotations: repeat forms become RRULEs, members are emails, defaults filled', async () => {
    const {schedule} = await example()
    expect(schedule.layers).toEqual([])
    expect(schedule.rotations?.map((r) => r.name)).toEqual(['Weekdays', 'Weekends', 'Evenings'])
    expect(schedule.rotations?.[0]?.events[0]).toMatchObject({
      timeZone: 'Europe/Berlin',
      start: '2026-01-05T09:00',
      recurrence: ['RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR'],
      assignment: {kind: 'rotating', shiftsPerMember: 5},
      effectiveFrom: null,
    })
    expect(schedule.rotations?.[1]?.events[0]?.recurrence).toEqual(['RRULE:FREQ=WEEKLY;BYDAY=SA,SU'])
    expect(new Set(peopleOf(schedule)).size).toBe(5)
    expect(sourceName(schedule, 2)).toBe('Evenings')
  })

  it('one week: a person per working week, weekend pairs, evenings on New York time (DST weeks apart from Berlin)', async () => {
    const {schedule} = await example()
    const week = computeShifts(schedule, {start: at('2026-03-09T00:00:00Z'), end: at('2026-03-16T00:00:00Z')})
    const rows = (i: number) => (week.layers[i] ?? []).map((s) => `${s.user.split('.')[0]} ${iso(s.start)}-${iso(s.end)}`)
    // 2026-01-05 was week 0 (lena); 9 weeks later: week 9 → 9 mod 3 = 0 → lena again.
    expect(rows(0)).toEqual(['lena 2026-03-09T08:00Z-2026-03-09T16:00Z', 'lena 2026-03-10T08:00Z-2026-03-10T16:00Z', 'lena 2026-03-11T08:00Z-2026-03-11T16:00Z', 'lena 2026-03-12T08:00Z-2026-03-12T16:00Z', 'lena 2026-03-13T08:00Z-2026-03-13T16:00Z'])
    expect(rows(1)).toEqual(['sofia 2026-03-14T09:00Z-2026-03-14T17:00Z', 'sofia 2026-03-15T09:00Z-2026-03-15T17:00Z'])
    // New York switched on 8 March, Berlin only on 29 March: evenings start at 16:00 Berlin (15:00Z) these weeks.
    expect(rows(2)[0]).toBe('omar 2026-03-09T15:00Z-2026-03-09T21:00Z')
    // final holds every rotation's shifts, in time order.
    expect(week.final.length).toBe(5 + 2 + 5)
    expect(week.final.map((s) => s.start)).toEqual([...week.final.map((s) => s.start)].sort((a, b) => a - b))
  })

  it('after both zones switch, evenings are back at 17:00 Berlin', async () => {
    const {schedule} = await example()
    const evening = computeShifts(schedule, {start: at('2026-04-06T00:00:00Z'), end: at('2026-04-07T00:00:00Z')}).layers[2] ?? []
    expect(evening.map((s) => [iso(s.start), iso(s.end)])).toEqual([['2026-04-06T15:00Z', '2026-04-06T21:00Z']])
  })
})
