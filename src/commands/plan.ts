import {writeFile} from 'node:fs/promises'
import {Flags} from '@oclif/core'
import {loadDesiredState} from '../app/load-desired-state.js'
import {blockers} from '../app/apply-to-account.js'
import {planAgainstAccount} from '../app/plan-against-account.js'
import {apiWriteFlags, clientFromFlags, fromAvailable} from '../cli/api-flags.js'
import {BaseCommand} from '../cli/base-command.js'
import {configPathArg} from '../cli/config-path-arg.js'
import {integerFlag} from '../cli/integer-flag.js'
import {EXIT} from '../cli/exit-codes.js'
import {horizonDaysFrom, horizonFlag} from '../cli/horizon-flag.js'
import {nowFlag, nowFrom} from '../cli/now-flag.js'
import {refreshFlag, refreshFrom} from '../cli/refresh-flag.js'
import {planBlockers} from '../plan/plan-blockers.js'
import {planHasWork} from '../plan/plan.js'
import {serializePlan} from '../plan/plan-file.js'
import {UserError} from '../cli/user-error.js'
import {renderJson} from '../plan/render/json.js'
import {renderMarkdown} from '../plan/render/markdown.js'
import {renderText} from '../plan/render/text.js'
import {DEFAULT_PREVIEW_DAYS, MAX_PREVIEW_DAYS} from '../plan/shift-preview.js'

export default class Plan extends BaseCommand {
  static override summary = 'Show what apply would change in the PagerDuty account.'
  static override description = `Reads the live account, compares it with the config and prints a reviewable plan: + create, ~ update, - delete,
with field-level before/after in human terms (emails, keys, 30m, mon 10:00 Asia/Tokyo). Read-only: changes nothing.
Exit codes: 0 success; 1 error, or apply would refuse the plan (conflicts, unknown users, deletes without --allow-destroy,
a change to who is on call within 24 hours or over the 30 % threshold without --force, users to create without --from, a team rule of severity error broken within --horizon):
the plan is still printed in full, and the error names the reason and the flag that would allow it;
with --detailed-exitcode, 0 no changes, 2 changes present.
--allow-destroy, --force and --from judge the plan as apply with the same flags would.`

  static override examples = [
    'PAGERDUTY_TOKEN=... <%= config.bin %> plan examples/retail-org',
    '<%= config.bin %> plan --format markdown > plan.md',
    '<%= config.bin %> plan --out plan.json && <%= config.bin %> apply plan.json',
    '<%= config.bin %> plan --detailed-exitcode   # drift check in CI',
  ]

  static override args = {path: configPathArg}

  static override flags = {
    format: Flags.string({description: 'Output format.', options: ['text', 'json', 'markdown'], default: 'text'}),
    json: Flags.boolean({description: 'Same as --format json.', default: false}),
    out: Flags.string({description: 'Also save the plan to this file, for `oncall apply <file>`.'}),
    'detailed-exitcode': Flags.boolean({description: 'Exit 2 when the plan has changes, 0 when it has none.', default: false}),
    adopt: Flags.boolean({description: 'Plan to take over unmarked objects whose names match the config.', default: false}),
    'allow-destroy': Flags.boolean({description: 'Judge safety as apply --allow-destroy would.', default: false}),
    force: Flags.boolean({description: 'Judge safety as apply --force would.', default: false}),
    'preview-days': integerFlag({description: 'Days of the shift preview shown per changed schedule (0 = none).', default: DEFAULT_PREVIEW_DAYS, min: 0, max: MAX_PREVIEW_DAYS}),
    ...horizonFlag,
    ...apiWriteFlags,
    ...refreshFlag,
    ...nowFlag,
  }

  async run(): Promise<void> {
    const {args, flags} = await this.parse(Plan)
    const now = nowFrom(flags.now)
    const {state} = await loadDesiredState(args.path, now, (line) => this.err(line), {horizonDays: horizonDaysFrom(flags.horizon)})
    const {client, logger} = clientFromFlags(flags, 'read', (line) => this.err(line))
    const outcome = await planAgainstAccount({
      desired: state,
      client,
      now,
      adopt: flags.adopt,
      allowDestroy: flags['allow-destroy'],
      force: flags.force,
      previewDays: flags['preview-days'],
      refresh: refreshFrom(flags.refresh),
      hasFrom: fromAvailable(flags),
    })
    if (logger) for (const note of outcome.readNotes) this.err(note)
    logger?.summary(client.requestCount)
    const {plan, violations} = outcome
    const format = flags.json ? 'json' : flags.format
    if (format === 'json') this.out(renderJson(plan, violations))
    else if (format === 'markdown') this.out(renderMarkdown(plan, {violations}))
    else this.out(renderText(plan, {color: this.useColor(flags.color), violations}))
    if (flags.out) {
      await writeFile(flags.out, serializePlan(plan))
      this.err(`Saved the plan to ${flags.out}. Apply it with: oncall apply ${flags.out}`)
    }
    // Printed in full above; the error says why apply would refuse it and which flag allows it
    // (exit 1), so a pull-request check fails where the merge's apply would.
    const problems = blockers(plan, violations)
    if (problems.length > 0) {
      const summary = planBlockers(plan)?.summary ?? `apply would refuse this plan (${problems.length === 1 ? '1 reason' : `${problems.length} reasons`})`
      throw new UserError(summary, EXIT.error, problems.map((p) => `  ${p}`))
    }
    if (flags['detailed-exitcode'] && planHasWork(plan)) this.exit(EXIT.changes)
  }
}
