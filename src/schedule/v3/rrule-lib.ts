// rrule 2.8.1 ships its Node entry point as a webpack UMD bundle (package.json "main"), whose
// exports Node's CommonJS lexer cannot see: `import {RRule} from 'rrule'` fails at run time on
// Node 20/22 although TypeScript accepts it. The default import is the bundle's module.exports.
import rrulePackage from 'rrule'

export const {RRule, RRuleSet} = rrulePackage
export type RRuleOptions = rrulePackage.Options
