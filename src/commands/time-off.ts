import {Args, Flags} from '@oclif/core'
import {appendToOverridesFile, loadForEdit} from '../app/edit-overrides.js'
import {BaseCommand} from '../cli/base-command.js'
import {nowFlag, nowFrom} from '../cli/now-flag.js'
import {printEdit} from '../cli/print-edit.js'

export default class TimeOff extends BaseCommand {
  static override summary = 'Add time off to the config; oncall computes who covers (for a pull request).'
  static override description = `Appends {user, from, to, cover, note} to time_off in the overrides file (--file; default: overrides.yaml in the config
directory, or the config file itself), keeping comments, then prints the entry and the covering shifts: on every schedule
where the person would be on call, the next person in that rotation who is not off too covers (or --cover).
--from/--to take a date (a whole day; --to is the last day off) or a local date-time. Needs no API token.`

  static override examples = [
    '<%= config.bin %> time-off takumi.kobayashi@example.com --from 2026-03-05 --to 2026-03-10 --note "family visit"',
    '<%= config.bin %> time-off rin.yamamoto@example.com --from 2026-04-01T09:00 --to 2026-04-01T18:00 --cover sota.ito@example.com',
  ]

  static override args = {user: Args.string({description: 'Email of the person who is off.', required: true})}

  static override flags = {
    from: Flags.string({description: 'First day (YYYY-MM-DD) or local date-time.', required: true}),
    to: Flags.string({description: 'Last day (YYYY-MM-DD, through its end) or local date-time (exclusive).', required: true}),
    cover: Flags.string({description: 'Who covers (email); default: the next person in each rotation.'}),
    'time-zone': Flags.string({description: "Zone of --from/--to (default: the user's, else each schedule's)."}),
    note: Flags.string({description: 'Why (shown in the plan and the calendars).'}),
    config: Flags.string({char: 'c', description: 'Config file or directory (default ./oncall.yaml, else ./oncall/).'}),
    file: Flags.string({description: 'The overrides file to append to.'}),
    ...nowFlag,
  }

  async run(): Promise<void> {
    const {args, flags} = await this.parse(TimeOff)
    const now = nowFrom(flags.now)
    const {path} = await loadForEdit(flags.config, now)
    const entry = {user: args.user, from: flags.from, to: flags.to, time_zone: flags['time-zone'], cover: flags.cover, note: flags.note}
    const result = await appendToOverridesFile({configPath: path, file: flags.file, addition: {timeOff: [entry]}, now})
    printEdit(result, (line) => this.out(line))
  }
}
