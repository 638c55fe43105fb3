import {readFile} from 'node:fs/promises'
import {Args, Flags} from '@oclif/core'
import {renderApplyJson} from '../app/apply-json.js'
import {applyToAccount, blockers, reviewedOverrides} from '../app/apply-to-account.js'
import {confirmOnTerminal} from '../app/confirm.js'
import {loadDesiredState} from '../app/load-desired-state.js'
import {planAgainstAccount, type PlanOutcome} from '../app/plan-against-account.js'
import {apiWriteFlags, clientFromFlags, fromAvailable} from '../cli/api-flags.js'
import {BaseCommand} from '../cli/base-command.js'
import {EXIT} from '../cli/exit-codes.js'
import {nowFlag, nowFrom} from '../cli/now-flag.js'
import {refreshFlag, refreshFrom} from '../cli/refresh-flag.js'
import {UserError} from '../cli/user-error.js'
import {canonicalJson} from '../plan/canonical-json.js'
import {planHasWork, type Plan} from '../plan/plan.js'
import {parsePlan, PlanFileError} from '../plan/plan-file.js'
import {renderText} from '../plan/render/text.js'
import {findStaleReasons, liveFingerprintsFor} from '../plan/stale-check.js'
import {formatApplyEvent} from '../providers/pagerduty/apply.js'
import {ApplyLock, ApplyLockBusyError} from '../providers/pagerduty/apply-lock.js'

export default class Apply extends BaseCommand {
  static override summary = 'Change the PagerDuty account to match the config.'
  static override description = `Plans (exactly as \`oncall plan\`), shows the plan, asks for confirmation on a terminal, then applies the changes in
dependency waves (changes that do not depend on each other run a few at a time; progress is printed in plan order).
Stops at the first failure and reports applied / failed / not attempted; running apply again finishes the remaining
work. With a saved plan file, refuses if the config or any object the plan
touches changed since the plan was made.

Concurrent applies of one config (owner) take turns: after confirmation each takes a short-lived lock (a team named
"oncall apply lock: <owner>", which PagerDuty keeps unique), waiting up to --lock-timeout seconds for it, reads the
account again under it and applies only if the plan is still the one shown (nothing left to do: exit 0; a different
plan: exit 1, nothing changed). The lock is deleted when apply ends.`

  static override examples = [
    '<%= config.bin %> apply examples/retail-org',
    '<%= config.bin %> apply --auto-approve            # CI',
    '<%= config.bin %> apply plan.json --config oncall/  # a plan saved with plan --out',
    '<%= config.bin %> apply --auto-approve --json > result.json  # the plan and the outcome as JSON',
  ]

  static override args = {
    path: Args.string({description: 'Config file or directory, or a plan file saved with `plan --out` (*.json).'}),
  }

  static override flags = {
    config: Flags.string({description: 'With a plan file: the config it was made from (default ./oncall.yaml, else ./oncall/).'}),
    'auto-approve': Flags.boolean({description: 'Apply without asking (needed without a terminal, e.g. in CI).', default: false}),
    'allow-destroy': Flags.boolean({description: 'Allow deleting objects this config owns but no longer declares.', default: false}),
    force: Flags.boolean({
      description:
        'Allow plans that change or delete more than 30% of the managed objects of a type, and schedule changes that alter who is on call within the next 24 hours.',
      default: false,
    }),
    adopt: Flags.boolean({description: 'Take over unmarked objects whose names match the config (writes the ownership marker).', default: false}),
    json: Flags.boolean({
      description: 'Print one JSON document (the plan, the outcome, what was applied, failed and not attempted) instead of text; progress goes to stderr.',
      default: false,
    }),
    'lock-timeout': Flags.integer({description: 'Seconds to wait while another apply of this config holds the lock.', default: 300, min: 0}),
    ...apiWriteFlags,
    ...refreshFlag,
    ...nowFlag,
  }

