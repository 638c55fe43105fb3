import type {AnySchemaObject, ErrorObject} from 'ajv'
import type {Diagnostic} from './diagnostic.js'
import {didYouMean} from './did-you-mean.js'
import type {ParsedFile} from './parse-yaml.js'
import {loadSchema} from './schema.js'
import {formatPath, positionOf, type DataPath} from './source-position.js'

/**
 * Checks one file against the JSON Schema and turns ajv's errors into diagnostics at the
 * right line and column. Each file is a partial config, so the schema requires nothing at the
 * top level; the merge checks that `version` and `owner` appear somewhere.
 */
export function validateFileSchema(file: ParsedFile): Diagnostic[] {
  const {validate} = loadSchema()
  if (validate(file.value)) return []
  const errors = resolveAlternatives(validate.errors ?? [], file.value)
  const seen = new Set<string>()
  const out: Diagnostic[] = []
  for (const error of errors) {
    const d = toDiagnostic(error, file)
    if (!d) continue
    const id = `${d.line}:${d.col}:${d.code}:${d.message}`
    if (seen.has(id)) continue
    seen.add(id)
    out.push(d)
  }
  return out
}

/**
 * anyOf/oneOf failures list the errors of every branch, most of them noise (a string was
 * never meant to be the mapping form). Re-check the value against each branch and keep the
 * errors of the branch the user evidently meant: the one whose type and `type:` tag match.
 */
function resolveAlternatives(errors: ErrorObject[], root: unknown): ErrorObject[] {
  const alternatives = errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf')
  if (alternatives.length === 0) return errors
  // Handle the outermost alternatives first; their replacement covers anything nested.
  alternatives.sort((a, b) => a.instancePath.length - b.instancePath.length)
  let result = errors
  const handled: string[] = []
  for (const alt of alternatives) {
    const base = alt.instancePath
    if (handled.some((h) => base === h || base.startsWith(h + '/'))) continue
    handled.push(base)
    const inside = (e: ErrorObject) => e.instancePath === base || e.instancePath.startsWith(base + '/')
    result = [...result.filter((e) => !inside(e)), ...branchErrors(alt, dataAt(root, base))]
  }
  return result
}

function branchErrors(alt: ErrorObject, data: unknown): ErrorObject[] {
  const {validatorFor} = loadSchema()
  const branches = ((alt.parentSchema as AnySchemaObject | undefined)?.[alt.keyword] ?? []) as AnySchemaObject[]
  const candidates: {branch: AnySchemaObject; errors: ErrorObject[]}[] = []
  for (const branch of branches) {
    const validate = validatorFor(branch)
    if (validate(data)) return [] // oneOf with several matches: not possible with our schema's disjoint branches
    const errs = resolveAlternatives(validate.errors ?? [], data)
    const wrongKind = errs.some(
      (e) =>
        (e.instancePath === '' && e.keyword === 'type') ||
        (e.instancePath === '/type' && e.keyword === 'const') ||
        // An enum of strings was never meant for a mapping or a list.
        (e.instancePath === '' && e.keyword === 'enum' && !(e.params as {allowedValues: unknown[]}).allowedValues.some((v) => typeof v === typeof data)),
    )
    if (!wrongKind) candidates.push({branch, errors: errs})
  }
  const best = candidates.sort((a, b) => a.errors.length - b.errors.length)[0]
  if (best) {
    // A wrong value of the chosen kind also says which other kinds would do (`or a mapping with support_hours, ...`).
    const others = describeBranches(branches.filter((b) => b !== best.branch))
    return best.errors.map((e) => ({
      ...e,
      instancePath: alt.instancePath + e.instancePath,
      params: e.instancePath === '' && others !== '' ? {...e.params, otherwise: others} : e.params,
    }))
  }
  const tags = branchTags(branches)
  if (tags.length > 0 && data !== null && typeof data === 'object' && 'type' in data) {
    // A tagged mapping with an unknown tag: point at the tag and list the known ones.
    return [{...alt, keyword: 'enum', instancePath: `${alt.instancePath}/type`, data: (data as {type: unknown}).type, params: {allowedValues: tags}}]
  }
  return [{...alt, keyword: 'alternatives', params: {summary: describeBranches(branches)}, message: 'no alternative matches'}]
}

function branchTags(branches: AnySchemaObject[]): string[] {
  const definitions = (loadSchema().schema.definitions ?? {}) as Record<string, AnySchemaObject>
  return branches.flatMap((b) => {
    const target = typeof b.$ref === 'string' ? definitions[b.$ref.replace('#/definitions/', '')] : b
    const tag = (target?.properties as Record<string, AnySchemaObject> | undefined)?.type?.const
    return tag === undefined ? [] : [String(tag)]
  })
}

