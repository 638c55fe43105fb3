import {Ajv, type ErrorObject, type ValidateFunction} from 'ajv'
import {SUBSET, type SpecOperation} from './subset.js'

/**
 * Validates request bodies against the spec subset with ajv. The spec's schemas describe whole
 * objects, so some adjustments make them describe what PagerDuty actually accepts in requests:
 *
 * - PUT: the resource's own `required` list is dropped. PD documents partial updates ("Not all
 *   required fields for the resource must be specified; only those whose state is to be changed
 *   must be included", DevDocs 05-Endpoints; notes §2.3 and §6), while the spec reuses the full
 *   schema. Nested objects (layers, rules, references) keep their `required` lists.
 * - readOnly properties are never required and never checked in a request: PD ignores readOnly
 *   input (DevDocs 05-Endpoints), so echoing a GET response back (e.g. a layer with
 *   rendered_coverage_percentage: null) is fine.
 * - Optional properties accept null: "Any field may be null unless it is required" (DevDocs
 *   06-Types), and clearing a layer's end needs "end": null (terraform PR #460) while the spec
 *   types ScheduleLayer.end as a plain string. The same holds for optional object properties
 *   given by $ref: a service's support_hours may be null (no support hours), as may
 *   acknowledgement_timeout / auto_resolve_timeout ("null or 0 disables", notes §3.6).
 * - `oneOf` becomes `anyOf`: the spec's alternatives have no distinguishing `required`, so a valid
 *   body such as alert grouping config {timeout: 10} matches several branches and would fail oneOf.
 * - The content-based grouping `aggregate` enum is written as the single string "all, any" (spec
 *   bug, notes §7.6): it is split into "all" and "any".
 * - escalation_rule_assignment_strategy is typed as a string, but the spec's own example and
 *   terraform send an object ({"type": "round_robin"}) (notes §3.5): either is accepted.
 * - Formats: date-time, email and time are checked loosely; PD-specific formats (tzinfo,
 *   activesupport-time-zone, url, ...) are accepted as any string.
 */
type Json = unknown
type JsonObj = Record<string, unknown>

function isObj(v: Json): v is JsonObj {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function adjust(v: Json): Json {
  if (Array.isArray(v)) return v.map(adjust)
  if (!isObj(v)) return v
  const out: JsonObj = {}
  for (const [k, x] of Object.entries(v)) out[k === 'oneOf' ? 'anyOf' : k] = adjust(x)
  if (Array.isArray(out.enum) && out.enum.length === 1 && out.enum[0] === 'all, any') out.enum = ['all', 'any']
  if (isObj(out.properties)) {
    const props = out.properties
    const required = new Set(Array.isArray(v.required) ? v.required : [])
    for (const [name, schema] of Object.entries(props)) {
      if (isObj(schema) && (schema.readOnly === true || name === 'escalation_rule_assignment_strategy')) props[name] = {}
      else if (isObj(schema) && typeof schema.type === 'string' && !required.has(name)) props[name] = {...schema, nullable: true}
      // ajv's `nullable` needs a sibling `type`; a $ref/allOf property (support_hours → SupportHours)
      // gets an explicit null alternative instead.
      else if (isObj(schema) && schema.type === undefined && (schema.$ref !== undefined || schema.allOf !== undefined) && !required.has(name)) {
        props[name] = {anyOf: [schema, {type: 'null'}]}
      }
    }
  }
  if (Array.isArray(out.required) && isObj(v.properties)) {
    const props = v.properties
    out.required = out.required.filter((name) => !(isObj(props[name as string]) && (props[name as string] as JsonObj).readOnly === true))
  }
  return out
}

/** The schema without its top-level `required` lists (including those of allOf parts). */
function withoutRequired(schema: Json): Json {
  if (!isObj(schema)) return schema
  const {required: _dropped, ...rest} = schema
  if (Array.isArray(rest.allOf)) rest.allOf = rest.allOf.map(withoutRequired)
  return rest
}

/** The wrapped resource of a PUT: its own $ref (possibly inside allOf) points at the partial variant. */
function partialize(v: Json): Json {
  if (!isObj(v)) return v
  if (typeof v.$ref === 'string') return {$ref: v.$ref.replace('#/components/schemas/', '#/components/partial/')}
  const out = withoutRequired(v) as JsonObj
  if (Array.isArray(out.allOf)) out.allOf = out.allOf.map(partialize)
  return out
}

const SCHEMAS = adjust(SUBSET.components.schemas) as JsonObj
const PARTIAL: JsonObj = Object.fromEntries(Object.entries(SCHEMAS).map(([k, v]) => [k, withoutRequired(v)]))

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/i

function makeAjv(): Ajv {
  const ajv = new Ajv({strict: false, allErrors: true, validateFormats: true})
  ajv.addFormat('date-time', DATE_TIME)
  ajv.addFormat('email', /^[^@\s]+@[^@\s]+$/)
  ajv.addFormat('time', /^\d{2}:\d{2}(:\d{2})?$/)
  const known = new Set(['date-time', 'email', 'time'])
  JSON.stringify(SUBSET, (key, value: unknown) => {
    if (key === 'format' && typeof value === 'string' && !known.has(value)) {
      known.add(value)
      ajv.addFormat(value, true)
    }
    return value
  })
  return ajv
}

const ajv = makeAjv()
const cache = new Map<string, ValidateFunction | null>()

function bodySchema(method: string, operation: SpecOperation): JsonObj | null {
  const schema = operation.requestBody?.content['application/json']?.schema
  if (!schema) return null
  let root = adjust(schema) as JsonObj
  if (method.toLowerCase() === 'put' && isObj(root.properties)) {
    // Point the wrapped resource at its partial variant: {"schedule": {$ref Schedule}} → partial Schedule.
    const props: JsonObj = {}
    for (const [k, v] of Object.entries(root.properties)) {
      props[k] = partialize(v)
    }
    root = {...root, properties: props}
  }
  return {...root, components: {schemas: SCHEMAS, partial: PARTIAL}}
}

function validator(method: string, template: string, operation: SpecOperation): ValidateFunction | null {
  const key = `${method.toLowerCase()} ${template}`
  if (!cache.has(key)) {
    const schema = bodySchema(method, operation)
    cache.set(key, schema ? ajv.compile(schema) : null)
  }
  return cache.get(key) ?? null
}

function describe(e: ErrorObject): string {
  const where = e.instancePath === '' ? 'body' : e.instancePath.slice(1).split('/').join('.')
  const extra = e.keyword === 'enum' ? `: ${(e.params as {allowedValues: unknown[]}).allowedValues.join(', ')}` : ''
  return `${where} ${e.message ?? 'is invalid'}${extra}`
}

/**
 * Problems with a request body for an operation ([] when valid). A missing body is a problem
 * only when the spec marks the request body required.
 */
export function validateRequestBody(method: string, template: string, operation: SpecOperation, body: unknown): string[] {
  if (body === undefined || body === null) return operation.requestBody?.required ? ['body is required'] : []
  const validate = validator(method, template, operation)
  if (!validate || validate(body)) return []
  // anyOf failures repeat each branch's errors; keep each message once.
  return [...new Set((validate.errors ?? []).map(describe))]
}
