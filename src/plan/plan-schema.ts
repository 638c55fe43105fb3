import {readFileSync} from 'node:fs'
import {Ajv, type AnySchemaObject, type ErrorObject, type ValidateFunction} from 'ajv'

/** schemas/plan.schema.json, found relative to this module both in src/ (tests) and dist/ (CLI). */
export const PLAN_SCHEMA_URL = new URL('../../schemas/plan.schema.json', import.meta.url)

let validator: ValidateFunction | undefined

/** The compiled plan schema (read once; the schema ships with the package, see package.json `files`). */
export function planValidator(): ValidateFunction {
  if (validator) return validator
  const schema = JSON.parse(readFileSync(PLAN_SCHEMA_URL, 'utf8')) as AnySchemaObject
  validator = new Ajv({allErrors: true, strict: true, allowUnionTypes: true}).compile(schema)
  return validator
}

/** Schema problems of `value` as short lines (`/changes/0/kind: must be equal to one of ...`); empty when valid. */
export function planSchemaErrors(value: unknown): string[] {
  const validate = planValidator()
  if (validate(value)) return []
  return (validate.errors ?? []).map(formatError)
}

function formatError(e: ErrorObject): string {
  return `${e.instancePath || '/'}: ${e.message ?? 'is invalid'}`
}
