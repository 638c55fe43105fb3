import {DEPENDENCY_ORDER} from '../model/keys.js'
import type {Change} from './change.js'
import {compareStrings} from './canonical-json.js'

/**
 * Dependency order for apply: creates, updates and adoptions parents first (users → teams →
 * schedules → escalation policies → services), then deletes children first (services → policies
 * → schedules → teams), so nothing is ever deleted while something we keep still points at it
 * and nothing is created before what it points at. Within a type, by key: deterministic.
 */
export function sortChanges(changes: readonly Change[]): Change[] {
  return [...changes].sort((a, b) => dependencyRank(a) - dependencyRank(b) || compareStrings(a.key, b.key))
}

/**
 * The change's place in dependency order. Changes of equal rank (same type, same direction) never
 * depend on each other, so apply runs them concurrently (providers/pagerduty/apply.ts).
 */
export function dependencyRank(c: Change): number {
  const i = DEPENDENCY_ORDER.indexOf(c.type)
  return c.kind === 'delete' ? DEPENDENCY_ORDER.length + (DEPENDENCY_ORDER.length - 1 - i) : i
}
