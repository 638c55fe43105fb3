import {Flags} from '@oclif/core'
import {exportCalendars, ExportError, shiftsFromConfig, type ShiftsSource} from '../app/export-calendars.js'
import {BaseCommand} from '../cli/base-command.js'
import {configPathArg} from '../cli/config-path-arg.js'
import {UserError} from '../cli/user-error.js'
import {liveShiftsSource} from '../app/live-shifts.js'
import {overridesOverSchedules} from '../app/config-overrides.js'
import {loadDesiredState} from '../app/load-desired-state.js'
import {basisNote, plannedShiftsSource, type ScheduleShiftsSource, type ShiftsBasis} from '../app/planned-shifts.js'
import {apiReadFlags, clientFromFlags, configOnlyFlag, throwWithConfigOnlyHint, tokenAvailable, type ApiFlagValues} from '../cli/api-flags.js'
import {nowFlag} from '../cli/now-flag.js'
import type {DesiredState} from '../model/state.js'
import type {Shift} from '../schedule/shift.js'
import {exportWindow, resolveNow, WindowError} from '../export/export-window.js'
import {collectGarbageNow} from '../os/collect-garbage.js'
import {checkBaseUrl} from '../export/html/feed-links.js'

export default class Export extends BaseCommand {
  static override summary = 'Write iCalendar feeds (per schedule and per person) and an overview page.'
  static override description = `Writes DIR/schedules/<key>.ics, DIR/users/<email>.ics and DIR/index.html from the config (layers, overrides and
time-off covers, labelled),
or with --live from the account's rendered final schedules (overrides included).
With a token (PAGERDUTY_TOKEN or --token-file), the config is read as applied to the account: past shifts as the account
recorded them, a rotation change from its handoff (rollout), so the feeds agree with the account after an apply.
Without one (or with --config-only) shifts come from the config's layers alone, and the page and feeds say so.
Shifts overlapping the window (default: 14 days back to 180 days ahead, whole UTC days) are written whole, in UTC.
Unchanged schedules give byte-identical files. DIR/.oncall-export-<owner>.json lists what export wrote: feeds it wrote
before for schedules and people no longer in the config are removed; other files are never removed, and
overwritten only with --force (e.g. another team's feeds or page in a shared folder).`

  static override examples = [
    '<%= config.bin %> export --out public/oncall',
    '<%= config.bin %> export config/ --out site --base-url https://oncall.example.com/calendars',
    '<%= config.bin %> export --out site --since 2026-01-01 --until 2026-06-30 --busy',
  ]

  static override args = {path: configPathArg}

  static override flags = {
    out: Flags.string({char: 'o', description: 'Output directory.', required: true}),
    // Renamed from --from/--to: elsewhere --from is the acting user's email (apply, import).
    since: Flags.string({
      description: 'Window start: YYYY-MM-DD (UTC) or a date-time with Z/offset. Default: 14 days ago.',
      aliases: ['from'],
      deprecateAliases: true,
    }),
    until: Flags.string({
      description: 'Window end (exclusive). Default: 180 days ahead. At most 2 years after --since.',
      aliases: ['to'],
      deprecateAliases: true,
    }),
    'base-url': Flags.string({description: 'Public URL of the output directory, for https and webcal links on the page.'}),
    busy: Flags.boolean({description: 'Show shifts as busy time (default: free/transparent).', default: false}),
    force: Flags.boolean({
      description: 'Overwrite files in DIR that export did not write (by default it refuses; it never deletes them).',
      default: false,
    }),
    live: Flags.boolean({
      description: "Use the account's rendered final schedules (overrides included) instead of computing shifts from the config.",
      default: false,
    }),
    ...configOnlyFlag,
    ...apiReadFlags,
    ...nowFlag,
  }

