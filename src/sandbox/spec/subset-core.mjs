// Pure part of the subset generator, shared by make-subset.mjs and the test that checks the
// committed subset still matches the full spec.

/** The operations the sandbox implements: [method, path template]. */
export const OPERATIONS = [
  ['get', '/abilities'],
  ['get', '/users'], ['post', '/users'], ['get', '/users/me'],
  ['get', '/users/{id}'], ['put', '/users/{id}'], ['delete', '/users/{id}'],
  ['get', '/teams'], ['post', '/teams'],
  ['get', '/teams/{id}'], ['put', '/teams/{id}'], ['delete', '/teams/{id}'],
  ['get', '/teams/{id}/members'],
  ['put', '/teams/{id}/users/{user_id}'], ['delete', '/teams/{id}/users/{user_id}'],
  ['put', '/teams/{id}/escalation_policies/{escalation_policy_id}'],
  ['delete', '/teams/{id}/escalation_policies/{escalation_policy_id}'],
  ['get', '/schedules'], ['post', '/schedules'],
  ['get', '/schedules/{id}'], ['put', '/schedules/{id}'], ['delete', '/schedules/{id}'],
  ['get', '/schedules/{id}/users'],
  ['get', '/schedules/{id}/overrides'], ['post', '/schedules/{id}/overrides'],
  ['delete', '/schedules/{id}/overrides/{override_id}'],
  ['get', '/escalation_policies'], ['post', '/escalation_policies'],
  ['get', '/escalation_policies/{id}'], ['put', '/escalation_policies/{id}'], ['delete', '/escalation_policies/{id}'],
  ['get', '/services'], ['post', '/services'],
  ['get', '/services/{id}'], ['put', '/services/{id}'], ['delete', '/services/{id}'],
  ['get', '/oncalls'],
  // Shift-based schedules (REST v3).
  ['get', '/v3/schedules'], ['post', '/v3/schedules'],
  ['get', '/v3/schedules/{id}'], ['put', '/v3/schedules/{id}'], ['delete', '/v3/schedules/{id}'],
  ['get', '/v3/schedules/{id}/rotations'], ['post', '/v3/schedules/{id}/rotations'],
  ['get', '/v3/schedules/{id}/rotations/{rotation_id}'], ['delete', '/v3/schedules/{id}/rotations/{rotation_id}'],
  ['get', '/v3/schedules/{id}/rotations/{rotation_id}/events'], ['post', '/v3/schedules/{id}/rotations/{rotation_id}/events'],
  ['get', '/v3/schedules/{id}/rotations/{rotation_id}/events/{event_id}'],
  ['put', '/v3/schedules/{id}/rotations/{rotation_id}/events/{event_id}'],
  ['delete', '/v3/schedules/{id}/rotations/{rotation_id}/events/{event_id}'],
  ['get', '/v3/schedules/{id}/custom_shifts'], ['post', '/v3/schedules/{id}/custom_shifts'],
  ['get', '/v3/schedules/{id}/custom_shifts/{custom_shift_id}'], ['put', '/v3/schedules/{id}/custom_shifts/{custom_shift_id}'],
  ['delete', '/v3/schedules/{id}/custom_shifts/{custom_shift_id}'],
  ['get', '/v3/schedules/{id}/overrides'], ['post', '/v3/schedules/{id}/overrides'],
  ['get', '/v3/schedules/{id}/overrides/{override_id}'], ['put', '/v3/schedules/{id}/overrides/{override_id}'],
  ['delete', '/v3/schedules/{id}/overrides/{override_id}'],
]

const DROP = new Set(['example', 'examples'])

function strip(value) {
  if (Array.isArray(value)) return value.map(strip)
  if (value && typeof value === 'object') {
    const out = {}
    for (const [k, v] of Object.entries(value)) if (!DROP.has(k)) out[k] = strip(v)
    return out
  }
  return value
}

function resolvePointer(doc, ref) {
  let node = doc
  for (const part of ref.slice(2).split('/')) node = node[part.replace(/~1/g, '/').replace(/~0/g, '~')]
  if (node === undefined) throw new Error(`unresolved ${ref}`)
  return node
}

function collectRefs(value, into) {
  if (Array.isArray(value)) for (const v of value) collectRefs(v, into)
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === '$ref' && typeof v === 'string') into.add(v)
      else collectRefs(v, into)
    }
  }
}

export function subsetSpec(full) {
  const paths = {}
  for (const [method, path] of OPERATIONS) {
    const op = full.paths[path]?.[method]
    if (!op) throw new Error(`operation ${method.toUpperCase()} ${path} missing from spec`)
    const parameters = (op.parameters ?? []).map((p) => strip(p.$ref ? resolvePointer(full, p.$ref) : p))
    const responses = {}
    for (const [code, r] of Object.entries(op.responses ?? {})) {
      const resolved = r.$ref ? resolvePointer(full, r.$ref) : r
      responses[code] = {description: resolved.description ?? ''}
    }
    const out = {operationId: op.operationId, summary: op.summary, parameters, responses}
    if (op.requestBody) {
      const body = op.requestBody.$ref ? resolvePointer(full, op.requestBody.$ref) : op.requestBody
      out.requestBody = strip(body)
    }
    paths[path] = {...paths[path], [method]: out}
  }
  // Transitive closure of the component schemas the kept operations reference.
  const schemas = {}
  const pending = new Set()
  collectRefs(paths, pending)
  while (pending.size > 0) {
    const [ref] = pending
    pending.delete(ref)
    const name = ref.replace('#/components/schemas/', '').split('/')[0]
    if (!ref.startsWith('#/components/schemas/') || schemas[name]) continue
    schemas[name] = strip(full.components.schemas[name])
    collectRefs(schemas[name], pending)
  }
  const sorted = Object.fromEntries(Object.keys(schemas).sort().map((k) => [k, schemas[k]]))
  return {
    openapi: full.openapi,
    info: {title: `${full.info.title} (oncall sandbox subset)`, version: full.info.version},
    servers: full.servers,
    paths,
    components: {schemas: sorted, securitySchemes: full.components.securitySchemes},
  }
}
