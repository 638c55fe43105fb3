import {formatBenchResult, type BenchResult} from './bench-result.js'
import {run as planApply} from './plan-apply.js'
import {run as scheduleEngine} from './schedule-engine.js'

/**
 * `npm run bench`: runs every benchmark in sequence and prints one line per measured number.
 * To add one, write src/bench/<name>.ts exporting `run(): Promise<BenchResult[]>` and list it here.
 */
const BENCHES: readonly {readonly name: string; readonly run: () => Promise<BenchResult[]>}[] = [
  {name: 'schedule-engine', run: scheduleEngine},
  {name: 'plan-apply', run: planApply},
]

for (const bench of BENCHES) {
  for (const result of await bench.run()) process.stdout.write(formatBenchResult(result) + '\n')
}
