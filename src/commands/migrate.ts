import {Args, Flags} from '@oclif/core'
import {migrateSchedule, renderMigrationText} from '../app/migrate-schedule.js'
import {BaseCommand} from '../cli/base-command.js'
import {configPathArg} from '../cli/config-path-arg.js'
import {nowFlag, nowFrom} from '../cli/now-flag.js'

export default class Migrate extends BaseCommand {
  static override summary = 'Show the shift-based form of a layer schedule and prove it puts the same people on call.'
  static override description = `Converts SCHEDULE (a layer-based schedule of the config) to PagerDuty's shift-based form (rotations of recurring events) and compares both forms shift by shift over --weeks weeks from now (extended to cross the zone's next DST switch). Prints the rotations to put in place of the schedule's layers, notes on what cannot be expressed exactly, and either "identical for N weeks" or each differing stretch of on-call time.
It reads only the config (no API token) and writes nothing yet: plan/apply of shift-based schedules are not available.`

  static override examples = ['<%= config.bin %> migrate platform-primary examples/starter', '<%= config.bin %> migrate platform-primary --weeks 26']

  static override args = {schedule: Args.string({description: 'Key of the layer-based schedule.', required: true}), path: configPathArg}

  static override flags = {
    weeks: Flags.integer({description: 'Length of the proof window in weeks.', default: 12, min: 1, max: 104}),
    ...nowFlag,
  }

  async run(): Promise<void> {
    const {args, flags} = await this.parse(Migrate)
    const report = await migrateSchedule(args.path, args.schedule, {now: nowFrom(flags.now), weeks: flags.weeks})
    this.out(renderMigrationText(report))
  }
}
