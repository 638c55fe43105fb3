import type {OnCallState} from '../../../model/state.js'
import type {RawAccount} from '../dto.js'
import {parseDescription} from '../ownership.js'
import type {LayerOrderOnRead} from './from-pd-context.js'
import {hasEnded} from './live-layers.js'

/**
 * Which way round this account lists schedule layers, judged from the schedules this config
 * wrote. PagerDuty documents (through its own scripts and terraform provider) that GET lists
 * layers highest first, the reverse of the write order; a PagerDuty engineer has a pending
 * "layer order fix". If it ever lands, reversing would swap every layer of every schedule, and
 * an update would then write each layer's content into its neighbour's ID. So instead of trusting
 * either order blindly, each owned schedule whose current layer names are distinct and differ from
 * their own reverse votes: names read equal to the config reversed → `highest-first`; equal to the
 * config as written → `as-written`. The majority wins; no votes (new configs, single layers,
 * edited names) or a tie keep the documented `highest-first`.
 *
 * Use the result for both liveStateFromRaw and liveLayerRefs, so mapping and layer-ID pairing agree.
 */
export function detectLayerOrderOnRead(raw: RawAccount, desired: OnCallState, owner: string, now: Date): LayerOrderOnRead {
  let reversed = 0
  let asWritten = 0
  for (const schedule of raw.schedules) {
    const marker = parseDescription(schedule.description).marker
    if (marker?.owner !== owner) continue
    const wanted = desired.schedules.get(marker.key)?.layers.map((l) => l.name)
    const read = (schedule.schedule_layers ?? []).filter((l) => !hasEnded(l, now.getTime())).map((l) => l.name ?? '')
    if (wanted === undefined || !informative(read)) continue
    if (same(read, [...wanted].reverse())) reversed++
    else if (same(read, wanted)) asWritten++
  }
  return asWritten > reversed ? 'as-written' : 'highest-first'
}

/** Distinct names in an order that differs from its reverse (two or more layers). */
function informative(names: readonly string[]): boolean {
  return names.length >= 2 && new Set(names).size === names.length
}

function same(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i])
}
