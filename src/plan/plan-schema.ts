import {readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import type {Ajv, AnySchemaObject, ErrorObject, ValidateFunction} from 'ajv'
import {precompiledValidator} from '../precompiled/precompiled-validator.js'

/** schemas/plan.schema.json, found relative to this module both in src/ (tests) and dist/ (CLI). */
export const PLAN_SCHEMA_URL = new URL('../../schemas/plan.schema.json', import.meta.url)

/** The plan schema's validator compiled at build time (src/precompiled/): compiling it took ~1 s of CPU on every `plan --out` and `apply PLANFILE`. */
export const PLAN_PRECOMPILED_URL = new URL('./plan-schema-validate.cjs', import.meta.url)

// ajv is CommonJS, required only when the precompiled validator is absent (src/) or stale.
const require = createRequire(import.meta.url)

let validator: ValidateFunction | undefined

/** The plan schema's validator (read once; the schema ships with the package, see package.json `files`). */
export function planValidator(): ValidateFunction {
  if (validator) return validator
  const text = readFileSync(PLAN_SCHEMA_URL, 'utf8')
  validator = precompiledValidator(PLAN_PRECOMPILED_URL, text) ?? createPlanAjv().compile(JSON.parse(text) as AnySchemaObject)
  return validator
}

/** The one ajv set-up of the plan schema, shared by run-time compilation and the build's standalone code. */
export function createPlanAjv(options: {standalone?: boolean} = {}): Ajv {
  const {Ajv: AjvClass} = require('ajv') as typeof import('ajv')
  return new AjvClass({allErrors: true, strict: true, allowUnionTypes: true, ...(options.standalone ? {code: {source: true}} : {})})
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
