import {camelCaseKeys} from '../output/json-keys.js'
import type {Plan} from './plan.js'
import {planSchemaErrors} from './plan-schema.js'
import {renderJson} from './render/json.js'

/** The plan file format versions this build reads. */
export const SUPPORTED_FORMAT_VERSIONS: readonly number[] = [2]
// 2: snake_case keys (version 1 had camelCase ones).

/** A plan file that cannot be used; the message is one line for people, `details` one line per problem. */
export class PlanFileError extends Error {
  constructor(
    message: string,
    readonly details: readonly string[] = [],
  ) {
    super(message)
    this.name = 'PlanFileError'
  }
}

/**
 * `plan --out plan.json`: the plan as stable JSON. It holds keys, names, emails, model values,
 * PagerDuty IDs and fingerprints, and no secrets. Written plans are validated against the schema
 * so a broken plan fails at `plan` time, not at `apply` time.
 */
export function serializePlan(plan: Plan): string {
  const text = renderJson(plan)
  const problems = planSchemaErrors(JSON.parse(text))
  if (problems.length > 0) throw new PlanFileError('internal error: the plan does not match schemas/plan.schema.json', problems)
  return text
}

/** Reads a plan file (or `plan --format json` output); refuses unknown format versions and anything the schema rejects. */
export function parsePlan(text: string): Plan {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    throw new PlanFileError(`the plan file is not valid JSON: ${(error as Error).message}`)
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new PlanFileError('the plan file is not a JSON object')
  const version = (value as {format_version?: unknown; formatVersion?: unknown}).format_version ?? (value as {formatVersion?: unknown}).formatVersion
  if (typeof version !== 'number' || !SUPPORTED_FORMAT_VERSIONS.includes(version)) {
    throw new PlanFileError(
      `the plan file has format version ${JSON.stringify(version ?? null)}, but this oncall reads version ${SUPPORTED_FORMAT_VERSIONS.join(', ')}: make the plan again with this version`,
    )
  }
  const problems = planSchemaErrors(value)
  if (problems.length > 0) throw new PlanFileError('the plan file does not match the plan format', problems)
  // `plan --format json` output is a plan file too; its safety verdict is judged again at apply.
  const {violations: _verdict, ...plan} = camelCaseKeys(value) as Plan & {violations?: unknown}
  return plan
}
