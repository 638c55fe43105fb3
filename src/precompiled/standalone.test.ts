import {execFileSync} from 'node:child_process'
import {readdirSync, readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {join} from 'node:path'
import type {ErrorObject, ValidateFunction} from 'ajv'
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {parse} from 'yaml'
import {aSmallPlan} from '../../test/builders.js'
import {createSchemaAjv, loadSchema, SCHEMA_URL} from '../config/schema.js'
import {createPlanAjv, PLAN_SCHEMA_URL, planValidator} from '../plan/plan-schema.js'
import {renderJson} from '../plan/render/json.js'
import {schemaSha256} from './precompiled-validator.js'
import {standaloneValidatorSource} from './standalone-source.js'

const REPO = join(import.meta.dirname, '..', '..')
const schemaText = readFileSync(SCHEMA_URL, 'utf8')

/** The build's module, evaluated as Node would load it from dist/config/ (it requires ajv's runtime helpers). */
function evaluate(source: string): {default: ValidateFunction; schemaSha256: string} {
  const module = {exports: {} as Record<string, unknown>}
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  new Function('module', 'exports', 'require', source)(module, module.exports, createRequire(import.meta.url))
  return module.exports as unknown as {default: ValidateFunction; schemaSha256: string}
}

const standalone = evaluate(standaloneValidatorSource(createSchemaAjv({standalone: true}), schemaText, 'schemas/oncall.schema.json'))
const compiled = createSchemaAjv().compile(JSON.parse(schemaText) as object)

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, {withFileTypes: true}).flatMap((e) =>
    e.isDirectory() ? (e.name === 'ci' ? [] : yamlFiles(join(dir, e.name))) : /\.ya?ml$/.test(e.name) ? [join(dir, e.name)] : [],
  )
}
const examples = yamlFiles(join(REPO, 'examples')).map((f) => parse(readFileSync(f, 'utf8')) as unknown)

/** Everything the diagnostics read from an error (validate-schema.ts), schema objects compared by value. */
function outcome(validate: ValidateFunction, data: unknown) {
  const valid = validate(data)
  const errors = (validate.errors ?? []).map((e: ErrorObject) => ({...e}))
  return {valid, errors: valid ? [] : errors}
}

describe('the precompiled (standalone) config schema validator', () => {
  it('is stamped with the schema it was made from', () => {
    expect(standalone.schemaSha256).toBe(schemaSha256(schemaText))
    expect(schemaSha256(schemaText + ' ')).not.toBe(standalone.schemaSha256)
  })

  it('accepts every example config, as the compiled schema does', () => {
    expect(examples.length).toBeGreaterThan(5)
    for (const doc of examples) {
      expect(outcome(standalone.default, doc)).toEqual({valid: true, errors: []})
      expect(outcome(compiled, doc)).toEqual({valid: true, errors: []})
    }
  })

  it('reports the same errors as the compiled schema for mutated example configs', () => {
    const odd = fc.oneof(
      fc.constantFrom('', 'hgh', 'mon 09:00', '2026-13-01', 'x@', 'Team A', 0, -1, 1.5, true, null, [], {}, {type: 'tim'}, {type: 'time', timeout: 5}, ['a', 'a']),
      fc.jsonValue({maxDepth: 2}),
    )
    let invalid = 0
    const mutation = fc.record({doc: fc.constantFrom(...examples), pick: fc.nat(), value: odd, key: fc.constantFrom('value', 'bogus', 'BAD KEY', 'type')})
    fc.assert(
      fc.property(mutation, ({doc, pick, value, key}) => {
        const mutated = mutate(structuredClone(doc), pick, value, key)
        const expected = outcome(compiled, mutated)
        if (!expected.valid) invalid++
        expect(outcome(standalone.default, mutated)).toEqual(expected)
      }),
      {numRuns: 300, seed: 14},
    )
    // Most mutations break the config: the comparison covers errors, not only acceptance.
    expect(invalid).toBeGreaterThan(150)
  })

  it('in src/ (no built module next to schema.ts) loadSchema compiles the schema, which answers the same', () => {
    const doc = {version: 1, owner: 'x', teams: {t: {name: 'T', bogus: 1}}}
    expect(outcome(loadSchema().validate, doc)).toEqual(outcome(standalone.default, doc))
    expect(outcome(loadSchema().validate, doc).valid).toBe(false)
  })

  it('the built CLI validates a config with the precompiled module and never loads ajv for a valid one', () => {
    // dist/ is built by the test setup (test/global-setup.ts) as by `npm run build`.
    const script = `
      import {createRequire} from 'node:module'
      const {loadSchema} = await import(${JSON.stringify(join(REPO, 'dist', 'config', 'schema.js'))})
      const {planValidator} = await import(${JSON.stringify(join(REPO, 'dist', 'plan', 'plan-schema.js'))})
      const valid = loadSchema().validate({version: 1, owner: 'x', teams: {t: {name: 'T'}}})
      const planValid = planValidator()(${JSON.stringify(planJson())})
      const loaded = Object.keys(createRequire(import.meta.url).cache)
      const has = (end) => loaded.some((f) => f.endsWith(end))
      console.log(JSON.stringify({valid, planValid, precompiled: has('oncall-schema-validate.cjs') && has('plan-schema-validate.cjs'), ajv: has('/ajv/dist/core.js')}))`
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {encoding: 'utf8'})
    expect(JSON.parse(out)).toEqual({valid: true, planValid: true, precompiled: true, ajv: false})
  })
})

