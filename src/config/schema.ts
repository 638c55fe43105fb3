import {readFileSync} from 'node:fs'
import {Ajv, type AnySchemaObject, type ValidateFunction} from 'ajv'
import addFormatsModule, {type FormatsPlugin} from 'ajv-formats'

/** schemas/oncall.schema.json, found relative to this module both in src/ (tests) and dist/ (CLI). */
export const SCHEMA_URL = new URL('../../schemas/oncall.schema.json', import.meta.url)

export interface CompiledSchema {
  readonly ajv: Ajv
  readonly schema: AnySchemaObject
  readonly validate: ValidateFunction
  /** Validator of one definition (`#/definitions/<name>`) or an inline sub-schema. */
  readonly validatorFor: (sub: AnySchemaObject) => ValidateFunction
}

let compiled: CompiledSchema | undefined

export function loadSchema(): CompiledSchema {
  if (compiled) return compiled
  const schema = JSON.parse(readFileSync(SCHEMA_URL, 'utf8')) as AnySchemaObject
  const ajv = new Ajv({allErrors: true, verbose: true, strict: true, allowUnionTypes: true})
  // Read by VS Code / yaml-language-server for friendlier pattern errors; we use it too.
  ajv.addKeyword({keyword: 'patternErrorMessage', schemaType: 'string'})
  // ajv-formats is CommonJS: under NodeNext its default export arrives wrapped.
  const addFormats = ((addFormatsModule as unknown as {default?: FormatsPlugin}).default ?? addFormatsModule) as FormatsPlugin
  addFormats(ajv, ['email'])
  const validate = ajv.compile(schema)
  const id = String(schema.$id)
  const cache = new Map<string, ValidateFunction>()
  const validatorFor = (sub: AnySchemaObject): ValidateFunction => {
    const ref = typeof sub.$ref === 'string' ? sub.$ref : undefined
    const cacheKey = ref ?? JSON.stringify(sub)
    let fn = cache.get(cacheKey)
    if (!fn) {
      fn = ref ? ajv.getSchema(id + ref) : ajv.compile(absoluteRefs(sub, id) as AnySchemaObject)
      if (!fn) throw new Error(`schema reference not found: ${ref}`)
      cache.set(cacheKey, fn)
    }
    return fn
  }
  compiled = {ajv, schema, validate, validatorFor}
  return compiled
}

/** Inline sub-schemas compiled on their own need `#/definitions/x` refs made absolute to the root's $id. */
function absoluteRefs(node: unknown, id: string): unknown {
  if (Array.isArray(node)) return node.map((n) => absoluteRefs(n, id))
  if (node === null || typeof node !== 'object') return node
  return Object.fromEntries(
    Object.entries(node).map(([k, v]) => [k, k === '$ref' && typeof v === 'string' && v.startsWith('#') ? id + v : absoluteRefs(v, id)]),
  )
}
