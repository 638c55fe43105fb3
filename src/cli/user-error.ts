/**
 * An error meant for the person at the terminal: printed as one line (no stack trace unless
 * --debug) and mapped to a stable exit code. Anything else that escapes a command is a bug and
 * is printed the same way, with a hint to re-run with --debug.
 */
export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = 1,
    /** Extra lines printed after the message (e.g. one line per problem). */
    readonly details: readonly string[] = [],
  ) {
    super(message)
    this.name = 'UserError'
  }
}
