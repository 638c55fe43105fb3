import {createHash} from 'node:crypto'
import {existsSync} from 'node:fs'
import {createRequire} from 'node:module'
import {fileURLToPath} from 'node:url'
import type {ValidateFunction} from 'ajv'

/**
 * JSON Schema validators compiled to plain JavaScript at build time (ajv standalone code,
 * scripts/make-schema-validator.mjs): compiling a schema with ajv costs every run that needs it
 * 0.3–1 s of CPU (issue 14). Each module is a CommonJS file next to the code that uses it in dist/,
 * stamped with the SHA-256 of the schema text it was made from, and used only when that matches:
 * absent in src/ (tests compile the schema) or stale (the schema was edited since the build), the
 * caller compiles the schema as before.
 */
const require = createRequire(import.meta.url)

export function schemaSha256(schemaText: string): string {
  return createHash('sha256').update(schemaText).digest('hex')
}

/** The build's validator at `url` when it was made from `schemaText`, else undefined. */
export function precompiledValidator(url: URL, schemaText: string): ValidateFunction | undefined {
  const file = fileURLToPath(url)
  if (!existsSync(file)) return undefined
  const module = require(file) as {default: ValidateFunction; schemaSha256?: string}
  return module.schemaSha256 === schemaSha256(schemaText) ? module.default : undefined
}
