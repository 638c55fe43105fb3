import type {DesiredState} from '../../model/state.js'
import type {Diagnostic} from '../diagnostic.js'
import type {ConfigSources, DuplicateDefinition, MergedConfig} from '../merge.js'
import {formatPath, type DataPath, type SourcePosition} from '../source-position.js'

/** What a semantic rule sees. Rules run only on schema-valid configs, so the written types hold. */
export interface RuleContext {
  readonly config: MergedConfig
  /** The normalized state, when the config could be normalized (rules that need the model use it). */
  readonly state: DesiredState | undefined
  /** Injected clock: rules must never read the real time. */
  readonly now: Date
  /** Keys defined more than once across files (the merge keeps the first). */
  readonly duplicates: readonly DuplicateDefinition[]
  /** How far ahead the team rules look (`--horizon`); absent = TEAM_RULES_HORIZON_DAYS. */
  readonly horizonDays?: number
  report(problem: Problem): void
}

export interface Problem {
  readonly severity?: Diagnostic['severity']
  readonly code: string
  readonly message: string
  /** Where in the merged config; located to file:line:col by the context. */
  readonly path: DataPath
  /** Point at the key rather than the value (whole entries, unknown names). */
  readonly atKey?: boolean
  readonly hint?: string
  /** An explicit position, for places the merged config no longer holds (a duplicate's second definition). */
  readonly at?: SourcePosition
}

export type Rule = (ctx: RuleContext) => void

/** A context that collects diagnostics, locating paths through `sources`. */
export function createRuleContext(
  input: Omit<RuleContext, 'report'> & {sources: Pick<ConfigSources, 'locate'>},
): RuleContext & {diagnostics: Diagnostic[]} {
  const diagnostics: Diagnostic[] = []
  return {
    config: input.config,
    state: input.state,
    now: input.now,
    duplicates: input.duplicates,
    ...(input.horizonDays === undefined ? {} : {horizonDays: input.horizonDays}),
    diagnostics,
    report(p) {
      const at = p.at ? {...p.at, path: formatPath(p.path)} : input.sources.locate(p.path, {key: p.atKey ?? false})
      diagnostics.push({
        severity: p.severity ?? 'error',
        code: p.code,
        message: p.message,
        file: at.file,
        line: at.line,
        col: at.col,
        path: at.path,
        ...(p.hint ? {hint: p.hint} : {}),
      })
    },
  }
}
