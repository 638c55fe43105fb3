// Writes the JSON Schema validators as plain JavaScript (ajv standalone code; part of `npm run
// build`, after tsc): dist/config/oncall-schema-validate.cjs (the config schema) and
// dist/plan/plan-schema-validate.cjs (the plan file schema). A run then does not compile a schema
// with ajv (0.3 s for the config schema, ~1 s for the plan schema; issue 14). Each is used only
// when it was made from the current schema text (src/precompiled/). Never edit the output.
import {readFileSync, writeFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {createSchemaAjv, PRECOMPILED_URL, SCHEMA_URL} from '../dist/config/schema.js'
import {createPlanAjv, PLAN_PRECOMPILED_URL, PLAN_SCHEMA_URL} from '../dist/plan/plan-schema.js'
import {standaloneValidatorSource} from '../dist/precompiled/standalone-source.js'

const write = (out, ajv, schemaUrl, name) => writeFileSync(fileURLToPath(out), standaloneValidatorSource(ajv, readFileSync(schemaUrl, 'utf8'), name))
write(PRECOMPILED_URL, createSchemaAjv({standalone: true}), SCHEMA_URL, 'schemas/oncall.schema.json')
write(PLAN_PRECOMPILED_URL, createPlanAjv({standalone: true}), PLAN_SCHEMA_URL, 'schemas/plan.schema.json')
