import {existsSync} from 'node:fs'
import {open, readdir, stat} from 'node:fs/promises'
import {dirname, join, relative, sep} from 'node:path'
import type {Diagnostic} from './diagnostic.js'
import {findInvalidUtf8, positionOfOffset} from './utf8.js'

/** Refuse oversized input before reading it: a config is kilobytes, anything huge is a mistake or an attack. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024
export const MAX_TOTAL_BYTES = 20 * 1024 * 1024

export interface SourceText {
  /** Path as shown to the user (the argument joined with the file's path inside the directory). */
  readonly file: string
  readonly text: string
}

export interface ReadResult {
  readonly sources: SourceText[]
  readonly diagnostics: Diagnostic[]
  /** Every config file found, including unreadable ones. */
  readonly files: string[]
  /**
   * YAML files under a directory PATH that were not read as config: they neither sit in PATH
   * itself nor below a directory whose files declare `version:` (CI workflows, test fixtures,
   * when PATH is a directory above the config). See selectConfigFiles.
   */
  readonly ignored: string[]
}

const DEFAULT_FILE = 'oncall.yaml'
const DEFAULT_DIR = 'oncall'

/** The config path: the argument if given, else ./oncall.yaml if it exists, else ./oncall/. */
export function resolveConfigPath(arg?: string, cwd: string = process.cwd()): string {
  if (arg !== undefined && arg !== '') return arg
  return existsSync(join(cwd, DEFAULT_FILE)) ? DEFAULT_FILE : DEFAULT_DIR
}

/** Finds the config files under `path` and reads them as UTF-8 text, reporting every problem. */
export async function readConfigFiles(path: string): Promise<ReadResult> {
  const info = await stat(path).catch(() => undefined)
  if (!info) {
    return fail(path, 'path-not-found', `no such file or directory: ${path}`, 'pass a config file or directory, or create ./oncall.yaml or ./oncall/')
  }
  const found = info.isDirectory() ? await listYamlFiles(path) : [path]
  if (found.length === 0) {
    return fail(path, 'no-config-files', `directory contains no .yaml or .yml files: ${path}`)
  }
  const {files, ignored} = info.isDirectory() ? await selectConfigFiles(path, found) : {files: found, ignored: []}
  const sources: SourceText[] = []
  const diagnostics: Diagnostic[] = []
  let total = 0
  for (const file of files) {
    const size = (await stat(file).catch(() => undefined))?.size
    if (size === undefined) {
      diagnostics.push({severity: 'error', code: 'unreadable-file', message: 'cannot read the file', file})
      continue
    }
    if (size > MAX_FILE_BYTES) {
      diagnostics.push(tooLarge(file, 'file-too-large', `file is ${mb(size)}, more than the ${mb(MAX_FILE_BYTES)} limit per file`))
      continue
    }
    total += size
    if (total > MAX_TOTAL_BYTES) {
      diagnostics.push(tooLarge(file, 'config-too-large', `config exceeds ${mb(MAX_TOTAL_BYTES)} in total at this file`))
      break
    }
    const bytes = await readBytes(file, size).catch((e: NodeJS.ErrnoException) => e)
    if (bytes instanceof Error) {
      diagnostics.push({severity: 'error', code: 'unreadable-file', message: `cannot read the file (${bytes.code ?? bytes.message})`, file})
      continue
    }
    const decoded = decode(file, bytes)
    if ('text' in decoded) sources.push({file, text: decoded.text})
    else diagnostics.push(decoded.diagnostic)
  }
  return {sources, diagnostics, files, ignored}
}

/** A file that starts a config: it sets `version:` at the top level. */
const DECLARES_VERSION = /^version[ \t]*:/m

/**
 * Which YAML files under the directory `dir` belong to the config. A directory config is usually
 * the directory itself (every file counts, as before). Run from a directory above it (the repo
 * root), the recursive search would also pick up CI workflows and test fixtures; so when `dir`
 * holds no file that declares `version:`, only files in `dir` itself and files below the
 * directories of files that do declare it count. Without any such file, everything counts and the
 * usual "no file sets `version`" error explains the rest.
 */
