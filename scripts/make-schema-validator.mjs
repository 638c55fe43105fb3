// Writes dist/config/oncall-schema-validate.cjs (part of `npm run build`, after tsc): the config
// schema's validator as plain JavaScript (ajv standalone code), so a run does not compile the
// schema with ajv (~0.3 s of CPU, most of a small config's `validate`; issue 14). loadSchema uses
// it only when it was made from the current schema text. Never edit the output.
import {writeFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {standaloneValidatorSource} from '../dist/config/schema-standalone.js'
import {PRECOMPILED_URL} from '../dist/config/schema.js'

writeFileSync(fileURLToPath(PRECOMPILED_URL), standaloneValidatorSource())
