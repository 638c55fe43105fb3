import {Args, loadHelpClass} from '@oclif/core'
import {BaseCommand} from '../cli/base-command.js'
import {UserError} from '../cli/user-error.js'

export default class HelpCommand extends BaseCommand {
  static override summary = 'Show help for oncall or for one command (same as --help / -h).'

  static override examples = ['<%= config.bin %> help', '<%= config.bin %> help plan']

  static override args = {command: Args.string({description: 'The command to explain (default: all commands).'})}

  async run(): Promise<void> {
    const {args} = await this.parse(HelpCommand)
    if (args.command !== undefined && this.config.findCommand(args.command) === undefined) {
      const ids = [...this.config.commandIDs].sort()
      throw new UserError(`unknown command \`${args.command}\` (commands: ${ids.join(', ')})`)
    }
    const Help = await loadHelpClass(this.config)
    await new Help(this.config).showHelp(args.command === undefined ? [] : [args.command])
  }
}
