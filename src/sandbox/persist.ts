import {existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync} from 'node:fs'
import {basename, dirname, join} from 'node:path'
import type {SandboxState} from './state.js'
import {processIsAlive} from '../os/process-alive.js'

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

/**
 * Deletes the `<file>.<pid>.tmp` files that saveState of a killed sandbox left behind (the kill
 * came between the write and the rename). A file of a process that still runs is kept: another
 * sandbox on the same state file may be writing it. Returns the names removed.
 */
export function removeLeftoverTempFiles(file: string, isAlive: (pid: number) => boolean = processIsAlive): string[] {
  const dir = dirname(file)
  if (!existsSync(dir)) return []
  const prefix = `${basename(file)}.`
  const removed: string[] = []
  for (const name of readdirSync(dir)) {
    if (!name.startsWith(prefix) || !name.endsWith('.tmp')) continue
    const pid = name.slice(prefix.length, -'.tmp'.length)
    if (!/^\d+$/.test(pid) || (Number(pid) !== process.pid && isAlive(Number(pid)))) continue
    rmSync(join(dir, name), {force: true})
    removed.push(name)
  }
  return removed
}
