import {Args, Flags} from '@oclif/core'
import {formatWhoText, whoJson} from '../app/render-who.js'
import {parseAt, shiftsFromEngine, whoIsOnCall, WhoError, type AtTime} from '../app/who-is-on-call.js'
import {overridesOverSchedules} from '../app/config-overrides.js'
import {liveShiftsSource} from '../app/live-shifts.js'
import {plannedShiftsSource, type ShiftsBasis} from '../app/planned-shifts.js'
import {apiReadFlags, clientFromFlags, configOnlyFlag, throwWithConfigOnlyHint, tokenAvailable} from '../cli/api-flags.js'
import {BaseCommand} from '../cli/base-command.js'
import {configPathArg} from '../cli/config-path-arg.js'
import {nowFlag} from '../cli/now-flag.js'
import {UserError} from '../cli/user-error.js'
import {whoArguments} from '../cli/who-arguments.js'
import {formatDiagnostic, hasErrors, sortDiagnostics} from '../config/diagnostic.js'
import {loadConfig, resolveConfigPath} from '../config/load-config.js'
import {RULES} from '../config/rules/index.js'
import {teamRules} from '../config/rules/team-rules.js'
import {resolveNow, WindowError} from '../export/export-window.js'
import {jsonOutput} from '../output/json-keys.js'
import {parseLocalDateTime} from '../schedule/local-time.js'

export default class Who extends BaseCommand {
  static override summary = 'Show who is on call now (or at --at), per schedule or per escalation level.'
  static override description = `Computed from the config's layers, overrides and time off, or with --live from the account's final schedules.
Shifts that an override or a time-off cover put on call are labelled.
With a token (PAGERDUTY_TOKEN or --token-file), the config is read as applied to the account: past shifts as the account
recorded them, a rotation change from its handoff (rollout), so the answer agrees with \`who --live\` after an apply.
Without one (or with --config-only) the answer is the config alone, and says so.
PATH is the config file or directory, as for every other command (default ./oncall.yaml, else ./oncall/). A single argument
that is neither an existing file or directory nor path-like (/, .yaml) is read as TARGET, so \`oncall who KEY\` works too.
Without a TARGET, lists every schedule. With a schedule key, shows the person on call, since when, until when and who is next.
A shift-based schedule can have several people on call at once (concurrent rotations, events for everyone): all are shown,
each with their rotation; JSON adds also_on_call and also_next.
With an escalation policy key, shows each level and who it pages. Prefix schedule: or policy: when a key names both.
--at takes an ISO date-time with Z or an offset, or a local YYYY-MM-DDTHH:MM read in the schedule's time zone
(for a policy: the zone of its first schedule).`

  static override examples = [
    '<%= config.bin %> who',
    '<%= config.bin %> who consumer-app-primary --at 2026-03-10T09:00',
    '<%= config.bin %> who oncall/ consumer-app --format json',
  ]

  static override args = {
    path: configPathArg,
    target: Args.string({description: 'Schedule or escalation policy key (default: every schedule).'}),
  }

  static override flags = {
    at: Flags.string({description: 'Ask about this time instead of now.'}),
    config: Flags.string({
      char: 'c',
      description: 'Deprecated: pass the config as PATH. Config file or directory.',
      deprecated: {message: '--config is deprecated: pass the config as the first argument, oncall who PATH [TARGET]'},
    }),
    format: Flags.string({description: 'Output format.', options: ['text', 'json'], default: 'text'}),
    json: Flags.boolean({description: 'Same as --format json.', default: false}),
    live: Flags.boolean({description: "Ask the account (its rendered final schedules, overrides included) instead of the config's layers.", default: false}),
    ...configOnlyFlag,
    ...apiReadFlags,
    ...nowFlag,
  }

  async run(): Promise<void> {
    const {args, flags} = await this.parse(Who)
    const {path, target} = whoArguments(args.path, args.target, flags.config)
    const basis: ShiftsBasis = flags.live ? 'account' : !flags['config-only'] && tokenAvailable(flags) ? 'config+account' : 'config'
    try {
      // Without --at: now, or the hidden --now / ONCALL_NOW clock that tests and the demo inject.
      const at: AtTime = flags.at === undefined ? {kind: 'instant', ms: resolveNow(flags.now, process.env.ONCALL_NOW)} : parseAt(flags.at)
      // Rules get the asked time as their clock (a local time read as UTC is close enough for them).
      const now = new Date(at.kind === 'instant' ? at.ms : parseLocalDateTime(at.local))
      // The team's rules gate pull requests (validate, plan); who answers even for a rota that breaks them.
      const {state, diagnostics} = await loadConfig(resolveConfigPath(path), {now, rules: RULES.filter((r) => r !== teamRules)})
      if (state === undefined || hasErrors(diagnostics)) {
        const errors = sortDiagnostics(diagnostics).filter((d) => d.severity === 'error')
        throw new UserError(`the config has ${errors.length} error(s)`, 1, errors.map(formatDiagnostic))
      }
      const client = () => clientFromFlags(flags, 'read', (line) => this.err(line)).client
      const clock = new Date(resolveNow(flags.now, process.env.ONCALL_NOW))
      // Config mode: the config's overrides and time-off covers on top of the layers (as applied to the account, with a token).
      const shiftsFor =
        basis === 'account'
          ? await liveShiftsSource(client(), state)
          : overridesOverSchedules(state, basis === 'config+account' ? await plannedShiftsSource(client(), state, clock) : shiftsFromEngine)
      const report = await whoIsOnCall({...state, shiftsFor}, target, at)
      this.out(flags.json || flags.format === 'json' ? jsonOutput(whoJson(report, basis)) : formatWhoText(report, basis))
    } catch (error) {
      if (basis === 'config+account') throwWithConfigOnlyHint(error)
      if (error instanceof WhoError || error instanceof WindowError) throw new UserError(error.message)
      throw error
    }
  }
}
