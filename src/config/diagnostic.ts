/**
 * A problem found in a config, pointing at where the user can fix it. Everything that reads
 * config (validate, plan, export) reports through this one shape so that text and JSON output agree.
 */
export interface Diagnostic {
  severity: 'error' | 'warning'
  /** Stable, kebab-case identifier (documented; scripts may match on it). */
  code: string
  message: string
  file?: string
  /** 1-based. */
  line?: number
  /** 1-based. */
  col?: number
  /** Path inside the (merged) config, e.g. `schedules.primary.layers[0].turn`. */
  path?: string
  hint?: string
}

/** `file:line:col: error CODE message (at path) — hint`, on one line. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.file === undefined ? '' : `${d.file}${d.line === undefined ? '' : `:${d.line}:${d.col ?? 1}`}: `
  const at = d.path ? ` (at ${d.path})` : ''
  const hint = d.hint ? ` — ${d.hint}` : ''
  return `${where}${d.severity} ${d.code} ${oneLine(d.message)}${at}${oneLine(hint)}`
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ')
}

/** Sorted by file, line, column, then code: output order must not depend on rule order. */
export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  return [...list].sort(
    (a, b) =>
      cmp(a.file ?? '', b.file ?? '') ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.col ?? 0) - (b.col ?? 0) ||
      cmp(a.code, b.code) ||
      cmp(a.message, b.message),
  )
}

export function hasErrors(list: readonly Diagnostic[]): boolean {
  return list.some((d) => d.severity === 'error')
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
