/**
 * Identity of managed resources. Everything after config loading and live-state reading
 * refers to resources by these keys (the YAML names), never by PagerDuty IDs: the IDs live
 * only in the provider's ID index.
 */
export const RESOURCE_TYPES = ['user', 'team', 'schedule', 'escalation_policy', 'service'] as const
export type ResourceType = (typeof RESOURCE_TYPES)[number]

/** `schedule:primary`, `user:aiko@example.com`, ... */
export type ResourceKey = `${ResourceType}:${string}`

export function resourceKey(type: ResourceType, key: string): ResourceKey {
  return `${type}:${key}`
}

export function parseResourceKey(rk: ResourceKey): {type: ResourceType; key: string} {
  const i = rk.indexOf(':')
  return {type: rk.slice(0, i) as ResourceType, key: rk.slice(i + 1)}
}

/** Order in which resource types depend on each other: create parents first, delete in reverse. */
export const DEPENDENCY_ORDER: readonly ResourceType[] = RESOURCE_TYPES
