import {existsSync} from 'node:fs'
import {basename, dirname, join, resolve} from 'node:path'
import {Flags} from '@oclif/core'
import {applyToAccount} from '../app/apply-to-account.js'
import {confirmOnTerminal} from '../app/confirm.js'
import {assertEmptyOutput, findSchemaAbove, importAccount, planAdoption, writeImportedFiles} from '../app/import-account.js'
import {apiWriteFlags, clientFromFlags, connectionFromFlags} from '../cli/api-flags.js'
import {BaseCommand} from '../cli/base-command.js'
import {nowFlag, nowFrom} from '../cli/now-flag.js'
import {UserError} from '../cli/user-error.js'
import {formatApplyEvent} from '../providers/pagerduty/apply.js'

export default class Import extends BaseCommand {
  static override summary = 'Write the config that describes an existing PagerDuty account.'
  static override description = `Reads the account (the same list calls as plan) and writes YAML in the language of validate: org.yaml plus one
directory per team (team.yaml: team and schedules; services.yaml: policies and services), or one file with --single-file.
Objects the language cannot describe are left out with a warning, so a later apply never touches them.
Fields it does not manage (a service's status, a team's default role, ...) are named in a warning and kept
as they are by every apply (docs/fields.md). Shift-based (v3) schedules are written as rotations: of events;
current and future overrides of both kinds go to overrides.yaml; custom shifts are named in a warning
(docs/shift-based-schedules.md, "Import").
--adopt then marks the imported objects as owned by --owner (after confirmation, or --auto-approve); it writes
nothing but the ownership marker.`

  static override examples = [
    '<%= config.bin %> import --out oncall/',
    '<%= config.bin %> import --out oncall/ --team "Consumer App" --adopt',
    '<%= config.bin %> import --single-file --out oncall.yaml --service payments-api',
  ]

  static override flags = {
    out: Flags.string({char: 'o', description: 'Output directory (with --single-file: the output file, or DIR/oncall.yaml).', required: true}),
    'single-file': Flags.boolean({description: 'Write one file instead of one directory per team.', default: false}),
    team: Flags.string({description: 'Import only this team (name, key or ID) and what it uses; repeatable.', multiple: true}),
    schedule: Flags.string({description: 'Import this schedule (key or ID); repeatable.', multiple: true}),
    policy: Flags.string({description: 'Import this escalation policy (key or ID) and its schedules; repeatable.', multiple: true}),
    service: Flags.string({description: 'Import this service (key or ID) and what it uses; repeatable.', multiple: true}),
    owner: Flags.string({description: 'owner: of the config (default: slug of the first --team, else "imported").'}),
    schema: Flags.string({description: 'Schema path or URL for the yaml-language-server modeline (default: nearest schemas/oncall.schema.json).'}),
    force: Flags.boolean({description: 'Write even if the output already holds YAML files.', default: false}),
    adopt: Flags.boolean({description: 'Then mark the imported objects as owned by --owner.', default: false}),
    'auto-approve': Flags.boolean({description: 'Adopt without asking.', default: false}),
    ...apiWriteFlags,
    ...nowFlag,
  }

  async run(): Promise<void> {
    const {flags} = await this.parse(Import)
    const now = nowFrom(flags.now)
    const access = flags.adopt ? 'write' : 'read'
    const single = flags['single-file']
    // --single-file --out DIR (no .yaml/.yml ending) means DIR/oncall.yaml.
    const out = single && !/\.ya?ml$/i.test(flags.out) ? resolve(flags.out, 'oncall.yaml') : resolve(flags.out)
    const outDir = single ? dirname(out) : out
    if (single && existsSync(out) && !flags.force) throw new UserError(`${out} exists; choose another file or pass --force`)
    if (!single && !flags.force) await assertEmptyOutput(outDir)
    const {client, logger} = clientFromFlags(flags, access, (line) => this.err(line))
    const imported = await importAccount({
      client,
      now,
      source: connectionFromFlags(flags, access).baseUrl,
      owner: flags.owner,
      filter: {teams: flags.team ?? [], schedules: flags.schedule ?? [], policies: flags.policy ?? [], services: flags.service ?? []},
      singleFile: single,
      singleFileName: single ? basename(out) : undefined,
      outDir,
      schema: flags.schema ?? findSchemaAbove(outDir, existsSync) ?? join(this.config.root, 'schemas', 'oncall.schema.json'),
    })
    await writeImportedFiles(outDir, imported.files)
    for (const warning of imported.warnings) this.err(`warning: ${warning}`)
    for (const extra of imported.selection.pulledIn) this.err(`note: also imported, outside the filter: ${extra}`)
    const {teams, schedules, escalationPolicies: policies, services} = imported.selection
    this.out(
      `Imported ${teams.length} team(s), ${schedules.length} schedule(s), ${policies.length} escalation policy(ies), ${services.length} service(s) ` +
        `into ${imported.files.length} file(s) under ${flags.out} (owner: ${imported.owner}; ${imported.requestCount} API requests).`,
    )
    if (imported.warnings.length > 0) this.out(`${imported.warnings.length} object(s) not imported: see the warnings above and the comment in the written files.`)
    if (flags.adopt) await this.adopt(client, imported, now, flags['auto-approve'])
    logger?.summary(client.requestCount)
  }

  private async adopt(
    client: ReturnType<typeof clientFromFlags>['client'],
    imported: {readonly desired: Parameters<typeof planAdoption>[1]; readonly raw: Parameters<typeof planAdoption>[3]},
    now: Date,
    autoApprove: boolean,
  ): Promise<void> {
    // Planned against the account import just read: adopting does not read it a second time.
    const check = await planAdoption(client, imported.desired, now, imported.raw)
    if (check.problems.length > 0) throw new UserError('not adopting: the plan of the imported config holds more than markers (a bug in import, or the account changed while it was read)', 1, check.problems)
    if (check.adopt.length === 0) return this.out('Nothing to adopt: every imported object already carries the marker.')
    this.out(`Adopting will add the ownership marker (owner: ${imported.desired.owner}) to the description of:`)
    for (const c of check.adopt) this.out(`  ~ ${c.type} ${c.key}`)
    if (!autoApprove) {
      if (!process.stdin.isTTY) throw new UserError('adopting needs confirmation: run it on a terminal, or pass --auto-approve')
      if (!(await confirmOnTerminal('Mark these objects as managed by this config?'))) throw new UserError('adoption cancelled; the files are written, nothing was marked')
    }
    const report = await applyToAccount(client, check.outcome, check.adopt, {now, onProgress: (e) => e.kind !== 'start' && this.out(formatApplyEvent(e))})
    if (report.failed) throw new UserError('adoption stopped at a failure; run `oncall plan --adopt` to see what is left')
  }
}
