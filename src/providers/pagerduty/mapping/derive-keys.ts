/**
 * Keys for live objects that carry no ownership marker (made by hand or by another tool): a
 * slug of the name, so plans and `oncall import` can talk about them. Marked objects keep the
 * key written in their marker. The diff matches unmarked objects to config objects by name, so
 * these keys only need to be valid, stable and unique.
 */

const MAX_KEY_LENGTH = 64

/** `Consumer App - Primary` → `consumer-app-primary` (lower-case, non-alphanumeric runs → `-`, trimmed, ≤ 64). */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_KEY_LENGTH)
    .replace(/-+$/, '')
}

export interface KeyCandidate {
  readonly id: string
  readonly name: string
  /** Key from the ownership marker, or null for an unmarked object. */
  readonly markedKey: string | null
}

/**
 * Keys by object id. Marked objects keep their key; unmarked ones get the slug of their name,
 * or `<slug>-2`, `<slug>-3`... when it is taken, assigned in id order so the result does not
 * depend on the order the API listed them in.
 */
export function assignKeys(candidates: readonly KeyCandidate[], fallbackPrefix: string): Map<string, string> {
  const keys = new Map<string, string>()
  const taken = new Set<string>()
  for (const c of candidates) {
    if (c.markedKey !== null) {
      keys.set(c.id, c.markedKey)
      taken.add(c.markedKey)
    }
  }
  const unmarked = candidates.filter((c) => c.markedKey === null).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  for (const c of unmarked) {
    const base = slugify(c.name) || `${fallbackPrefix}-${slugify(c.id)}`
    let key = base
    for (let n = 2; taken.has(key); n++) {
      const suffix = `-${n}`
      key = `${base.slice(0, MAX_KEY_LENGTH - suffix.length).replace(/-+$/, '')}${suffix}`
    }
    keys.set(c.id, key)
    taken.add(key)
  }
  return keys
}
