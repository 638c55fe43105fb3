import type {PdScheduleLayer} from '../dto.js'
import type {LayerOrderOnRead} from './from-pd-context.js'
import {parseInstant} from './wall-clock.js'

/**
 * The layers of a schedule as read from PagerDuty, turned back into the order they were written
 * in (index 0 = Layer 1, the lowest) with history removed.
 *
 * - Order: POST/PUT take layers lowest first, but GET returns them highest first (PagerDuty's
 *   own support scripts, its terraform provider and the grafana migrator all reverse them), so
 *   the read order is reversed. It is a parameter rather than a constant because a PagerDuty
 *   engineer has a pending "layer order fix"; if it lands, `as-written` switches it off in one place.
 *   Everything that needs the written order (mapping to the model, matching layer IDs for an
 *   update) goes through this one function, so reading and writing cannot disagree.
 * - History: PagerDuty never deletes layers, it ends them. A layer whose `end` is at or before
 *   `now` no longer counts and is not part of the model (as in terraform's reader); nor is one
 *   cut to a minute (how apply removes a layer that has not started yet).
 */
export function liveLayersInWrittenOrder<L extends PdScheduleLayer>(
  layers: readonly L[],
  now: number,
  order: LayerOrderOnRead,
): L[] {
  const current = layers.filter((layer) => !hasEnded(layer, now))
  return order === 'highest-first' ? current.reverse() : current
}

/**
 * How apply removes a layer that has not started yet (schedule-to-pd.ts endedLayer): it cannot
 * end before it starts, so it is cut to this length and masked. No real layer is this short.
 */
export const NEUTRALISED_LAYER_MS = 60_000

/** Ended at or before `now`, or cut to at most a minute (a removed layer that had not started yet). */
export function hasEnded(layer: PdScheduleLayer, now: number): boolean {
  if (layer.end === null || layer.end === undefined || layer.end === '') return false
  const end = parseInstant(layer.end)
  return end <= now || end - parseInstant(layer.start) <= NEUTRALISED_LAYER_MS
}
