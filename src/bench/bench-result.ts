/** One measured number, printed as `name: value unit (target ...)`. */
export interface BenchResult {
  readonly name: string
  readonly value: number
  readonly unit: string
  readonly target: string
}

export function formatBenchResult(r: BenchResult): string {
  return `${r.name}: ${r.value} ${r.unit} (target ${r.target})`
}

/** Collects garbage when node runs with --expose-gc (npm run bench does), so runs start even. */
export function collectGarbage(): void {
  const gc = (globalThis as {gc?: () => void}).gc
  if (gc) gc()
}
