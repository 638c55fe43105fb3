import {Args, Flags} from '@oclif/core'
import {MigrationRefused, migrateSchedule, renderMigrationText} from '../app/migrate-schedule.js'
import {BaseCommand} from '../cli/base-command.js'
import {configPathArg} from '../cli/config-path-arg.js'
import {nowFlag, nowFrom} from '../cli/now-flag.js'

export default class Migrate extends BaseCommand {
  static override summary = 'Convert a layer schedule to the shift-based form, prove it puts the same people on call, and (--write) write it into the config.'
  static override description = `Converts SCHEDULE (a layer-based schedule of the config) to PagerDuty's shift-based form (rotations of recurring events) and compares both forms shift by shift over --weeks weeks from now (extended to cross the zone's next DST switch). Prints the rotations that replace the schedule's layers, notes on what cannot be expressed exactly, and either "identical for N weeks" or each differing stretch of on-call time.
Without --write nothing is written. --write replaces the schedule's \`layers:\` with \`rotations:\` in the config file that defines it (same key, so escalation policies keep referring to it; the file's comments and layout elsewhere are kept), only if the proof finds no difference: --accept-differences writes a form that differs. The edited config must validate, else nothing is written.
It reads only the config (no API token). The next \`oncall plan\` creates the shift-based schedule in PagerDuty, moves the escalation policies to it at a handoff and ends the layer schedule (docs/shift-based-schedules.md, "Migrating").`

  static override examples = [
    '<%= config.bin %> migrate platform-primary examples/starter',
    '<%= config.bin %> migrate platform-primary --weeks 26',
    '<%= config.bin %> migrate platform-primary examples/starter --write',
  ]

  static override args = {schedule: Args.string({description: 'Key of the layer-based schedule.', required: true}), path: configPathArg}

  static override flags = {
    weeks: Flags.integer({description: 'Length of the proof window in weeks.', default: 12, min: 1, max: 104}),
    write: Flags.boolean({description: 'Write the shift-based form into the config file that defines the schedule (only when the proof finds no difference).'}),
    'accept-differences': Flags.boolean({description: 'With --write: write even though the proof lists differences.', dependsOn: ['write']}),
    ...nowFlag,
  }

  async run(): Promise<void> {
    const {args, flags} = await this.parse(Migrate)
    try {
      const report = await migrateSchedule(args.path, args.schedule, {now: nowFrom(flags.now), weeks: flags.weeks, write: flags.write, acceptDifferences: flags['accept-differences']})
      this.out(renderMigrationText(report))
    } catch (e) {
      // The proof explains the refusal: print it first.
      if (e instanceof MigrationRefused) this.out(renderMigrationText(e.report).replace(/\nnothing written;.*\n$/, '\n'))
      throw e
    }
  }
}
