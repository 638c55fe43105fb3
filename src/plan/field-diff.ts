import type {ResourceType} from '../model/keys.js'
import type {FieldChange, Resource} from './change.js'
import {canonicalJson} from './canonical-json.js'
import {humanFields, type HumanField} from './human-fields.js'

/**
 * The fields that differ between a live value and a desired value, in human form. Paths are
 * listed in the desired value's order; paths only the live side has (a removed layer or rule)
 * follow. A path missing on one side shows as null there.
 *
 * `ignore` names paths the desired side does not manage (a user's time zone or role when the
 * config does not declare them).
 */
export function diffFields(
  type: ResourceType,
  before: Resource,
  after: Resource,
  ignore: ReadonlySet<string> = new Set(),
): FieldChange[] {
  const beforeFields = toMap(humanFields(type, before))
  const afterFields = toMap(humanFields(type, after))
  const paths = [...afterFields.keys(), ...[...beforeFields.keys()].filter((p) => !afterFields.has(p))]
  const changes: FieldChange[] = []
  for (const path of paths) {
    if (ignore.has(path)) continue
    const b = beforeFields.get(path) ?? null
    const a = afterFields.get(path) ?? null
    // A path only one side has (an added or removed layer or rule) says nothing when it is empty there.
    if (!(beforeFields.has(path) && afterFields.has(path)) && isEmpty(a) && isEmpty(b)) continue
    if (canonicalJson(b) !== canonicalJson(a)) changes.push({path, before: b, after: a})
  }
  return changes
}

/** Every set field of a value being created or deleted (empty text and lists left out), as changes from / to nothing. */
export function allFields(type: ResourceType, value: Resource, side: 'before' | 'after'): FieldChange[] {
  return humanFields(type, value)
    .filter((f) => !isEmpty(f.value))
    .map((f) => (side === 'after' ? {path: f.path, before: null, after: f.value} : {path: f.path, before: f.value, after: null}))
}

function isEmpty(v: HumanField['value']): boolean {
  return v === null || v === '' || (Array.isArray(v) && v.length === 0)
}

function toMap(fields: readonly HumanField[]): Map<string, HumanField['value']> {
  return new Map(fields.map((f) => [f.path, f.value]))
}
