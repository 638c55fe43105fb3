#!/usr/bin/env node
// Generates pagerduty-subset.json: only the PagerDuty REST operations the sandbox serves (and the
// client uses), with their parameters inlined and the component schemas they reference (transitive
// closure). Examples and response bodies are dropped to keep the committed file small; request
// bodies are what we validate.
// Usage: node src/sandbox/spec/make-subset.mjs [path/to/openapiv3.json] [out.json]
import {readFileSync, writeFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {OPERATIONS, subsetSpec} from './subset-core.mjs'

const here = fileURLToPath(new URL('.', import.meta.url))
const input = process.argv[2] ?? new URL('../../../../shared/pagerduty/openapiv3.json', import.meta.url).pathname
const output = process.argv[3] ?? `${here}pagerduty-subset.json`
const full = JSON.parse(readFileSync(input, 'utf8'))
const subset = subsetSpec(full)
writeFileSync(output, JSON.stringify(subset, null, 1) + '\n')
console.log(`wrote ${output}: ${OPERATIONS.length} operations, ${Object.keys(subset.components.schemas).length} schemas`)
