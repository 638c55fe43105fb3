import type {ResourceType} from '../../model/keys.js'
import {COLLECTION_OF, type LiveState} from '../../plan/live-state.js'
import type {PdEscalationRule, PdScheduleLayer, RawAccount} from './dto.js'
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

  /** Build from a mapped live state; `layers` (from liveLayerRefs) supplies the schedules' layer IDs. */
  static fromLive(live: LiveState, owner: string, layers?: ReadonlyMap<string, readonly LiveLayerRef[]>): IdIndex {
    const index = new IdIndex()
    for (const [email, user] of live.users) index.record('user', email, user.id)
    for (const type of Object.keys(COLLECTION_OF) as (keyof typeof COLLECTION_OF)[]) {
      for (const resource of live[COLLECTION_OF[type]]) {
        if (resource.owner === owner) index.#offer(type, resource.value.key, resource.id, 2)
        else if (resource.owner === null) index.#offer(type, resource.value.key, resource.id, 1)
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

  #offer(type: ResourceType, key: string, id: string, rank: number): void {
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

function slot(type: ResourceType, key: string): string {
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