  async run(): Promise<void> {
    const {args, flags} = await this.parse(Export)
    const baseUrlProblem = flags['base-url'] === undefined ? null : checkBaseUrl(flags['base-url'])
    if (baseUrlProblem !== null) throw new UserError(baseUrlProblem)
    const basis: ShiftsBasis = flags.live ? 'account' : !flags['config-only'] && tokenAvailable(flags) ? 'config+account' : 'config'
    try {
      const now = resolveNow(flags.now, process.env.ONCALL_NOW)
      const window = exportWindow({since: flags.since, until: flags.until, now})
      const {state} = await loadDesiredState(args.path, new Date(now), (line) => this.err(line), {teamRules: false})
      const schedules = [...state.schedules.values()]
      // Config mode: the config's overrides and time-off covers on top of the layers (as applied to the account, with a token).
      const shiftsFor =
        basis === 'account'
          ? await this.accountSource(flags, state, basis, new Date(now))
          : overridesOverSchedules(state, basis === 'config' ? shiftsFromConfig(schedules) : await this.accountSource(flags, state, basis, new Date(now)))
      // The loader's transient heap goes before the export starts (os/collect-garbage.ts): its peak memory then follows what the export holds.
      collectGarbageNow()
      const report = await exportCalendars({
        schedules,
        policies: state.escalationPolicies.values(),
        users: state.users,
        teams: state.teams,
        ...(state.health === undefined ? {} : {health: state.health}),
        shiftsFor,
        window,
        now,
        busy: flags.busy,
        baseUrl: flags['base-url'],
        teamNames: new Map([...state.teams.values()].map((t) => [t.key, t.name])),
        basisNote: basisNote(basis),
        outDir: flags.out,
        owner: state.owner,
        force: flags.force,
      })
      const day = (ms: number): string => new Date(ms).toISOString().slice(0, 10)
      const events = report.files.filter((f) => f.path.startsWith('schedules/')).reduce((n, f) => n + (f.events ?? 0), 0)
      const people = report.files.filter((f) => f.path.startsWith('users/')).length
      const teamPages = report.files.filter((f) => f.path.startsWith('team-')).length
      const pages = teamPages > 0 ? `index.html and ${teamPages} team page(s)` : 'index.html'
      this.out(`Exported ${schedules.length} schedule feed(s), ${people} person feed(s) and ${pages} to ${flags.out}`)
      this.out(`Window ${day(window.start)} .. ${day(window.end)} (UTC, end exclusive): ${events} shift(s)`)
      this.out(`${report.written.length} written, ${report.unchanged.length} unchanged, ${report.removed.length} removed`)
      for (const p of report.removed) this.out(`  removed ${p}`)
      for (const p of report.overwritten) this.out(`  overwrote ${p} (--force)`)
    } catch (error) {
      if (basis === 'config+account') throwWithConfigOnlyHint(error)
      if (error instanceof WindowError || error instanceof ExportError) throw new UserError(error.message)
      const io = error as NodeJS.ErrnoException
      if (io.code !== undefined && io.path !== undefined) throw new UserError(`cannot write the export: ${io.code} ${io.path}`)
      throw error
    }
  }

  /** Shifts by schedule key from the account's final schedules (`--live`), or the config as applied to it. */
  private async accountSource(flags: ApiFlagValues, state: DesiredState, basis: ShiftsBasis, now: Date): Promise<ShiftsSource> {
    const {client} = clientFromFlags(flags, 'read', (line) => this.err(line))
    const read: ScheduleShiftsSource = basis === 'account' ? await liveShiftsSource(client, state) : await plannedShiftsSource(client, state, now)
    const byKey: ShiftsSource = async (key, window) => {
      const schedule = state.schedules.get(key)
      return schedule ? read(schedule, window) : []
    }
    // config+account remembers the account's part itself (planned-shifts.ts), and computes the rest again.
    if (basis !== 'account') return byKey
    // The export asks for a schedule's shifts more than once (export-calendars.ts exportFiles):
    // --live's are all the account's, remembered so that it is read once per schedule.
    const asked = new Map<string, Promise<readonly Shift[]>>()
    return (key, window) => {
      const id = `${key} ${window.start} ${window.end}`
      let shifts = asked.get(id)
      if (shifts === undefined) asked.set(id, (shifts = byKey(key, window)))
      return shifts
    }
  }
}
