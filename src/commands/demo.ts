import {relative} from 'node:path'
import {fileURLToPath} from 'node:url'
import {Flags} from '@oclif/core'
import {runDemo} from '../app/run-demo.js'
import {BaseCommand} from '../cli/base-command.js'
import {UserError} from '../cli/user-error.js'

/** A path inside the package, relative to the working directory so the printed commands stay short. */
const root = (path: string): string => relative(process.cwd(), fileURLToPath(new URL(`../../${path}`, import.meta.url))) || '.'

export default class Demo extends BaseCommand {
  static override summary = 'Run the whole workflow on the example organisation against an embedded PagerDuty sandbox.'
  static override description = `Starts the sandbox in this process (seeded with the example's users), then runs
validate → plan → apply → plan (no changes) → a rotation swap (plan with shift preview, apply) → who → export of the
swapped state with the real CLI, printing each step (the full plan once, summaries after). No token needed.
ONCALL_NOW pins the clock of the sandbox and of every step.`

  static override flags = {
    out: Flags.string({description: 'Where to write the exported calendars.', default: '.oncall-demo/calendars'}),
  }

  async run(): Promise<void> {
    const {flags} = await this.parse(Demo)
    const {failed} = await runDemo({
      bin: root('bin/run.js'),
      configDir: root('examples/retail-org'),
      seedFile: root('examples/seeds/retail-org.yaml'),
      outDir: flags.out,
      write: (text) => process.stdout.write(text),
    })
    if (failed.length > 0) throw new UserError(`the demo failed at: ${failed.map((s) => `oncall ${s.args.join(' ')}`).join('; ')}`)
  }
}
