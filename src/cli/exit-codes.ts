/** Exit codes are part of the CLI's contract (documented in the README). */
export const EXIT = {
  ok: 0,
  /** Invalid config, API error, refused unsafe operation: anything that is not success. */
  error: 1,
  /** `plan --detailed-exitcode` only: the plan has changes. */
  changes: 2,
} as const
