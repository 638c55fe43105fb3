/**
 * PagerDuty's error envelope: {"error":{"message","code","errors"}} (DevDocs 14-Errors, spec
 * #/components/responses/*). Route handlers throw PdError; the server turns it into the response.
 */
export class PdError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
    readonly errors: readonly string[] = [],
  ) {
    super(message)
    this.name = 'PdError'
  }

  toBody(): {error: {message: string; code: number; errors?: string[] | Record<string, string[]>}} {
    const error: {message: string; code: number; errors?: string[]} = {message: this.message, code: this.code}
    if (this.errors.length > 0) error.errors = [...this.errors]
    return {error}
  }
}

export const PD_CODES = {
  internal: 2000,
  invalidInput: 2001,
  authenticationFailed: 2006,
  accessDenied: 2010,
  rateLimited: 2020,
  notFound: 2100,
  teamHasAssociations: 6006,
} as const

/** 400 "Invalid Input Provided" with detail lines: PD uses it for validation and referential errors alike. */
export function invalidInput(...errors: string[]): PdError {
  return new PdError(400, PD_CODES.invalidInput, 'Invalid Input Provided', errors)
}

export function notFound(): PdError {
  return new PdError(404, PD_CODES.notFound, 'Not Found')
}
