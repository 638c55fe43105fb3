import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {oracleToInstant, oracleToLocal} from './oracle.test-helper.js'
import {renderLayers, type EngineLayer, type EngineRestriction} from './render-layers.js'
import type {Shift, TimeWindow} from './shift.js'

// Property tests: the engine's output against a brute-force reference evaluated at every minute
// of the window. All inputs are whole minutes and every zone offset is a whole number of minutes,
// so every boundary the engine can produce falls on a minute and sampling minutes is exact.

const MIN = 60_000
const DAY = 86_400_000

const ZONES = ['UTC', 'Asia/Tokyo', 'America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'America/Santiago']
/** Dates near DST changes in the zones above, so windows often contain one. */
const AROUND = ['2026-03-08', '2026-11-01', '2026-03-29', '2026-10-25', '2026-04-05', '2026-10-04', '2026-09-06', '2026-01-15'].map((d) =>
  Date.parse(`${d}T00:00:00Z`),
)

const restrictionArb: fc.Arbitrary<EngineRestriction> = fc.oneof(
  fc.record({
    kind: fc.constant('daily' as const),
    startSecondOfDay: fc.integer({min: 0, max: 1439}).map((m) => m * 60),
    durationSeconds: fc.integer({min: 1, max: 1440}).map((m) => m * 60),
  }),
  fc.record({
    kind: fc.constant('weekly' as const),
    startDay: fc.constantFrom(1, 2, 3, 4, 5, 6, 7 as const),
    startSecondOfDay: fc.integer({min: 0, max: 1439}).map((m) => m * 60),
    durationSeconds: fc.integer({min: 1, max: 7 * 1440}).map((m) => m * 60),
  }),
)

const caseArb = fc
  .record({
    zone: fc.constantFrom(...ZONES),
    around: fc.constantFrom(...AROUND),
    shiftMinutes: fc.integer({min: -3 * 1440, max: 3 * 1440}),
    lengthMinutes: fc.integer({min: 1, max: 4 * 1440}),
  })
  .chain(({zone, around, shiftMinutes, lengthMinutes}) => {
    const start = around + shiftMinutes * MIN
    const window: TimeWindow = {start, end: start + lengthMinutes * MIN}
    const layerArb: fc.Arbitrary<EngineLayer> = fc
      .record({
        users: fc.array(fc.constantFrom('a', 'b', 'c', 'd'), {minLength: 1, maxLength: 4}),
        turnSeconds: fc.oneof(
          fc.constantFrom(3600, 43_200, 86_400, 604_800),
          fc.integer({min: 60, max: 3 * 1440}).map((m) => m * 60),
        ),
        anchorMinutes: fc.integer({min: -30 * 1440, max: 5 * 1440}),
        startMinutes: fc.integer({min: -5 * 1440, max: 5 * 1440}),
        endMinutes: fc.option(fc.integer({min: 1, max: 8 * 1440})),
        restrictions: fc.array(restrictionArb, {maxLength: 3}),
      })
      .map((r) => {
        const layerStart = start + r.startMinutes * MIN
        return {
          users: r.users,
          turnSeconds: r.turnSeconds,
          rotationStart: start + r.anchorMinutes * MIN,
          start: layerStart,
          end: r.endMinutes === null ? null : layerStart + r.endMinutes * MIN,
          restrictions: r.restrictions,
        }
      })
    return fc.record({
      zone: fc.constant(zone),
      window: fc.constant(window),
      layers: fc.array(layerArb, {minLength: 1, maxLength: 3}),
    })
  })

/** Who a layer puts on call at each minute of the window (null: nobody), computed naively. */
function referenceLayer(zone: string, layer: EngineLayer, window: TimeWindow): (string | null)[] {
  const n = layer.users.length
  const turn = layer.turnSeconds * 1000
  const anchor = oracleToLocal(zone, layer.rotationStart)
  const boundary = (k: number): number => oracleToInstant(zone, anchor + k * turn)
  // Start a few turns early and walk forward: no cleverness about which turn holds the window start.
  let k = Math.floor((oracleToLocal(zone, window.start) - anchor) / turn) - 3
  while (boundary(k) > window.start) k -= 3

  // Restriction windows, enumerated day by day on the local calendar.
  const windows: [number, number][] = []
  const firstDay = Math.floor(oracleToLocal(zone, window.start) / DAY) - 8
  const lastDay = Math.floor(oracleToLocal(zone, window.end) / DAY) + 1
  for (const r of layer.restrictions) {
    for (let d = firstDay; d <= lastDay; d++) {
      const weekday = new Date(d * DAY).getUTCDay() || 7
      if (r.kind === 'weekly' && weekday !== r.startDay) continue
      const localStart = d * DAY + r.startSecondOfDay * 1000
      windows.push([oracleToInstant(zone, localStart), oracleToInstant(zone, localStart + r.durationSeconds * 1000)])
    }
  }

  const out: (string | null)[] = []
  let current = boundary(k)
  let next = boundary(k + 1)
  for (let t = window.start; t < window.end; t += MIN) {
    while (next <= t) {
      k++
      current = next
      next = boundary(k + 1)
    }
    const counting = t >= layer.start && (layer.end === null || t < layer.end)
    const visible = layer.restrictions.length === 0 || windows.some(([s, e]) => s <= t && t < e)
    out.push(counting && visible && current <= t ? (layer.users[(((k % n) + n) % n)] as string) : null)
  }
  return out
}

/** The user each minute of the window according to a list of shifts. */
function sample(shifts: readonly Shift[], window: TimeWindow): (string | null)[] {
  const out: (string | null)[] = []
  let i = 0
  for (let t = window.start; t < window.end; t += MIN) {
    while (i < shifts.length && (shifts[i] as Shift).end <= t) i++
    const s = shifts[i]
    out.push(s !== undefined && s.start <= t ? s.user : null)
  }
  return out
}

function expectWellFormed(shifts: readonly Shift[], window: TimeWindow): void {
  shifts.forEach((s, i) => {
    expect(s.end).toBeGreaterThan(s.start)
    expect(s.start).toBeGreaterThanOrEqual(window.start)
    expect(s.end).toBeLessThanOrEqual(window.end)
    const prev = shifts[i - 1]
    if (prev !== undefined) {
      expect(s.start).toBeGreaterThanOrEqual(prev.end) // sorted, no overlap
      if (s.start === prev.end) expect(s.user).not.toBe(prev.user) // contiguous same user is merged
    }
  })
}

describe('renderLayers (properties)', () => {
  it('shifts are sorted, never overlap, stay in the window and match a minute-by-minute reference', () => {
    fc.assert(
      fc.property(caseArb, ({zone, window, layers}) => {
        const rendered = renderLayers(zone, layers, window)
        const perLayer = layers.map((l) => referenceLayer(zone, l, window))
        rendered.layers.forEach((shifts, i) => {
          expectWellFormed(shifts, window)
          expect(shifts.every((s) => s.layer === i)).toBe(true)
          expect(sample(shifts, window)).toEqual(perLayer[i])
        })
        expectWellFormed(rendered.final, window)
        // Final: the highest layer with someone wins; so coverage is exactly the union of layers.
        const expected = perLayer[0]?.map((_, m) => {
          for (let l = perLayer.length - 1; l >= 0; l--) {
            const u = perLayer[l]?.[m]
            if (u !== null && u !== undefined) return u
          }
          return null
        })
        expect(sample(rendered.final, window)).toEqual(expected)
      }),
      {numRuns: 150},
    )
  })

  it('is deterministic: the same input gives identical output', () => {
    fc.assert(
      fc.property(caseArb, ({zone, window, layers}) => {
        expect(renderLayers(zone, layers, window)).toEqual(renderLayers(zone, layers, window))
      }),
      {numRuns: 20},
    )
  })
})