export async function selectConfigFiles(dir: string, found: readonly string[]): Promise<{files: string[]; ignored: string[]}> {
  const roots: string[] = []
  const buffer = Buffer.alloc(64 * 1024)
  for (const file of found) {
    const head = await readHead(file, buffer)
    if (head !== undefined && DECLARES_VERSION.test(head)) roots.push(dirname(file))
  }
  const inside = (file: string, root: string) => {
    const rel = relative(root, file)
    return rel !== '' && !rel.startsWith('..') && !rel.startsWith(sep)
  }
  if (roots.length === 0 || roots.some((root) => relative(root, dir) === '')) return {files: [...found], ignored: []}
  const files: string[] = []
  const ignored: string[] = []
  for (const file of found) {
    if (relative(dir, dirname(file)) === '' || roots.some((root) => inside(file, root))) files.push(file)
    else ignored.push(file)
  }
  return {files, ignored}
}

/**
 * The first 64 KB of a file (enough to find a top-level `version:`), or undefined when unreadable.
 * The caller reads heads one at a time into one buffer of its own: a fresh 64 KB per file was
 * ~77 MB of garbage for the 1,200 files of a large config.
 */
async function readHead(file: string, buffer: Buffer): Promise<string | undefined> {
  const handle = await open(file, 'r').catch(() => undefined)
  if (!handle) return undefined
  try {
    const {bytesRead} = await handle.read(buffer, 0, buffer.length, 0)
    return buffer.subarray(0, bytesRead).toString('utf8')
  } catch {
    return undefined
  } finally {
    await handle.close()
  }
}

/** Recursive, sorted by path, skipping hidden entries (.git, editor swap files). */
async function listYamlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, {withFileTypes: true})
  const names = entries.filter((e) => !e.name.startsWith('.')).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  const out: string[] = []
  for (const entry of names) {
    const full = join(dir, entry.name)
    if (entry.isDirectory()) out.push(...(await listYamlFiles(full)))
    else if (/\.ya?ml$/i.test(entry.name) && (entry.isFile() || (entry.isSymbolicLink() && (await isFile(full))))) out.push(full)
  }
  return out
}

/** Symlinked files are read; symlinked directories are not followed (no loops). */
async function isFile(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isFile() ?? false
}

async function readBytes(file: string, size: number): Promise<Uint8Array> {
  // Read at most the limit even if the file grew after stat.
  const handle = await open(file, 'r')
  try {
    const buffer = Buffer.alloc(Math.min(size, MAX_FILE_BYTES))
    const {bytesRead} = await handle.read(buffer, 0, buffer.length, 0)
    return buffer.subarray(0, bytesRead)
  } finally {
    await handle.close()
  }
}

function decode(file: string, bytes: Uint8Array): {text: string} | {diagnostic: Diagnostic} {
  try {
    return {text: new TextDecoder('utf-8', {fatal: true}).decode(bytes)}
  } catch {
    const offset = findInvalidUtf8(bytes)
    const {line, col} = positionOfOffset(bytes, offset)
    return {
      diagnostic: {
        severity: 'error',
        code: 'invalid-utf8',
        message: `file is not valid UTF-8 (byte 0x${(bytes[offset] ?? 0).toString(16).padStart(2, '0')} at offset ${offset})`,
        file,
        line,
        col,
        hint: 'save the file as UTF-8',
      },
    }
  }
}

function fail(file: string, code: string, message: string, hint?: string): ReadResult {
  return {sources: [], files: [], ignored: [], diagnostics: [{severity: 'error', code, message, file, ...(hint ? {hint} : {})}]}
}

function tooLarge(file: string, code: string, message: string): Diagnostic {
  return {severity: 'error', code, message, file, hint: 'an oncall config is normally a few kilobytes; check that this is the right file'}
}

function mb(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`
}