  async run(): Promise<void> {
    const {args, flags} = await this.parse(Apply)
    const now = nowFrom(flags.now)
    const saved = args.path?.endsWith('.json') ? await readPlanFile(args.path) : undefined
    const {state} = await loadDesiredState(saved ? flags.config : args.path, now, (line) => this.err(line))
    const {client, logger} = clientFromFlags(flags, 'write', (line) => this.err(line))
    const planNow = async (): Promise<PlanOutcome> => {
      const fresh = await planAgainstAccount({
        desired: state,
        client,
        now,
        adopt: flags.adopt || (saved?.changes.some((c) => c.kind === 'adopt') ?? false),
        allowDestroy: flags['allow-destroy'],
        force: flags.force,
        // A saved plan may come from a full read (the drift job): read as much, so that every
        // object it touches is seen, unless told otherwise.
        refresh: saved && flags.refresh === 'auto' ? 'full' : refreshFrom(flags.refresh),
        // Refuse up front rather than fail at the first POST /users, half-way through.
        hasFrom: fromAvailable(flags),
      })
      if (logger) for (const note of fresh.readNotes) this.err(note)
      if (saved) {
        const stale = findStaleReasons(saved, {config: fresh.plan.fingerprints.config, live: liveFingerprintsFor(saved, fresh.live), now})
        if (stale.length > 0) throw new UserError('the saved plan is stale; make a new plan', EXIT.error, stale.map((r) => `  ${r}`))
      }
      return fresh
    }
    const outcome = await planNow()
    const plan = saved ?? outcome.plan
    const json = (result: Omit<Parameters<typeof renderApplyJson>[0], 'plan' | 'violations' | 'requestCount'>) =>
      flags.json && this.out(renderApplyJson({plan, violations: outcome.violations, requestCount: client.requestCount, ...result}))
    if (!flags.json) this.out(renderText(plan, {color: this.useColor(flags.color), violations: outcome.violations}))
    const refuseBlocked = (current: PlanOutcome): void => {
      const problems = blockers(saved ?? current.plan, current.violations)
      if (problems.length === 0) return
      json({outcome: 'refused', blockers: problems})
      throw new UserError('apply refused; nothing was changed', EXIT.error, problems.map((p) => `  ${p}`))
    }
    refuseBlocked(outcome)
    if (!planHasWork(plan)) {
      json({outcome: 'no_changes'})
      return
    }
    if (!flags['auto-approve']) {
      if (!process.stdin.isTTY) throw new UserError('apply needs confirmation: run it on a terminal, or pass --auto-approve (CI)')
      if (!(await confirmOnTerminal('Do you want to apply these changes?'))) throw new UserError('apply cancelled; nothing was changed')
    }
    // With --json, stdout holds the one document: progress lines go to stderr.
    const progress = (line: string) => (flags.json ? this.err(line) : this.out(line))
    const lock = await ApplyLock.acquire(client, {
      owner: state.owner,
      waitMs: flags['lock-timeout'] * 1000,
      onNotice: (message) => this.err(`lock: ${message}`),
    }).catch(rethrowLockError)
    if (lock === null) this.err('warning: this account cannot have teams (POST /teams refused), so apply runs without its lock')
    let report: Awaited<ReturnType<typeof applyToAccount>>
    try {
      // Read again under the lock: another apply may have finished (or started) while this one
      // planned, confirmed or waited. Apply only what was shown.
      const current = await planNow()
      refuseBlocked(current)
      if (!saved && !planHasWork(current.plan)) {
        json({outcome: 'no_changes'})
        progress('Nothing left to apply: another apply made these changes meanwhile.')
        return
      }
      if (!saved && canonicalJson(workOf(current.plan)) !== canonicalJson(workOf(plan))) {
        const changed = 'the account changed since the plan above was made (another apply ran meanwhile); nothing was changed'
        json({outcome: 'refused', blockers: [changed]})
        throw new UserError(changed, EXIT.error, ['  Run `oncall apply` again to see the new plan.'])
      }
      report = await applyToAccount(client, current, plan.changes, {
        now,
        onProgress: (e) => e.kind !== 'start' && progress(formatApplyEvent(e)),
        beforeChange: async () => lock?.renewIfDue(),
        overrides: saved ? reviewedOverrides(saved, current.plan) : current.plan.overrides,
        onOverrideLine: progress,
      })
    } finally {
      await lock?.release()
    }
    logger?.summary(client.requestCount)
    const o = report.overrides
    json({outcome: report.failed || o?.failed ? 'failed' : 'applied', report})
    const overrideText = o ? `, ${o.created} override(s) created, ${o.deleted} deleted` : ''
    const summary = `Applied ${report.applied.length} of ${plan.changes.length} change(s)${overrideText} with ${client.requestCount} API requests.`
    if (o?.failed) {
      throw new UserError(`apply stopped at a failure: overrides of ${o.failed.schedule}: ${o.failed.message}`, EXIT.error, [
        '  Run `oncall plan` to see the remaining work and `oncall apply` again to finish it.',
      ])
    }
    if (report.failed) {
      throw new UserError(`apply stopped at a failure: ${report.failed.message}`, EXIT.error, [
        ...(report.alsoFailed ?? []).map((f) => `  also failed: ${f.message}`),
        `  applied: ${report.applied.length}, failed: ${1 + (report.alsoFailed?.length ?? 0)}, not attempted: ${report.notAttempted.length}`,
        '  Run `oncall plan` to see the remaining work and `oncall apply` again to finish it.',
      ])
    }
    progress(summary)
  }
}

/** What apply would write: resource changes and the overrides to create or delete (not those left alone). */
function workOf(plan: Plan): unknown {
  return {changes: plan.changes, overrides: (plan.overrides ?? []).map((o) => ({schedule: o.schedule, create: o.create, delete: o.delete}))}
}

function rethrowLockError(error: unknown): never {
  if (error instanceof ApplyLockBusyError) throw new UserError(error.message)
  throw error
}

async function readPlanFile(path: string): Promise<Plan> {
  try {
    return parsePlan(await readFile(path, 'utf8'))
  } catch (error) {
    if (error instanceof PlanFileError) throw new UserError(`${path}: ${error.message}`, EXIT.error, error.details.map((d) => `  ${d}`))
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new UserError(`${path}: no such plan file`)
    throw error
  }
}
