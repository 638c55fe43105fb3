import {Flags} from '@oclif/core'
import {BaseCommand} from '../cli/base-command.js'
import {integerFlag} from '../cli/integer-flag.js'
import {nowFlag} from '../cli/now-flag.js'
import {UserError} from '../cli/user-error.js'
import {startSandbox, type Sandbox} from '../sandbox/index.js'

export default class SandboxCommand extends BaseCommand {
  static override summary = 'Run a local PagerDuty REST API v2 sandbox (for demos, tests and trying plans safely).'
  static override description = `Serves users, teams, schedules, escalation policies, services and on-calls with PagerDuty's wire
format, status codes, pagination, rate limits and schedule semantics. State lives in memory, or in --state (rewritten
atomically after every change). Fault flags make it slow, flaky or rate limited for reliability tests; the same
faults can be changed at runtime with POST /__sandbox/faults. Stops on Ctrl-C.`

  static override examples = [
    '<%= config.bin %> sandbox --seed examples/seeds/retail-org.yaml',
    '<%= config.bin %> sandbox --port 8080 --token devtoken --state .sandbox.json',
    '<%= config.bin %> sandbox --latency 200 --error-rate 0.1 --rate-limit 60',
  ]

  static override flags = {
    port: integerFlag({description: 'Port to listen on (0 = any free port).', default: 0, min: 0, max: 65535}),
    host: Flags.string({description: 'Interface to listen on.', default: '127.0.0.1'}),
    state: Flags.string({description: 'JSON state file: loaded if present (then --seed is ignored), saved after every change.'}),
    seed: Flags.string({description: 'Initial account (YAML/JSON): users [{name, email, time_zone, role}], optional PD-shaped objects.'}),
    token: Flags.string({description: 'API token clients must send (default: a random one, printed).'}),
    'read-only-token': Flags.string({description: 'An extra token that may only read (writes get 403).'}),
    'rate-limit': integerFlag({description: 'Requests per minute per token (PagerDuty: 960).', default: 960, min: 1}),
    latency: integerFlag({description: 'Fault: milliseconds added to every request.', default: 0, min: 0}),
    'error-rate': Flags.string({description: 'Fault: share of requests (0..1) answered 500, drawn from a seeded PRNG.', default: '0'}),
    'burst-429': integerFlag({description: 'Fault: answer the next N requests with 429 Rate Limit Exceeded.', default: 0, min: 0}),
    'drop-after-write': integerFlag({description: 'Fault: apply the next N POST/PUT requests, then drop the connection unanswered.', default: 0, min: 0}),
    'fault-seed': Flags.integer({description: 'Seed of the fault PRNG (same seed, same failures).', default: 1}),
    ...nowFlag,
  }

  async run(): Promise<void> {
    const {flags} = await this.parse(SandboxCommand)
    const errorRate = Number(flags['error-rate'])
    if (!Number.isFinite(errorRate) || errorRate < 0 || errorRate > 1) throw new UserError('--error-rate must be a number between 0 and 1')
    const nowText = flags.now ?? process.env.ONCALL_NOW
    const frozen = nowText ? Date.parse(nowText) : undefined
    if (frozen !== undefined && Number.isNaN(frozen)) throw new UserError(`--now: not an ISO date-time: ${nowText}`)
    let sandbox: Sandbox
    try {
      sandbox = await startSandbox({
        port: flags.port,
        host: flags.host,
        stateFile: flags.state,
        seed: flags.seed,
        token: flags.token,
        readOnlyToken: flags['read-only-token'],
        rateLimitPerMinute: flags['rate-limit'],
        faults: {
          latencyMs: flags.latency,
          errorRate,
          seed: flags['fault-seed'],
          rateLimitBurst: flags['burst-429'],
          dropAfterWrite: flags['drop-after-write'],
        },
        now: frozen === undefined ? undefined : () => frozen,
      })
    } catch (error) {
      throw new UserError(`sandbox failed to start: ${(error as Error).message}`)
    }
    this.out(`PagerDuty sandbox listening on ${sandbox.url}`)
    this.out(`token: ${sandbox.token}`)
    this.out(`Point oncall at it with:\n  export PAGERDUTY_API_URL=${sandbox.url} PAGERDUTY_TOKEN=${sandbox.token}`)
    this.out('Press Ctrl-C to stop.')
    await new Promise<void>((resolve) => {
      process.once('SIGINT', () => resolve())
      process.once('SIGTERM', () => resolve())
    })
    await sandbox.stop()
    this.out('sandbox stopped')
  }
}
