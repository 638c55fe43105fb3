import type {ResourceType} from '../../model/keys.js'
import {COLLECTION_OF, type LiveState} from '../../plan/live-state.js'
import type {PdEscalationRule, PdScheduleLayer, RawAccount, Read} from './dto.js'
import type {PdScheduleV3} from './v3/dto-v3.js'
import type {LayerOrderOnRead} from './mapping/from-pd-context.js'
import {liveLayersInWrittenOrder} from './mapping/live-layers.js'

/**
 * Model keys → PagerDuty IDs, for apply. The model and the plan speak keys and emails only;
 * this index is the one place that knows which PagerDuty object a key means:
 *
 * - users by lower-cased email (every user of the account: configs may reference any user);
 * - other types by key, among the objects this config may touch: those marked with its owner,
 *   and unmarked ones (adoption). An object marked by another owner is never resolved, so a
 *   reference can't silently point at someone else's schedule. An owned object wins over an
 *   unmarked one with the same key.
 * - for schedules, the live layers in written order with their IDs, so an update edits layers in
 *   place and ends the ones that left the config (PagerDuty cannot delete layers).
 *
 * apply records the IDs of objects it creates (and of updated/adopted ones, from the change), so
 * later changes in the same plan resolve references to them.
 */
export class IdIndex {
  readonly #ids = new Map<string, string>()
  readonly #rank = new Map<string, number>()
  readonly #layers = new Map<string, readonly LiveLayerRef[]>()
  readonly #rules = new Map<string, readonly PdEscalationRule[]>()
  /** Shift-based (v3) schedules as read, by ID: apply pairs their rotations and events. */
  readonly #v3 = new Map<string, Read<PdScheduleV3>>()
  /** Keys the config declares shift-based: policy targets to them are `schedule_v3_reference`s. */
  #shiftBased: ReadonlySet<string> = new Set()

  /** Build from a mapped live state; `layers` (from liveLayerRefs) supplies the schedules' layer IDs. */
  static fromLive(live: LiveState, owner: string, layers?: ReadonlyMap<string, readonly LiveLayerRef[]>): IdIndex {
    const index = new IdIndex()
    for (const [email, user] of live.users) index.record('user', email, user.id)
    for (const type of Object.keys(COLLECTION_OF) as (keyof typeof COLLECTION_OF)[]) {
      for (const resource of live[COLLECTION_OF[type]]) {
        // v3 schedules have their own ID space and slot (a key may be legacy and v3 mid-migration).
        const slotType = type === 'schedule' && (resource.value as {rotations?: unknown}).rotations !== undefined ? V3 : type
        if (resource.owner === owner) index.#offer(slotType, resource.value.key, resource.id, 2)
        else if (resource.owner === null) index.#offer(slotType, resource.value.key, resource.id, 1)
      }
    }
    for (const [scheduleId, refs] of layers ?? []) index.#layers.set(scheduleId, refs)
    return index
  }

  /** Remembers the escalation rules of the policies as read (liveRulesOf), so an update can carry their unmanaged fields. */
  withLiveRules(rules: ReadonlyMap<string, readonly PdEscalationRule[]>): this {
    for (const [policyId, list] of rules) this.#rules.set(policyId, list)
    return this
  }

  /** The policy's escalation rules as the plan read them (in order), or [] when unknown. */
  liveRules(policyId: string): readonly PdEscalationRule[] {
    return this.#rules.get(policyId) ?? []
  }

  /** Remembers the v3 schedules as read (apply edits their rotations and events by ID) and which config keys are shift-based. */
  withV3Schedules(schedules: readonly Read<PdScheduleV3>[], shiftBasedKeys: Iterable<string>): this {
    for (const s of schedules) this.#v3.set(s.id, s)
    this.#shiftBased = new Set(shiftBasedKeys)
    return this
  }

  /** The v3 schedule as the plan read it, or undefined (not read, or created by this apply). */
  liveV3(scheduleId: string): Read<PdScheduleV3> | undefined {
    return this.#v3.get(scheduleId)
  }

  v3ScheduleId(key: string): string | undefined {
    return this.#ids.get(slot(V3, key))
  }

  recordV3Schedule(key: string, id: string): void {
    this.#offer(V3, key, id, 3)
  }

  /**
   * A policy target to schedule `key`: the v3 schedule when the config declares it shift-based,
   * else the layer schedule (or, for an index built without that knowledge, whichever exists).
   */
  scheduleTarget(key: string): {id: string; type: 'schedule_reference' | 'schedule_v3_reference'} {
    const v3 = this.v3ScheduleId(key)
    if (this.#shiftBased.has(key) || (v3 !== undefined && this.id('schedule', key) === undefined)) {
      if (v3 === undefined) throw new Error(`schedule "${key}" not found in PagerDuty (or owned by another config)`)
      return {id: v3, type: 'schedule_v3_reference'}
    }
    return {id: this.requireId('schedule', key), type: 'schedule_reference'}
  }

  id(type: ResourceType, key: string): string | undefined {
    return this.#ids.get(slot(type, key))
  }

  /** The ID of a referenced object; throws when the account has none the config may use. */
  requireId(type: ResourceType, key: string): string {
    const id = this.id(type, key)
    if (id === undefined) {
      const what = type === 'user' ? `user ${key}` : `${type.replace('_', ' ')} "${key}"`
      throw new Error(`${what} not found in PagerDuty (or owned by another config)`)
    }
    return id
  }

  /** Records a definite ID (created, updated or adopted by this apply): it beats anything read. */
  record(type: ResourceType, key: string, id: string): void {
    this.#offer(type, key, id, 3)
  }

  /**
   * The schedule's live (not ended) layers in written order, index 0 = Layer 1; undefined when
   * the index was built without layer information for it (updating it then would duplicate layers).
   */
  liveLayers(scheduleId: string): readonly LiveLayerRef[] | undefined {
    return this.#layers.get(scheduleId)
  }

  #offer(type: ResourceType | typeof V3, key: string, id: string, rank: number): void {
    const k = slot(type, key)
    if ((this.#rank.get(k) ?? 0) > rank) return
    this.#ids.set(k, id)
    this.#rank.set(k, rank)
  }
}

export interface LiveLayerRef {
  readonly id: string
  /** The layer as read (needed to end it: PagerDuty wants the whole layer back). */
  readonly layer: PdScheduleLayer
}

/** The slot type of shift-based schedules (not a ResourceType: plans call both kinds `schedule`). */
const V3 = 'schedule_v3'

function slot(type: ResourceType | typeof V3, key: string): string {
  return `${type}:${type === 'user' ? key.toLowerCase() : key}`
}

/** The escalation rules of every policy of the raw account, by policy ID. */
export function liveRulesOf(raw: RawAccount): Map<string, readonly PdEscalationRule[]> {
  return new Map(raw.escalationPolicies.map((p) => [p.id, p.escalation_rules]))
}

/** Layer IDs of every schedule of the raw account, in written order, ended layers left out. */
export function liveLayerRefs(
  raw: RawAccount,
  now: Date,
  order: LayerOrderOnRead = 'highest-first',
): Map<string, readonly LiveLayerRef[]> {
  const refs = new Map<string, readonly LiveLayerRef[]>()
  for (const schedule of raw.schedules) {
    const layers = liveLayersInWrittenOrder(schedule.schedule_layers ?? [], now.getTime(), order)
    refs.set(
      schedule.id,
      layers.flatMap((layer) => (layer.id ? [{id: layer.id, layer}] : [])),
    )
  }
  return refs
}
