import {setFlagsFromString} from 'node:v8'
import {runInNewContext} from 'node:vm'

let gc: (() => void) | null | undefined

/**
 * One full garbage collection, now: for the moment a command moves from a phase that built a
 * large transient heap (loading a whole organisation's config: every file's YAML document at
 * once) to a long phase that holds little (export). V8 sizes its next heap limit from the live
 * heap it found at its last full collection, up to about four times that; left alone, the
 * export's garbage piled up to four times the *loader's* peak before the first collection, so
 * peak memory followed the size of the config, not what the export holds (issue 14). Costs one
 * collection of the live heap (tens of ms). A no-op where `gc` cannot be had.
 *
 * `gc` is exposed to a fresh context only and the flag reset at once (the main context never
 * sees it), as Jest's leak detector does.
 */
export function collectGarbageNow(): void {
  if (gc === undefined) {
    try {
      setFlagsFromString('--expose-gc')
      const found: unknown = runInNewContext('gc')
      gc = typeof found === 'function' ? (found as () => void) : null
      setFlagsFromString('--no-expose-gc')
    } catch {
      // A runtime that refuses flags after start: no collection, the export works the same.
      gc = null
    }
  }
  gc?.()
}
