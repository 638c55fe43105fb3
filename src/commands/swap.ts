import {Args, Flags} from '@oclif/core'
import {appendToOverridesFile, loadForEdit} from '../app/edit-overrides.js'
import {swapOverrides} from '../app/swap-shifts.js'
import {BaseCommand} from '../cli/base-command.js'
import {nowFlag, nowFrom} from '../cli/now-flag.js'
import {printEdit} from '../cli/print-edit.js'

export default class Swap extends BaseCommand {
  static override summary = "Swap two people's shifts in the config, as a pair of overrides (for a pull request)."
  static override description = `The shift on call at --shift (a date means its noon, in the schedule's zone) goes to --with, and that person's next
shift (else their latest earlier one) goes to whoever held the first. Appends both overrides to the overrides file
(--file; default: overrides.yaml in the config directory, or the config file itself), keeping comments, prints them
and the shifts they change, and validates the config with the change. Needs no API token.`

  static override examples = ['<%= config.bin %> swap consumer-app-primary --shift 2026-03-10 --with yui.watanabe@example.com']

  static override args = {schedule: Args.string({description: 'Schedule key.', required: true})}

  static override flags = {
    shift: Flags.string({description: 'A date (YYYY-MM-DD) or local date-time in the shift to hand over.', required: true}),
    with: Flags.string({description: 'Email of the person to swap with.', required: true}),
    config: Flags.string({char: 'c', description: 'Config file or directory (default ./oncall.yaml, else ./oncall/).'}),
    file: Flags.string({description: 'The overrides file to append to.'}),
    ...nowFlag,
  }

  async run(): Promise<void> {
    const {args, flags} = await this.parse(Swap)
    const now = nowFrom(flags.now)
    const {path, state} = await loadForEdit(flags.config, now)
    const overrides = swapOverrides(state, args.schedule, flags.shift, flags.with)
    const result = await appendToOverridesFile({configPath: path, file: flags.file, addition: {overrides}, now})
    printEdit(result, (line) => this.out(line))
  }
}