function describeBranches(branches: AnySchemaObject[]): string {
  const {schema} = loadSchema()
  const definitions = (schema.definitions ?? {}) as Record<string, AnySchemaObject>
  return branches
    .map((b) => {
      const target = typeof b.$ref === 'string' ? definitions[b.$ref.replace('#/definitions/', '')] : b
      if (!target) return 'a value'
      if (Array.isArray(target.enum)) return target.enum.join(', ')
      const tag = (target.properties as Record<string, AnySchemaObject> | undefined)?.type?.const
      if (tag !== undefined) return `{type: ${String(tag)}, ...}`
      if (target.type === 'null') return 'null'
      if (target.type === 'object') return `a mapping with ${Object.keys(target.properties ?? {}).join(', ')}`
      return String(target.type)
    })
    .join(' | ')
}

function toDiagnostic(e: ErrorObject, file: ParsedFile): Diagnostic | undefined {
  // Errors inside propertyNames duplicate the propertyNames error itself.
  if ((e as ErrorObject & {propertyName?: string}).propertyName !== undefined) return undefined
  const path = pointerToPath(e.instancePath, file.value)
  const parent = (e.parentSchema ?? {}) as AnySchemaObject
  const params = e.params as Record<string, unknown>
  const value = describeValue(e.data)
  const at = (p: DataPath, key = false) => ({...positionOf(file.file, file.doc, file.lineCounter, p, {key}), path: formatPath(p)})
  const error = (code: string, message: string, position: ReturnType<typeof at>, hint?: string): Diagnostic => ({
    severity: 'error',
    code,
    message,
    ...position,
    ...(hint ? {hint} : {}),
  })
  switch (e.keyword) {
    case 'additionalProperties': {
      const field = String(params.additionalProperty)
      const allowed = Object.keys((parent.properties ?? {}) as object)
      const hint = didYouMean(field, allowed) ?? `allowed fields: ${allowed.join(', ')}`
      return error('unknown-field', `unknown field \`${field}\``, at([...path, field], true), hint)
    }
    case 'required':
      return error('missing-field', `missing required field \`${String(params.missingProperty)}\``, at(path, true))
    case 'propertyNames': {
      const name = String(params.propertyName)
      return error('invalid-key', `invalid key \`${name}\``, at([...path, name], true), 'keys use lower-case letters, digits, - and _, and start with a letter or digit (at most 64 characters)')
    }
    case 'type':
      return error('wrong-type', `must be ${article(String(params.type))}, not ${value}`, at(path))
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map(String)
      const hint = typeof e.data === 'string' ? didYouMean(e.data, allowed) : undefined
      const otherwise = typeof params.otherwise === 'string' ? `; or ${params.otherwise}` : ''
      return error('invalid-value', `${value} is not allowed`, at(path), `${hint ? hint + ' ' : ''}allowed values: ${allowed.join(', ')}${otherwise}`)
    }
    case 'const':
      return error('invalid-value', `${value} is not allowed: must be ${JSON.stringify(params.allowedValue)}`, at(path))
    case 'pattern':
      return error('invalid-format', `${value} ${typeof parent.patternErrorMessage === 'string' ? parent.patternErrorMessage : `must match ${String(params.pattern)}`}`, at(path))
    case 'format':
      return error('invalid-format', `${value} is not a valid ${String(params.format)} address`, at(path))
    case 'minProperties':
    case 'maxProperties':
      return error('invalid-value', `must have exactly one of: ${Object.keys((parent.properties ?? {}) as object).join(', ')}`, at(path))
    case 'uniqueItems': {
      const items = e.data as unknown[]
      return error('duplicate-item', `lists \`${String(items[Number(params.j)])}\` twice`, at([...path, Number(params.i)]))
    }
    case 'alternatives':
      return error('invalid-value', `${value} is not allowed`, at(path), `expected one of: ${String(params.summary)}`)
    default:
      return error('schema', `${value} ${e.message ?? 'is invalid'}`, at(path))
  }
}

/** JSON pointer → path segments, with array indices as numbers (looked up in the data). */
function pointerToPath(pointer: string, root: unknown): DataPath {
  if (pointer === '') return []
  const out: (string | number)[] = []
  let node: unknown = root
  for (const raw of pointer.slice(1).split('/')) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~')
    if (Array.isArray(node)) {
      out.push(Number(segment))
      node = node[Number(segment)]
    } else {
      out.push(segment)
      node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[segment] : undefined
    }
  }
  return out
}

function dataAt(root: unknown, pointer: string): unknown {
  let node = root
  for (const segment of pointerToPath(pointer, root)) {
    node = node !== null && typeof node === 'object' ? (node as Record<string | number, unknown>)[segment] : undefined
  }
  return node
}

function describeValue(data: unknown): string {
  if (data === null) return 'null'
  if (Array.isArray(data)) return 'a list'
  if (typeof data === 'object') return 'a mapping'
  if (typeof data === 'string') return `\`${data.length > 60 ? data.slice(0, 57) + '...' : data}\``
  return `\`${String(data)}\``
}

function article(type: string): string {
  const names = type.split(',').map((t) => ({object: 'a mapping', array: 'a list', string: 'a string', integer: 'an integer', number: 'a number', boolean: 'true or false', null: 'null'})[t] ?? t)
  return names.join(' or ')
}
