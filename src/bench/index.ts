import {run as applyLatency} from './apply-latency.js'
import {formatBenchResult, type BenchResult} from './bench-result.js'
import {run as cost} from './cost.js'
import {run as planApply} from './plan-apply.js'
import {run as rulesReport} from './rules-report.js'
import {run as sandboxPages} from './sandbox-pages.js'
import {run as scheduleEngine} from './schedule-engine.js'
import {run as startup} from './startup.js'

/**
 * `npm run bench`: runs every benchmark in sequence and prints one line per measured number.
 * `npm run bench -- cost` runs only the named ones; BENCH_SCALES=0.25,1 limits the scales of `cost`.
 * To add one, write src/bench/<name>.ts exporting `run(): Promise<BenchResult[]>` and list it here.
 */
const BENCHES: readonly {readonly name: string; readonly run: () => Promise<BenchResult[]>}[] = [
  {name: 'schedule-engine', run: scheduleEngine},
  {name: 'plan-apply', run: planApply},
  {name: 'cost', run: cost},
  {name: 'rules-report', run: rulesReport},
  {name: 'apply-latency', run: applyLatency},
  {name: 'sandbox-pages', run: sandboxPages},
  {name: 'startup', run: startup},
]

const only = process.argv.slice(2)
for (const bench of BENCHES.filter((b) => only.length === 0 || only.includes(b.name))) {
  for (const result of await bench.run()) process.stdout.write(formatBenchResult(result) + '\n')
}
