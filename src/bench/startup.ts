import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import type {BenchResult} from './bench-result.js'
import {runCli} from './cost.js'
import {orgSize, writeOrgConfigs} from './scaled-org.js'

/**
 * Start-up and config loading (issue 14, "Start-up and memory"): the CLI as its own process, as a
 * user or a CI job starts it. `--help` and `who --help` are the floor of every command (node,
 * oclif, the command's own modules); `validate` of the one-team config (9 objects) is what a small
 * config's plan pays before its first request; `validate` of the whole-org config
 * (scaled-org.ts) is what loading a large config costs, at each scale of BENCH_SCALES.
 *
 * Each figure is the median of RUNS runs: user + system CPU and peak RSS from `/usr/bin/time`
 * (steadier than wall time on a shared machine), and wall time.
 */
const RUNS = 3
const ENV = {ONCALL_NOW: '2026-03-02T03:00:00Z', NO_COLOR: '1'}

const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? -1

async function measure(name: string, args: readonly string[], target: {cpu?: string; rss?: string} = {}): Promise<BenchResult[]> {
  const runs = []
  for (let i = 0; i < RUNS; i++) {
    const run = await runCli(args, ENV)
    if (run.code !== 0) throw new Error(`${name} exited ${run.code}: ${run.stderr.slice(-2000)}`)
    runs.push(run)
  }
  return [
    {name: `startup ${name}, CLI CPU (user + sys)`, value: median(runs.map((r) => r.cpuMs ?? -1)), unit: 'ms', target: target.cpu ?? 'informational'},
    {name: `startup ${name}, CLI wall`, value: Math.round(median(runs.map((r) => r.wallMs))), unit: 'ms', target: 'informational'},
    {name: `startup ${name}, CLI peak RSS`, value: median(runs.map((r) => r.peakMb ?? -1)), unit: 'MB', target: target.rss ?? 'informational'},
  ]
}

export async function run(): Promise<BenchResult[]> {
  const scales = (process.env.BENCH_SCALES ?? '0.25,1,4').split(',').map(Number).filter((n) => n > 0)
  const results: BenchResult[] = []
  const report = (measured: BenchResult[]) => {
    for (const r of measured) process.stderr.write(`  ${r.name}: ${r.value} ${r.unit}\n`)
    results.push(...measured)
  }
  report(await measure('--help', ['--help']))
  report(await measure('who --help', ['who', '--help']))
  for (const scale of scales) {
    const dir = mkdtempSync(join(tmpdir(), 'oncall-bench-startup-'))
    try {
      const configs = writeOrgConfigs(dir, orgSize(scale))
      // The one-team config is the same 9 objects at every scale: measured once, at the first scale.
      if (scale === scales[0]) report(await measure('validate one-team config (9 objects)', ['validate', configs.oneTeam]))
      report(await measure(`validate whole-org config ${scale}x`, ['validate', configs.org]))
    } finally {
      rmSync(dir, {recursive: true, force: true})
    }
  }
  return results
}