function planJson(): unknown {
  return JSON.parse(renderJson(aSmallPlan().plan)) as unknown
}

describe('the precompiled (standalone) plan schema validator', () => {
  const planText = readFileSync(PLAN_SCHEMA_URL, 'utf8')
  const planStandalone = evaluate(standaloneValidatorSource(createPlanAjv({standalone: true}), planText, 'schemas/plan.schema.json'))
  const planCompiled = createPlanAjv().compile(JSON.parse(planText) as object)

  it('is stamped with the plan schema and accepts a rendered plan', () => {
    expect(planStandalone.schemaSha256).toBe(schemaSha256(planText))
    expect(outcome(planStandalone.default, planJson())).toEqual({valid: true, errors: []})
    expect(outcome(planValidator(), planJson())).toEqual({valid: true, errors: []})
  })

  it('reports the same errors as the compiled plan schema for mutated plans', () => {
    let invalid = 0
    const odd = fc.oneof(fc.constantFrom('', 'create', 'nope', 0, -1, true, null, [], {}, {kind: 'x'}), fc.jsonValue({maxDepth: 2}))
    fc.assert(
      fc.property(fc.nat(), odd, fc.constantFrom('value', 'bogus', 'kind'), (pick, value, key) => {
        const mutated = mutate(planJson(), pick, value, key)
        const expected = outcome(planCompiled, mutated)
        if (!expected.valid) invalid++
        expect(outcome(planStandalone.default, mutated)).toEqual(expected)
      }),
      {numRuns: 200, seed: 14},
    )
    expect(invalid).toBeGreaterThan(100)
  })
})

/** Replaces the pick-th node (depth-first) of `doc` with `value`, or adds `key: value` to it when it is a mapping. */
function mutate(doc: unknown, pick: number, value: unknown, key: string): unknown {
  const nodes: {parent: Record<string, unknown> | unknown[]; at: string | number}[] = []
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach((v, i) => (nodes.push({parent: node, at: i}), walk(v)))
    else if (node !== null && typeof node === 'object') for (const [k, v] of Object.entries(node)) nodes.push({parent: node as Record<string, unknown>, at: k}), walk(v)
  }
  walk(doc)
  const target = nodes[pick % nodes.length]
  if (!target) return value
  const current = (target.parent as Record<string | number, unknown>)[target.at]
  if (key !== 'value' && current !== null && typeof current === 'object' && !Array.isArray(current)) (current as Record<string, unknown>)[key] = value
  else (target.parent as Record<string | number, unknown>)[target.at] = value
  return doc
}
