import {PD_CODES, PdError} from '../errors.js'

/**
 * The v3 error envelope (spec V3ErrorResponse): `errors` is a map from a field path prefixed by
 * the resource ("event.effective_since", "schedule.rotations") to messages, not v2's list of lines.
 */
export class V3Error extends PdError {
  constructor(
    status: number,
    readonly fieldErrors: Record<string, string[]>,
  ) {
    super(status, PD_CODES.invalidInput, 'Invalid Request', Object.entries(fieldErrors).flatMap(([k, v]) => v.map((m) => `${k}: ${m}`)))
  }

  override toBody(): {error: {message: string; code: number; errors?: Record<string, string[]>}} {
    return {error: {message: this.message, code: this.code, errors: this.fieldErrors}}
  }
}

/** 400 for one field: v3Invalid('event.effective_since', 'Date cannot be more than 12 months in the future'). */
export function v3Invalid(field: string, ...messages: string[]): V3Error {
  return new V3Error(400, {[field]: messages})
}
