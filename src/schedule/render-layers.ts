import {stackLayers} from './final-schedule.js'
import {layerShifts, type AnchoredLayer} from './layer-shifts.js'
import type {Shift, TimeWindow} from './shift.js'
import {ZoneClock} from './zone-clock.js'

/**
 * A restriction in the engine's terms (PagerDuty's wire shape, decoded). Windows are on the
 * schedule's local wall clock; they only hide time from a layer.
 * `daily`: every day from `startSecondOfDay` for `durationSeconds` (may cross midnight).
 * `weekly`: from ISO weekday `startDay` (1 = Monday) at `startSecondOfDay` for `durationSeconds`
 * (may span days and wrap the week).
 */
export interface EngineRestriction {
  readonly kind: 'daily' | 'weekly'
  /** ISO weekday 1..7, weekly restrictions only. */
  readonly startDay?: 1 | 2 | 3 | 4 | 5 | 6 | 7
  readonly startSecondOfDay: number
  readonly durationSeconds: number
}

/** One layer with instants as epoch ms (PagerDuty's rotation_virtual_start, start, end). */
export interface EngineLayer {
  readonly users: readonly string[]
  readonly turnSeconds: number
  /** users[0]'s turn begins here (epoch ms); its local wall-clock time anchors every handoff. */
  readonly rotationStart: number
  /** The layer counts from here (epoch ms). */
  readonly start: number
  /** The layer stops counting here (epoch ms), or null for never. */
  readonly end: number | null
  readonly restrictions: readonly EngineRestriction[]
}

export interface RenderedSchedule {
  /** Who is on call, higher layers winning; contiguous pieces of one user merged. */
  readonly final: Shift[]
  /** Per layer (same order as the input), the layer's own shifts. */
  readonly layers: Shift[][]
}

/**
 * Renders layers written in order (index 0 = lowest precedence, last wins) within `window`,
 * on the wall clock of the IANA zone `timeZone` (rules: rotation.ts, restriction-windows.ts).
 * Shifts are clipped to the window. Per-layer output merges contiguous pieces of one user, like
 * the final schedule does. Throws on an unknown zone.
 */
export function renderLayers(timeZone: string, layers: readonly EngineLayer[], window: TimeWindow): RenderedSchedule {
  const clock = ZoneClock.of(timeZone)
  return renderAnchoredLayers(
    clock,
    layers.map(({rotationStart, ...rest}) => ({...rest, anchorLocal: clock.toLocal(rotationStart)})),
    window,
  )
}

/**
 * The same with anchors given as local naive times. The model states anchors on the local clock;
 * passing them through an instant would lose a handoff written inside a skipped hour.
 */
export function renderAnchoredLayers(
  clock: ZoneClock,
  layers: readonly AnchoredLayer[],
  window: TimeWindow,
): RenderedSchedule {
  const rendered = layers.map((layer, index) => layerShifts(clock, layer, index, window))
  return {final: stackLayers(rendered), layers: rendered}
}
