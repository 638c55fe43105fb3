import type {ResourceType} from '../model/keys.js'
import type {Resource} from './change.js'
import type {LiveResource, LiveState} from './live-state.js'

/**
 * Live objects by `type:id`. PagerDuty IDs are unique per type, not across types, so the type is
 * part of the index key.
 */
export function indexLiveById(live: LiveState): Map<string, LiveResource<Resource>> {
  const byId = new Map<string, LiveResource<Resource>>()
  for (const u of live.users.values()) byId.set(liveIdKey('user', u.id), u)
  for (const l of live.teams) byId.set(liveIdKey('team', l.id), l)
  for (const l of live.schedules) byId.set(liveIdKey('schedule', l.id), l)
  for (const l of live.escalationPolicies) byId.set(liveIdKey('escalation_policy', l.id), l)
  for (const l of live.services) byId.set(liveIdKey('service', l.id), l)
  return byId
}

export function liveIdKey(type: ResourceType, id: string): string {
  return `${type}:${id}`
}
