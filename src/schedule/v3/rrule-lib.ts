// rrule 2.8.1 ships its Node entry point as a webpack UMD bundle (package.json "main"), whose
// exports Node's CommonJS lexer cannot see: `import {RRule} from 'rrule'` fails at run time on
// Node 20/22 although TypeScript accepts it. require() returns the bundle's module.exports.
import {createRequire} from 'node:module'
import type rrulePackage from 'rrule'

export type RRuleOptions = rrulePackage.Options
export type RRuleSetInstance = InstanceType<typeof rrulePackage.RRuleSet>

const require = createRequire(import.meta.url)
let loaded: typeof rrulePackage | undefined

/**
 * The rrule package, loaded on first use: only shift-based schedules' recurrences need it, and
 * loading it cost every command ~45 ms of start-up that reads a config (issue 14).
 */
export function rrule(): typeof rrulePackage {
  return (loaded ??= require('rrule') as typeof rrulePackage)
}
