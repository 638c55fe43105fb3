import {spawn} from 'node:child_process'
import {cp, mkdtemp, readFile, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {parseDocument, type YAMLSeq} from 'yaml'
import {startSandbox} from '../sandbox/index.js'

/** One CLI invocation of the demo, with the exit code it must end with. */
export interface DemoStep {
  readonly title: string
  readonly args: readonly string[]
  readonly expectExit: number
  /**
   * What of the step's standard output to show (errors always show in full): by default all of
   * it; a step that repeats something shown before shows only the lines this picks.
   */
  readonly show?: (stdout: string) => string[]
}

/** The plan's summary line and apply's result: what an apply step adds to the plan shown before. */
const applySummary = (stdout: string): string[] => stdout.split('\n').filter((l) => /^(Plan: |Applied |No changes)/.test(l.trim()))

/** The first `n` lines, and how many more there are. */
const head =
  (n: number, where: string) =>
  (stdout: string): string[] => {
    const lines = stdout.trimEnd().split('\n')
    return lines.length <= n ? lines : [...lines.slice(0, n), `… (${lines.length - n} more lines: ${where})`]
  }

export interface DemoOptions {
  /** Path of the oncall binary (bin/run.js) to run each step with. */
  readonly bin: string
  /** Example organisation directory and its sandbox seed. */
  readonly configDir: string
  readonly seedFile: string
  readonly outDir: string
  readonly write: (text: string) => void
}

/**
 * The README's first command: starts the PagerDuty sandbox in this process, seeded with the
 * example organisation's users (accounts are SSO-provisioned, so they exist before oncall runs),
 * and runs the real CLI against it step by step, as a person would type it. Each step must end
 * with its expected exit code, so the demo doubles as an end-to-end check.
 */
export async function runDemo(options: DemoOptions): Promise<{failed: DemoStep[]}> {
  // ONCALL_NOW (as in tests) pins the sandbox's clock too, so the whole story can be replayed.
  const pinned = process.env.ONCALL_NOW === undefined ? undefined : Date.parse(process.env.ONCALL_NOW)
  const sandbox = await startSandbox({seed: options.seedFile, ...(pinned === undefined || Number.isNaN(pinned) ? {} : {now: () => pinned})})
  const work = await mkdtemp(join(tmpdir(), 'oncall-demo-'))
  const broken = await writeBrokenConfig(work)
  const edited = await copyWithSwap(options.configDir, work)
  const streak = await copyWithTwoWeeks(options.configDir, work)
  const env = {
    ...process.env,
    PAGERDUTY_API_URL: sandbox.url,
    PAGERDUTY_TOKEN: sandbox.token,
    PAGERDUTY_FROM: 'hiroshi.mori@example.com', // the seeded admin: PagerDuty wants a real user in From
  }
  const dir = options.configDir
  const steps: DemoStep[] = [
    {title: 'Validate the example organisation (three product teams in Asia/Tokyo)', args: ['validate', dir], expectExit: 0},
    {title: 'Validation errors point at file:line:col, with hints', args: ['validate', broken], expectExit: 1},
    {title: 'Plan against the sandbox account (it has only the users)', args: ['plan', dir, '--preview-days', '0'], expectExit: 0},
    {title: 'Apply it (the same plan as above; its summary and the result)', args: ['apply', dir, '--auto-approve'], expectExit: 0, show: applySummary},
    {title: 'Plan again: nothing left to do (exit 0 with --detailed-exitcode)', args: ['plan', dir, '--detailed-exitcode'], expectExit: 0},
    {
      title: 'A pull request swaps two people in the weekly primary rotation: the plan shows who gains and loses which shifts',
      args: ['plan', edited],
      expectExit: 0,
    },
    {
      title: 'The same plan as a pull-request comment (Markdown with a table and a Mermaid chart)',
      args: ['plan', edited, '--format', 'markdown'],
      expectExit: 0,
      show: head(12, 'the rest of the comment'),
    },
    {title: 'Merge and apply the swap: it waits for the next handoff', args: ['apply', edited, '--auto-approve'], expectExit: 0, show: applySummary},
    // Time off as code: the config gets the entry, oncall computes the covers from the rotations.
    {title: 'Sota is away for a weekend: `oncall time-off` writes it into the config and prints the covering shifts', args: timeOffArgs(edited, pinned === undefined || Number.isNaN(pinned) ? Date.now() : pinned), expectExit: 0},
    {title: 'The plan shows the covering overrides, each with the person it replaces', args: ['plan', edited, '--preview-days', '0'], expectExit: 0},
    {title: 'Apply them (one request per schedule)', args: ['apply', edited, '--auto-approve'], expectExit: 0, show: applySummary},
    {
      title: "A pull request has Takumi cover Yui's secondary week, right after his own: the team's rule max_consecutive_days fails it",
      args: ['validate', streak],
      expectExit: 1,
    },
    {
      title: 'The load per person and team over the next 8 weeks (the same figures are on the export page)',
      args: ['report', edited],
      expectExit: 0,
      show: head(11, 'the other teams and everyone'),
    },
    {title: 'Who is on call now: the account keeps the current shift, the swap starts at the handoff', args: ['who', edited], expectExit: 0},
    {title: 'The account says the same (who --live reads its final schedule)', args: ['who', edited, 'consumer-app-primary', '--live'], expectExit: 0},
    {
      title: 'Export calendars of the state the demo created (iCal per schedule and person, plus an overview page)',
      args: ['export', edited, '--out', options.outDir],
      expectExit: 0,
    },
  ]
  const failed: DemoStep[] = []
  options.write(`PagerDuty sandbox listening at ${sandbox.url} (in this process).\n`)
  try {
    for (const [i, step] of steps.entries()) {
      options.write(`\n=== ${i + 1}/${steps.length} ${step.title}\n$ oncall ${step.args.join(' ')}\n`)
      const {code, stdout} = await runStep(options.bin, step.args, env)
      const shown = step.show === undefined ? stdout : step.show(stdout).join('\n') + '\n'
      options.write(shown)
      if (code !== step.expectExit) {
        options.write(`!!! expected exit ${step.expectExit}, got ${code}\n`)
        failed.push(step)
      }
    }
  } finally {
    await sandbox.stop()
    await rm(work, {recursive: true, force: true})
  }
  options.write(
    failed.length === 0
      ? `\nDemo complete: ${steps.length} steps as expected. Calendars are in ${options.outDir}/ (open index.html).\n`
      : `\nDemo FAILED: ${failed.length} step(s) did not end as expected.\n`,
  )
  return {failed}
}

/** `time-off` for a week starting in 7 days (on the demo's clock: ONCALL_NOW, else the real one). */
function timeOffArgs(configDir: string, now: number): string[] {
  // The first weekend at least a week ahead. A weekend (not a week) because the covers are judged
  // by the team's rules too: a cover joined to the next person's own week would break org.yaml's
  // max_consecutive_days, and the next week starts only on Monday 10:00, after Sota is back.
  const inAWeek = new Date(now + 7 * 86_400_000)
  const saturday = new Date(inAWeek.getTime() + ((6 - inAWeek.getUTCDay() + 7) % 7) * 86_400_000)
  const day = (d: Date) => d.toISOString().slice(0, 10)
  return ['time-off', 'sota.ito@example.com', '--from', day(saturday), '--to', day(new Date(saturday.getTime() + 86_400_000)), '--note', 'family weekend', '--config', configDir]
}

/** Runs one step: standard error straight through, standard output collected for `show`. */
function runStep(bin: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<{code: number; stdout: string}> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], {env, stdio: ['ignore', 'pipe', 'inherit']})
    let stdout = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.on('error', reject)
    child.on('close', (code) => resolve({code: code ?? 1, stdout}))
  })
}

