import {isMap, isScalar, LineCounter, parseDocument, visit, type Document, type YAMLError} from 'yaml'
import type {Diagnostic} from './diagnostic.js'
import type {SourceText} from './read-files.js'

/** Aliases expand on conversion; a small limit stops "billion laughs" documents. */
export const MAX_ALIAS_COUNT = 100

/** Keys that could reach Object.prototype if some code ever assigned them to a plain object. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype'])

export interface ParsedFile {
  readonly file: string
  readonly doc: Document
  readonly lineCounter: LineCounter
  /** The file's content as plain data (a mapping, checked). */
  readonly value: Record<string, unknown>
}

export type ParseResult = {file: ParsedFile; diagnostics: Diagnostic[]} | {file: undefined; diagnostics: Diagnostic[]}

/** Parses one YAML file (YAML 1.2 core schema) into a document that keeps source positions. */
export function parseYamlFile(source: SourceText): ParseResult {
  const lineCounter = new LineCounter()
  // merge: `<<: *anchor` merge keys (YAML 1.1, widely used to share settings; see `templates:`).
  const doc = parseDocument(source.text, {lineCounter, prettyErrors: true, uniqueKeys: true, merge: true, version: '1.2', schema: 'core'})
  const at = (offset: number) => ({file: source.file, ...lineCounter.linePos(offset)})
  // Walking the document for duplicates costs as much as a good part of parsing: only when yaml found one.
  const duplicates = doc.errors.some((e) => e.code === 'DUPLICATE_KEY') ? duplicateKeys(doc) : new Map<number, {key: string; first: number}>()
  const message = (e: YAMLError): string => {
    if (e.code === 'MULTIPLE_DOCS') return 'a file holds one YAML document, this one has several'
    const duplicate = e.code === 'DUPLICATE_KEY' ? duplicates.get(e.pos[0]) : undefined
    if (duplicate) {
      const first = lineCounter.linePos(duplicate.first)
      return `duplicate key \`${duplicate.key}\`: already defined at ${source.file}:${first.line}:${first.col} in the same mapping`
    }
    return yamlMessage(e.message)
  }
  const diagnostics: Diagnostic[] = [
    ...doc.errors.map((e): Diagnostic => ({
      severity: 'error',
      code: e.code === 'DUPLICATE_KEY' ? 'duplicate-mapping-key' : 'yaml-syntax',
      message: message(e),
      ...at(e.pos[0]),
      ...(e.code === 'MULTIPLE_DOCS' ? {hint: 'remove the `---` separator, or split the documents into files of a config directory'} : {}),
      ...(e.code === 'TAB_AS_INDENT' ? {hint: 'indent with spaces, not tabs'} : {}),
    })),
    ...doc.warnings.map((w): Diagnostic => ({severity: 'warning', code: 'yaml-warning', message: yamlMessage(w.message), ...at(w.pos[0])})),
  ]
  if (doc.errors.length > 0) return {file: undefined, diagnostics}

  const error = (code: string, message: string, offset: number, hint?: string): ParseResult => ({
    file: undefined,
    diagnostics: [...diagnostics, {severity: 'error', code, message, ...at(offset), ...(hint ? {hint} : {})}],
  })
  if (doc.contents === null) {
    // Blank or only comments: nothing to merge, and not wrong in a directory config (the
    // config-level checks still say when no file sets `version` or `owner`).
    const comments = /^\s*#/m.test(source.text)
    return {
      file: undefined,
      diagnostics: [...diagnostics, {severity: 'warning', code: 'empty-file', message: comments ? 'file holds only comments' : 'file is empty', ...at(0)}],
    }
  }
  if (!isMap(doc.contents)) {
    return error('not-a-mapping', 'the top level must be a mapping (version, owner, users, teams, schedules, ...)', doc.contents.range?.[0] ?? 0)
  }

  const forbidden = mayHoldForbiddenKey(source.text) ? forbiddenKeys(doc) : []
  if (forbidden.length > 0) {
    return {
      file: undefined,
      diagnostics: [
        ...diagnostics,
        ...forbidden.map((f): Diagnostic => ({
          severity: 'error',
          code: 'forbidden-key',
          message: `key \`${f.key}\` is not allowed`,
          ...at(f.offset),
          hint: 'rename it: __proto__, constructor and prototype are reserved',
        })),
      ],
    }
  }

  try {
    const value = doc.toJS({maxAliasCount: MAX_ALIAS_COUNT}) as Record<string, unknown>
    return {file: {file: source.file, doc, lineCounter, value}, diagnostics}
  } catch (e) {
    const alias = firstAliasOffset(doc)
    return error(
      'alias-limit',
      `YAML aliases expand too much (more than ${MAX_ALIAS_COUNT} alias expansions): ${e instanceof Error ? e.message : String(e)}`,
      alias,
      'use fewer anchors/aliases; write the values out',
    )
  }
}

/** yaml's pretty messages append a code frame; keep the first sentence without "at line x, column y". */
function yamlMessage(message: string): string {
  const first = message.split('\n')[0] ?? message
  return first.replace(/ at line \d+, column \d+:?$/, '')
}

/** Keys repeated within one mapping, by the offset of the repeat, with the offset of the first. */
function duplicateKeys(doc: Document): Map<number, {key: string; first: number}> {
  const found = new Map<number, {key: string; first: number}>()
  visit(doc, {
    Map(_, map) {
      const seen = new Map<string, number>()
      for (const pair of map.items) {
        if (!isScalar(pair.key)) continue
        const key = String(pair.key.value)
        const offset = pair.key.range?.[0] ?? 0
        const first = seen.get(key)
        if (first === undefined) seen.set(key, offset)
        else found.set(offset, {key, first})
      }
    },
  })
  return found
}

/**
 * Whether the text could spell a forbidden key: it names one, or has a backslash (a double-quoted
 * key can spell one with escapes, e.g. `"\x5f_proto__"`, or join lines). Most files do neither, and
 * are spared a walk of their whole document.
 */
function mayHoldForbiddenKey(text: string): boolean {
  return text.includes('\\') || [...FORBIDDEN_KEYS].some((key) => text.includes(key))
}

function forbiddenKeys(doc: Document): {key: string; offset: number}[] {
  const found: {key: string; offset: number}[] = []
  visit(doc, {
    Pair(_, pair) {
      if (isScalar(pair.key) && FORBIDDEN_KEYS.has(String(pair.key.value))) {
        found.push({key: String(pair.key.value), offset: pair.key.range?.[0] ?? 0})
      }
    },
  })
  return found
}

function firstAliasOffset(doc: Document): number {
  let offset = 0
  visit(doc, {
    Alias(_, node) {
      offset = node.range?.[0] ?? 0
      return visit.BREAK
    },
  })
  return offset
}

