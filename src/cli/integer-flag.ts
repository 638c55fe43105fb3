import {Flags} from '@oclif/core'

/**
 * An integer flag whose --help states its limits. oclif checks `min`/`max` but shows them only in
 * the error; writing the range into the description by hand drifts, so it is derived here.
 */
export function integerFlag(options: {description: string; default: number; min?: number; max?: number}) {
  const {min, max} = options
  const range = min !== undefined && max !== undefined ? `${min}..${max}` : min !== undefined ? `at least ${min}` : max !== undefined ? `at most ${max}` : ''
  return Flags.integer({...options, description: range === '' ? options.description : `${options.description} Range: ${range}.`})
}
