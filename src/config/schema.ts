import {readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import type {Ajv, AnySchemaObject, ValidateFunction} from 'ajv'
import {precompiledValidator} from '../precompiled/precompiled-validator.js'

/** schemas/oncall.schema.json, found relative to this module both in src/ (tests) and dist/ (CLI). */
export const SCHEMA_URL = new URL('../../schemas/oncall.schema.json', import.meta.url)

/**
 * The schema's validator compiled at build time (src/precompiled/): compiling the schema with ajv
 * took ~0.3 s of CPU on every run, most of a small config's `validate` or `plan`.
 */
export const PRECOMPILED_URL = new URL('./oncall-schema-validate.cjs', import.meta.url)

// ajv and ajv-formats are CommonJS; required only when a validator must be compiled (the
// precompiled one is stale or absent, or an error needs one alternative re-checked), so a
// valid config never loads them.
const require = createRequire(import.meta.url)

export interface CompiledSchema {
  readonly schema: AnySchemaObject
  readonly validate: ValidateFunction
  /** Validator of one definition (`#/definitions/<name>`) or an inline sub-schema (compiled on first use). */
  readonly validatorFor: (sub: AnySchemaObject) => ValidateFunction
}

let compiled: CompiledSchema | undefined

export function loadSchema(): CompiledSchema {
  if (compiled) return compiled
  const text = readFileSync(SCHEMA_URL, 'utf8')
  const schema = JSON.parse(text) as AnySchemaObject
  let ajv: Ajv | undefined
  const lazyAjv = (): Ajv => {
    if (!ajv) {
      ajv = createSchemaAjv()
      ajv.addSchema(schema)
    }
    return ajv
  }
  const validate = precompiledValidator(PRECOMPILED_URL, text) ?? lazyAjv().compile(schema)
  const id = String(schema.$id)
  const cache = new Map<string, ValidateFunction>()
  const validatorFor = (sub: AnySchemaObject): ValidateFunction => {
    const ref = typeof sub.$ref === 'string' ? sub.$ref : undefined
    const cacheKey = ref ?? JSON.stringify(sub)
    let fn = cache.get(cacheKey)
    if (!fn) {
      fn = ref ? lazyAjv().getSchema(id + ref) : lazyAjv().compile(absoluteRefs(sub, id) as AnySchemaObject)
      if (!fn) throw new Error(`schema reference not found: ${ref}`)
      cache.set(cacheKey, fn)
    }
    return fn
  }
  compiled = {schema, validate, validatorFor}
  return compiled
}

/**
 * The one ajv set-up of the config schema, shared by run-time compilation and the build's
 * standalone code (`code.source`), so both validate alike.
 */
export function createSchemaAjv(options: {standalone?: boolean} = {}): Ajv {
  const {Ajv: AjvClass} = require('ajv') as typeof import('ajv')
  const ajv = new AjvClass({allErrors: true, verbose: true, strict: true, allowUnionTypes: true, ...(options.standalone ? {code: {source: true}} : {})})
  // Read by VS Code / yaml-language-server for friendlier pattern errors; we use it too.
  ajv.addKeyword({keyword: 'patternErrorMessage', schemaType: 'string'})
  const addFormats = require('ajv-formats') as typeof import('ajv-formats').default
  addFormats(ajv, ['email'])
  return ajv
}

/** Inline sub-schemas compiled on their own need `#/definitions/x` refs made absolute to the root's $id. */
function absoluteRefs(node: unknown, id: string): unknown {
  if (Array.isArray(node)) return node.map((n) => absoluteRefs(n, id))
  if (node === null || typeof node !== 'object') return node
  return Object.fromEntries(
    Object.entries(node).map(([k, v]) => [k, k === '$ref' && typeof v === 'string' && v.startsWith('#') ? id + v : absoluteRefs(v, id)]),
  )
}
