import type {EditResult} from '../app/edit-overrides.js'

/** What override / swap / time-off print: the entry as written, the shifts it changes, new warnings. */
export function printEdit(result: EditResult, out: (line: string) => void): void {
  out(`Added to ${result.file}:`)
  out(result.entryText.trimEnd().replace(/^/gm, '  '))
  out('Shifts it changes:')
  if (result.shiftChanges.length === 0) out('  (none: nobody gains or loses on-call time)')
  for (const line of result.shiftChanges) out(`  ${line}`)
  for (const w of result.warnings) out(w)
  out('Review it with `oncall plan`, then open a pull request.')
}
