import {isMap, isSeq, parseDocument, type Pair, type YAMLMap} from 'yaml'
import type {Override} from '../model/override.js'
import type {Schedule} from '../model/schedule.js'
import {overrideRotation} from '../schedule/v3/rotation-overrides.js'

/**
 * `oncall migrate --write` and the config's `overrides:` of the migrated schedule.
 *
 * On a layer-based schedule an override sits above every layer: its person is on call for the
 * whole span instead of whoever the layers have. On the shift-based form a (v3) override takes
 * the shifts of one rotation, so an override whose span touches several rotations needs
 * `rotation:` and, to say the same thing, one entry per rotation it touches (docs/language.md,
 * "Overrides"). Each entry keeps the full span: without `replaces:` an entry takes everyone its
 * rotation has on call in the span, so the entries together take every shift of the span, which
 * is what the layer override did. `replaces:` is never needed: the migrated rotations never have
 * two people on call at once (the layer form has one), so no rotation has someone the layer
 * override would have left on call. Where no rotation has anyone on call in the span (a gap of
 * the layer form), a v3 override cannot put anyone on call: the entry is left as it is and the
 * proof lists that difference.
 */

/** One declared override of the migrated schedule and the rotations it is to name. */
export interface OverrideRotationEdit {
  /** Index into the config's joined `overrides:` (Override.origin.index). */
  readonly index: number
  /** Rotation names, one entry each; a single name just gains `rotation:`. */
  readonly rotations: readonly string[]
}

/** Which rotations of `shiftForm` each declared override of it touches (overrides touching none are left out). */
export function overrideRotationEdits(shiftForm: Schedule, overrides: readonly Override[]): OverrideRotationEdit[] {
  const edits: OverrideRotationEdit[] = []
  for (const o of overrides) {
    if (o.schedule !== shiftForm.key || o.origin.kind !== 'declared' || o.end <= o.start) continue
    const target = overrideRotation(shiftForm, {...o, rotation: undefined, overridden: undefined})
    const names = shiftForm.rotations ?? []
    if (target.kind === 'rotation') edits.push({index: o.origin.index, rotations: [names[target.index]?.name ?? `Rotation ${target.index + 1}`]})
    else if (target.kind === 'ambiguous') edits.push({index: o.origin.index, rotations: target.names})
  }
  return edits
}

/** The model overrides as the edited config declares them (for the proof when the edited config cannot be read back). */
export function overridesWithRotations(overrides: readonly Override[], edits: readonly OverrideRotationEdit[]): Override[] {
  const byIndex = new Map(edits.map((e) => [e.index, e.rotations]))
  return overrides.flatMap((o) => {
    const rotations = o.origin.kind === 'declared' ? byIndex.get(o.origin.index) : undefined
    return rotations === undefined ? [o] : rotations.map((rotation) => ({...o, rotation}))
  })
}

/** Where each entry of the joined `overrides:` is written: the file and its index there (the merge's order: files in order, entries in order). */
export function overrideEntryFiles(sources: readonly {readonly file: string; readonly text: string}[]): {file: string; index: number; line: number}[] {
  const out: {file: string; index: number; line: number}[] = []
  for (const source of sources) {
    const doc = parseDocument(source.text)
    const list = doc.errors.length > 0 ? undefined : doc.get('overrides', true)
    if (!isSeq(list)) continue
    list.items.forEach((item, index) => {
      const at = (item as {range?: [number, number, number] | null}).range?.[0] ?? 0
      out.push({file: source.file, index, line: source.text.slice(0, at).split('\n').length})
    })
  }
  return out
}

/**
 * The text of one config file with its `overrides:` entries at the given indexes (of this file)
 * rewritten: an entry with one rotation gains `rotation: NAME`; one with several becomes one copy
 * per rotation, each with its `rotation:`, in its place. Text splice like the layers block
 * (replace-layers.ts): comments, the other entries and the layout stay byte for byte.
 * Flow entries (`- {schedule: …}`) gain `, rotation: NAME` before their `}`; block entries a
 * `rotation: NAME` line after their last field. Returns null when an entry cannot be edited this
 * way (not a mapping on its own `- ` line, or it names another schedule than `key`).
 */
export function addRotationsToOverrides(text: string, key: string, edits: readonly {readonly index: number; readonly rotations: readonly string[]}[]): string | null {
  const doc = parseDocument(text)
  const list = doc.errors.length > 0 ? undefined : doc.get('overrides', true)
  if (!isSeq(list) || list.flow === true) return null
  const splices: {from: number; to: number; text: string}[] = []
  for (const edit of edits) {
    const node = list.items[edit.index]
    if (!isMap(node) || node.range == null || edit.rotations.length === 0) return null
    if (node.get('schedule') !== key || node.has('rotation') || node.has('replaces')) return null
    const start = node.range[0]
    const lineStart = text.lastIndexOf('\n', start - 1) + 1
    const prefix = text.slice(lineStart, start)
    if (!/^\s*-\s+$/.test(prefix)) return null
    const copy = entryWithRotation(text, node, start)
    if (copy === null) return null
    splices.push({from: lineStart, to: copy.end, text: edit.rotations.map((r) => prefix + copy.text(scalar(r))).join('\n')})
  }
  let out = text
  for (const s of splices.sort((a, b) => b.from - a.from)) out = out.slice(0, s.from) + s.text + out.slice(s.to)
  return out
}

/** The entry's text from `start` to `end` with a `rotation:` field added. */
function entryWithRotation(text: string, node: YAMLMap, start: number): {end: number; text: (rotation: string) => string} | null {
  if (node.flow === true) {
    const end = node.range?.[1] ?? start
    if (text[end - 1] !== '}') return null
    const body = text.slice(start, end - 1).trimEnd()
    const sep = body.endsWith('{') ? '' : ', '
    return {end, text: (rotation) => `${body}${sep}rotation: ${rotation}}`}
  }
  const last = (node.items as Pair[]).at(-1)
  const valueEnd = (last?.value as {range?: [number, number, number] | null} | null)?.range?.[1]
  if (valueEnd == null) return null
  // The end of the last field's line (its trailing comment stays on it).
  const newline = text.indexOf('\n', valueEnd)
  const end = newline < 0 ? text.length : newline
  const indent = ' '.repeat(start - (text.lastIndexOf('\n', start - 1) + 1))
  const body = text.slice(start, end)
  return {end, text: (rotation) => `${body}\n${indent}rotation: ${rotation}`}
}

/** A rotation name as a YAML scalar: plain when it reads back as the same string (in flow and block context), else double-quoted. */
function scalar(name: string): string {
  if (/^[A-Za-z0-9][A-Za-z0-9 ()._'-]*$/.test(name) && !name.endsWith(' ')) {
    const back = parseDocument(`{rotation: ${name}}`).toJS() as {rotation?: unknown} | null
    if (back?.rotation === name) return name
  }
  return JSON.stringify(name)
}
