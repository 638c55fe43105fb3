import {Args, Flags} from '@oclif/core'
import {appendToOverridesFile, loadForEdit} from '../app/edit-overrides.js'
import {BaseCommand} from '../cli/base-command.js'
import {nowFlag, nowFrom} from '../cli/now-flag.js'
import {printEdit} from '../cli/print-edit.js'

export default class Override extends BaseCommand {
  static override summary = 'Add an override to the config (for a pull request; the account is changed by apply).'
  static override description = `Appends {schedule, user, start, end, note} to the overrides file (--file; default: overrides.yaml in the config
directory, or the config file itself), keeping its comments and layout, then prints the entry and the shifts it changes.
Times are local date-times in the schedule's zone (YYYY-MM-DDTHH:MM) or carry an offset. On a shift-based schedule the
override takes one rotation's shifts: --rotation names it when the span touches several, --replaces narrows it to one
member. The whole config is validated with the change; nothing is written when it does not validate. Needs no API token.`

  static override examples = [
    '<%= config.bin %> override consumer-app-primary --user yui.watanabe@example.com --start 2026-03-10T10:00 --end 2026-03-11T10:00 --note "Takumi at the dentist"',
    '<%= config.bin %> override support-shifts --user lena.vogel@example.com --start 2026-03-04T16:00 --end 2026-03-04T19:00 --rotation Evenings',
  ]

  static override args = {schedule: Args.string({description: 'Schedule key.', required: true})}

  static override flags = {
    user: Flags.string({description: 'Who is on call instead (email).', required: true}),
    start: Flags.string({description: 'Start: YYYY-MM-DDTHH:MM in the schedule zone, or with an offset.', required: true}),
    end: Flags.string({description: 'End (exclusive), same forms.', required: true}),
    note: Flags.string({description: 'Why (shown in the plan and the calendars).'}),
    rotation: Flags.string({description: 'Shift-based schedules: the rotation whose shifts it takes (needed when the span touches several).'}),
    replaces: Flags.string({description: 'Shift-based schedules: the member whose shifts it takes (default: everyone the rotation has on call then).'}),
    config: Flags.string({char: 'c', description: 'Config file or directory (default ./oncall.yaml, else ./oncall/).'}),
    file: Flags.string({description: 'The overrides file to append to.'}),
    ...nowFlag,
  }

  async run(): Promise<void> {
    const {args, flags} = await this.parse(Override)
    const now = nowFrom(flags.now)
    const {path} = await loadForEdit(flags.config, now)
    const entry = {schedule: args.schedule, user: flags.user, start: flags.start, end: flags.end, note: flags.note, rotation: flags.rotation, replaces: flags.replaces}
    const result = await appendToOverridesFile({configPath: path, file: flags.file, addition: {overrides: [entry]}, now})
    printEdit(result, (line) => this.out(line))
  }
}
