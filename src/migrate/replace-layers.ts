import {Document, isMap, isScalar, isSeq, parseDocument, type Pair} from 'yaml'
import type {WrittenRotation} from '../config/written.js'

/**
 * `oncall migrate --write`: the text of a config file with schedule `key`'s `layers:` replaced by
 * `rotations:` at the same place in the schedule's mapping. Only that block's text changes: the
 * new block is spliced in at the old one's source range, so comments, flow style and line
 * layout everywhere else stay byte for byte (re-serializing the whole document would reflow
 * them), and the pull request's diff is that one block. `comment` goes on the line above
 * `rotations:` (the proof, for the reviewer).
 *
 * Returns null when this file does not define the schedule with a `layers:` key.
 */
export function replaceLayersWithRotations(text: string, key: string, rotations: readonly WrittenRotation[], comment: string): string | null {
  const doc = parseDocument(text)
  if (doc.errors.length > 0) return null
  const schedule = doc.getIn(['schedules', key], true)
  if (!isMap(schedule)) return null
  const pair = (schedule.items as Pair[]).find((p) => (isScalar(p.key) ? p.key.value : p.key) === 'layers')
  if (pair === undefined || !isScalar(pair.key) || pair.key.range == null) return null
  const value = pair.value as {range?: [number, number, number] | null} | null
  const from = pair.key.range[0]
  const to = value?.range?.[1] ?? pair.key.range[2]
  const column = from - (text.lastIndexOf('\n', from - 1) + 1)
  const indent = ' '.repeat(column)
  const block = renderRotations(rotations)
    .trimEnd()
    .split('\n')
    .map((line, i) => (i === 0 || line === '' ? line : indent + line))
    .join('\n')
  const tail = text.slice(to)
  return `${text.slice(0, from)}# ${comment}\n${indent}${block}${to > 0 && text[to - 1] === '\n' ? '\n' : ''}${tail}`
}

/** `rotations:` as block YAML, without anchors, member lists inline like the examples' `users: [...]`. */
export function renderRotations(rotations: readonly WrittenRotation[]): string {
  const doc = new Document()
  doc.contents = doc.createNode({rotations: JSON.parse(JSON.stringify(rotations)) as unknown}, {aliasDuplicateObjects: false})
  inlineMemberLists(doc.contents)
  return doc.toString({lineWidth: 0, flowCollectionPadding: false})
}

function inlineMemberLists(node: unknown): void {
  if (isSeq(node)) for (const item of node.items) inlineMemberLists(item)
  if (!isMap(node)) return
  for (const p of node.items) {
    const k = isScalar(p.key) ? p.key.value : p.key
    if (k === 'members' && isSeq(p.value)) p.value.flow = true
    else inlineMemberLists(p.value)
  }
}
