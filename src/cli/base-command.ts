import {Command, Errors, Flags, Interfaces} from '@oclif/core'
import {EXIT} from './exit-codes.js'
import {printable} from '../text/printable.js'
import {redact} from './redact.js'
import {UserError} from './user-error.js'
import {
  PagerDutyApiError,
  PagerDutyClientUsageError,
  PagerDutyNetworkError,
  PagerDutyOutcomeUnknownError,
  PagerDutyPaginationLimitError,
  PagerDutyRateLimitWaitError,
  PagerDutyResponseError,
} from '../providers/pagerduty/client/errors.js'

/** Errors whose message says all a person needs: no "--debug" hint after them. */
function isExpected(error: Error): boolean {
  return (
    error instanceof UserError ||
    error instanceof Errors.CLIError ||
    error instanceof PagerDutyApiError ||
    error instanceof PagerDutyNetworkError ||
    error instanceof PagerDutyPaginationLimitError ||
    error instanceof PagerDutyOutcomeUnknownError ||
    error instanceof PagerDutyRateLimitWaitError ||
    error instanceof PagerDutyResponseError ||
    error instanceof PagerDutyClientUsageError
  )
}

/**
 * An error message as one line. oclif's flag errors read "Parsing --port \n\tExpected an integer
 * ... but received: abc\nSee more help with --help": the reason is on the second line, so the
 * lines are joined (the help pointer dropped) rather than cut after the first.
 */
export function oneLineMessage(message: string): string {
  const lines = message
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !/^See more help with --help$/.test(line) && !/^The following errors? occurred:?$/.test(line))
  if (lines.length === 0) return message.trim()
  const [first = '', ...rest] = lines
  const parsing = /^Parsing (--[\w-]+)$/.exec(first)
  if (parsing && rest.length > 0) return `${parsing[1]}: ${rest.join('; ').replace(/^Expected/, 'expected')}`
  return [first, ...rest].join('; ')
}

export type BaseFlags<T extends typeof Command> = Interfaces.InferredFlags<(typeof BaseCommand)['baseFlags'] & T['flags']>

/**
 * Behaviour every command shares: --debug and --no-color, one-line errors without stack traces,
 * stable exit codes, and redaction of secrets in everything printed.
 */
export abstract class BaseCommand extends Command {
  static override baseFlags = {
    debug: Flags.boolean({description: 'Print stack traces and internal detail on errors.', default: false, helpGroup: 'GLOBAL'}),
    color: Flags.boolean({
      description: 'Colour the output (default: on a TTY unless NO_COLOR is set).',
      allowNo: true,
      helpGroup: 'GLOBAL',
    }),
  }

  /** Whether to emit ANSI colour: --color/--no-color win, then NO_COLOR, then TTY detection. */
  protected useColor(flag: boolean | undefined): boolean {
    if (flag !== undefined) return flag
    if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') return false
    return Boolean(process.stdout.isTTY)
  }

  /** Writes text to stdout verbatim (after redaction). */
  protected out(text: string): void {
    process.stdout.write(redact(text.endsWith('\n') ? text : text + '\n'))
  }

  /**
   * Writes a line to stderr (after redaction). Warnings and errors quote names and server
   * messages, so control characters are shown as escapes (printable), newlines kept.
   */
  protected err(text: string): void {
    process.stderr.write(redact(printable(text.endsWith('\n') ? text : text + '\n', {multiline: true})))
  }

  protected override async catch(error: Error & {exitCode?: number}): Promise<unknown> {
    // this.exit() inside a command throws ExitError: let oclif finish with that code.
    if (error instanceof Errors.ExitError) throw error
    const debug = this.argv.includes('--debug')
    // Parsing errors (unknown flag, bad value) are CLIErrors; oclif would exit 2, which we reserve
    // for "plan has changes". Their reason is on a second line: keep it on the one line we print.
    const message = error instanceof Errors.CLIError ? oneLineMessage(error.message) : (error.message.split('\n')[0] ?? error.message)
    this.err(`error: ${message}`)
    if (error instanceof UserError) for (const line of error.details) this.err(line)
    if (debug && error.stack) this.err(error.stack)
    else if (!isExpected(error)) this.err('(run again with --debug for details)')
    return this.exit(error instanceof UserError ? error.exitCode : EXIT.error)
  }
}
