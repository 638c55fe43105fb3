import {Flags} from '@oclif/core'
import {liveShiftsSource} from '../app/live-shifts.js'
import {reportLoad} from '../app/report-load.js'
import {apiReadFlags, clientFromFlags} from '../cli/api-flags.js'
import {BaseCommand} from '../cli/base-command.js'
import {configPathArg} from '../cli/config-path-arg.js'
import {nowFlag, nowFrom} from '../cli/now-flag.js'
import {UserError} from '../cli/user-error.js'
import {MAX_WINDOW_DAYS, parseInstant, WindowError} from '../export/export-window.js'
import {renderReportJson, renderReportMarkdown, renderReportText} from '../health/render-report.js'
import {DAY_MS} from '../schedule/local-time.js'

export const DEFAULT_REPORT_DAYS = 56

export default class Report extends BaseCommand {
  static override summary = 'Show the on-call load per person and team: hours, shifts, nights, weekends, holidays, streaks, shares.'
  static override description = `Computed from the config's layers (no API token needed), or with --live from the account's final schedules (overrides included).
Nights (22:00–07:00, or rules.nights) and weekends are counted on each person's own clock (users' time_zone, else the schedule's);
public holidays come from holidays: of the schedule or its team. The window is --since (default now) to --until (default 8 weeks later).`

  static override examples = [
    '<%= config.bin %> report examples/retail-org',
    '<%= config.bin %> report --since 2026-01-01 --until 2026-04-01 --format markdown',
    '<%= config.bin %> report --live --format json',
  ]

  static override args = {path: configPathArg}

  static override flags = {
    since: Flags.string({description: 'Start of the window: YYYY-MM-DD (UTC) or a date-time with Z or an offset (default: now).'}),
    until: Flags.string({description: 'End of the window (default: 8 weeks after --since).'}),
    format: Flags.string({description: 'Output format.', options: ['text', 'json', 'markdown'], default: 'text'}),
    json: Flags.boolean({description: 'Same as --format json.', default: false}),
    live: Flags.boolean({description: "Read the account's final schedules (overrides included) instead of computing from the config.", default: false}),
    ...apiReadFlags,
    ...nowFlag,
  }

  async run(): Promise<void> {
    const {args, flags} = await this.parse(Report)
    const now = nowFrom(flags.now)
    let window
    try {
      const start = flags.since === undefined ? now.getTime() : parseInstant(flags.since, '--since')
      const end = flags.until === undefined ? start + DEFAULT_REPORT_DAYS * DAY_MS : parseInstant(flags.until, '--until')
      if (end <= start) throw new WindowError(`--until (${new Date(end).toISOString()}) must be after --since (${new Date(start).toISOString()})`)
      if (end - start > MAX_WINDOW_DAYS * DAY_MS) throw new WindowError(`the window is ${Math.ceil((end - start) / DAY_MS)} days; at most ${MAX_WINDOW_DAYS} are allowed`)
      window = {start, end}
    } catch (error) {
      if (error instanceof WindowError) throw new UserError(error.message)
      throw error
    }
    const liveShifts = flags.live
      ? (state: Parameters<typeof liveShiftsSource>[1]) => liveShiftsSource(clientFromFlags(flags, 'read', (line) => this.err(line)).client, state)
      : undefined
    const report = await reportLoad({path: args.path, window, now, ...(liveShifts ? {liveShifts} : {})})
    const format = flags.json ? 'json' : flags.format
    this.out(format === 'json' ? renderReportJson(report) : format === 'markdown' ? renderReportMarkdown(report) : renderReportText(report))
  }
}