/**
 * A copy of the example in which the first two people of consumer-app-primary's weekly layer
 * trade places: the typical rotation pull request.
 */
async function copyWithSwap(configDir: string, work: string): Promise<string> {
  const dir = join(work, 'retail-org')
  await cp(configDir, dir, {recursive: true})
  const file = join(dir, 'consumer-app', 'team.yaml')
  const doc = parseDocument(await readFile(file, 'utf8'))
  const users = doc.getIn(['schedules', 'consumer-app-primary', 'layers', 0, 'users']) as YAMLSeq
  const [first, second] = [users.items[0], users.items[1]]
  users.items[0] = second
  users.items[1] = first
  await writeFile(file, doc.toString())
  return dir
}

/**
 * A copy of the example in which Takumi covers Yui's week of consumer-app-secondary, the week after
 * his own: two weeks on call in a row, which org.yaml's `max_consecutive_days: {value: 7, severity: error}` refuses.
 */
async function copyWithTwoWeeks(configDir: string, work: string): Promise<string> {
  const dir = join(work, 'two-weeks', 'retail-org')
  await cp(configDir, dir, {recursive: true})
  const file = join(dir, 'consumer-app', 'team.yaml')
  const doc = parseDocument(await readFile(file, 'utf8'))
  const users = doc.getIn(['schedules', 'consumer-app-secondary', 'layers', 0, 'users']) as YAMLSeq
  users.items[2] = users.items[1] // [rin, takumi, yui, sota] → [rin, takumi, takumi, sota]
  await writeFile(file, doc.toString())
  return dir
}

/** A small config with typical mistakes, to show what validation errors look like. */
async function writeBrokenConfig(work: string): Promise<string> {
  const file = join(work, 'broken.yaml')
  await writeFile(
    file,
    [
      'version: 1',
      'owner: demo',
      'schedules:',
      '  primary:',
      '    time_zone: Asia/Tokio',
      '    layers:',
      '      - users: [aiko.tanaka@example.com]',
      '        turn: weekly',
      '        handoff: mon 10:00',
      '        start: 2026-01-05',
      'escalation_policies:',
      '  main:',
      '    rules:',
      '      - delay: 15m',
      '        targets: [{schedule: primray}]',
      '',
    ].join('\n'),
  )
  return file
}
