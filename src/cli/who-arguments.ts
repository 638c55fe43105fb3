import {existsSync} from 'node:fs'
import {UserError} from './user-error.js'

/**
 * `who [PATH] [TARGET]`: with two arguments the first is the config; with one, it is the config
 * when it names an existing file or directory or looks like a path, else a schedule or policy key
 * (keys never contain `/` or `.`). The deprecated --config makes every argument the target.
 */
export function whoArguments(
  first: string | undefined,
  second: string | undefined,
  config: string | undefined,
  exists: (path: string) => boolean = existsSync,
): {path: string | undefined; target: string | undefined} {
  if (config !== undefined) {
    if (second !== undefined) throw new UserError('with --config, pass at most one argument (the schedule or policy key)')
    return {path: config, target: first}
  }
  if (second !== undefined || first === undefined) return {path: first, target: second}
  return exists(first) || /[/\\]|\.ya?ml$/i.test(first) ? {path: first, target: undefined} : {path: undefined, target: first}
}
