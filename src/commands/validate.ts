import {Flags} from '@oclif/core'
import {renderValidateJson, renderValidateText, validateConfig} from '../app/validate-config.js'
import {BaseCommand} from '../cli/base-command.js'
import {configPathArg} from '../cli/config-path-arg.js'
import {EXIT} from '../cli/exit-codes.js'
import {horizonDaysFrom, horizonFlag} from '../cli/horizon-flag.js'
import {nowFlag, nowFrom} from '../cli/now-flag.js'

export default class Validate extends BaseCommand {
  static override summary = 'Check a config and report every problem with file:line:col.'
  static override description = `Reads PATH (default ./oncall.yaml, else ./oncall/): one YAML file or a directory of *.yaml/*.yml files merged.
Reports YAML, schema and semantic problems in one run, one per line as "file:line:col: error|warning CODE message (at path) — hint".
The team's own rules (rules:) are judged over --horizon (default 8 weeks) from now.
Exit status: 0 when valid (warnings allowed unless --strict), 1 otherwise. Needs no API token.`

  static override examples = [
    '<%= config.bin %> validate',
    '<%= config.bin %> validate examples/retail-org',
    '<%= config.bin %> validate oncall.yaml --strict --format json',
  ]

  static override args = {path: configPathArg}

  static override flags = {
    format: Flags.string({description: 'Output format.', options: ['text', 'json'], default: 'text'}),
    json: Flags.boolean({description: 'Same as --format json.', default: false}),
    strict: Flags.boolean({description: 'Fail (exit 1) on warnings too.', default: false}),
    ...horizonFlag,
    ...nowFlag,
  }

  async run(): Promise<void> {
    const {args, flags} = await this.parse(Validate)
    const now = nowFrom(flags.now)
    const report = await validateConfig(args.path, {strict: flags.strict, now, horizonDays: horizonDaysFrom(flags.horizon)})
    this.out(flags.json || flags.format === 'json' ? renderValidateJson(report) : renderValidateText(report))
    if (!report.valid) this.exit(EXIT.error)
  }
}
