#!/usr/bin/env node
// Entry point of the `oncall` binary: runs the compiled commands in dist/.
import {execute} from '@oclif/core'

await execute({dir: import.meta.url})
