import type {AnySchemaObject} from 'ajv'
import {describe, expect, it} from 'vitest'
import {loadSchema} from './schema.js'

/** The schema is what editors show: every property explained, every object closed. */
describe('schemas/oncall.schema.json', () => {
  const {schema} = loadSchema()
  const definitions = schema.definitions as Record<string, AnySchemaObject>
  const nodes: [string, AnySchemaObject][] = [['$', schema], ...Object.entries(definitions)]

  it('describes every property (directly or through its $ref)', () => {
    const missing: string[] = []
    const walk = (node: AnySchemaObject, path: string): void => {
      for (const [key, sub] of Object.entries((node.properties ?? {}) as Record<string, AnySchemaObject>)) {
        const target = typeof sub.$ref === 'string' ? definitions[sub.$ref.replace('#/definitions/', '')] : sub
        if (!sub.description && !target?.description) missing.push(`${path}.${key}`)
        walk(sub, `${path}.${key}`)
      }
      if (node.items) walk(node.items as AnySchemaObject, `${path}[]`)
    }
    for (const [name, node] of nodes) walk(node, name)
    expect(missing).toEqual([])
  })

  it('closes every object with additionalProperties: false (keyed sections take schemas instead)', () => {
    const open: string[] = []
    const walk = (node: AnySchemaObject, path: string): void => {
      if (node.properties && node.additionalProperties !== false) open.push(path)
      for (const [key, sub] of Object.entries((node.properties ?? {}) as Record<string, AnySchemaObject>)) walk(sub, `${path}.${key}`)
      if (node.items) walk(node.items as AnySchemaObject, `${path}[]`)
    }
    for (const [name, node] of nodes) walk(node, name)
    expect(open).toEqual([])
  })

  it('compiles in ajv strict mode', () => {
    expect(typeof loadSchema().validate).toBe('function')
  })
})

describe('validatorFor', () => {
  it('compiles inline sub-schemas that refer to definitions', () => {
    const {validatorFor} = loadSchema()
    const validate = validatorFor({type: 'object', properties: {at: {$ref: '#/definitions/date_time'}}})
    expect(validate({at: '2026-01-05T10:00'})).toBe(true)
    expect(validate({at: 'soon'})).toBe(false)
  })
})
