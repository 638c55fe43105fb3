import {existsSync, readFileSync, renameSync, writeFileSync} from 'node:fs'
import type {SandboxState} from './state.js'

/** Reads a state file written by saveState, or undefined when it does not exist yet. */
export function loadState(file: string): SandboxState | undefined {
  if (!existsSync(file)) return undefined
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as SandboxState
  if (parsed.version !== 1) throw new Error(`unsupported sandbox state version in ${file}`)
  return parsed
}

/**
 * Writes the whole state to a temporary file next to the target and renames it over the target:
 * rename is atomic on POSIX, so a kill at any moment leaves either the old or the new file.
 */
export function saveState(file: string, state: SandboxState): void {
  const tmp = `${file}.${process.pid}.tmp`
  writeFileSync(tmp, JSON.stringify(state, null, 1) + '\n')
  renameSync(tmp, file)
}
