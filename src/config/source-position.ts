import {isAlias, isMap, isScalar, isSeq, type Document, type LineCounter, type Node, type Pair, type YAMLMap} from 'yaml'

export interface SourcePosition {
  readonly file: string
  /** 1-based. */
  readonly line: number
  /** 1-based. */
  readonly col: number
}

export type DataPath = readonly (string | number)[]

/**
 * Position of the node at `path` in one file's document: the value, or the key when `key` is
 * set (better for "unknown field" and for whole entries). When the path leaves the document
 * (a missing property), the deepest existing node is used.
 */
export function positionOf(
  file: string,
  doc: Document,
  lineCounter: LineCounter,
  path: DataPath,
  options: {key?: boolean} = {},
): SourcePosition {
  let node: unknown = doc.contents
  let offset = (doc.contents as Node | null)?.range?.[0] ?? 0
  for (let i = 0; i < path.length; i++) {
    const segment = path[i]
    if (isAlias(node)) node = node.resolve(doc)
    const last = i === path.length - 1
    if (isMap(node)) {
      const pair = findPair(doc, node, String(segment))
      if (!pair) break
      const keyOffset = (pair.key as Node).range?.[0]
      if (last && options.key && keyOffset !== undefined) {
        offset = keyOffset
        break
      }
      node = pair.value
      const valueOffset = (pair.value as Node | null)?.range?.[0]
      offset = valueOffset ?? keyOffset ?? offset
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment] as Node | undefined
      if (!item) break
      node = item
      offset = item.range?.[0] ?? offset
    } else break
  }
  return {file, ...lineCounter.linePos(offset)}
}

/**
 * The pair for `key` in a mapping, or in the mappings it merges with `<<: *anchor` (the value then
 * comes from the anchor, e.g. under `templates:`, and that is where a problem with it is written).
 */
function findPair(doc: Document, map: YAMLMap, key: string, depth = 0): Pair | undefined {
  const own = map.items.find((p) => isScalar(p.key) && String(p.key.value) === key)
  if (own || depth > 10) return own
  for (const p of map.items) {
    // yaml parses a merge key as a Scalar whose value is a symbol (`Symbol(<<)`).
    if (!isScalar(p.key) || (typeof p.key.value !== 'symbol' && p.key.value !== '<<')) continue
    const sources = isSeq(p.value) ? p.value.items : [p.value]
    for (const source of sources) {
      const target = isAlias(source) ? source.resolve(doc) : source
      const found = isMap(target) ? findPair(doc, target, key, depth + 1) : undefined
      if (found) return found
    }
  }
  return undefined
}

/** `schedules.primary.layers[0].turn` */
export function formatPath(path: DataPath): string {
  let out = ''
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`
    else out += out === '' ? segment : `.${segment}`
  }
  return out
}
