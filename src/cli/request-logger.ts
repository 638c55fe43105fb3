/**
 * --verbose output: one line per PagerDuty HTTP attempt, then a total. The client only emits
 * events (no UI inside the client); this turns them into text for stderr.
 *
 *   GET /schedules?limit=100&offset=100 200 12ms
 *   GET /teams 503 40ms (attempt 2, retry in 750ms)
 *   POST /teams ECONNRESET 3ms (retry in 500ms)
 *   PagerDuty requests: 14
 */
import type {RequestEvent} from '../providers/pagerduty/client/index.js'

export function formatRequestEvent(event: RequestEvent): string {
  const outcome = event.status === null ? (event.errorCode ?? 'no response') : String(event.status)
  const notes: string[] = []
  if (event.attempt > 1) notes.push(`attempt ${event.attempt}`)
  if (event.retryInMs !== undefined) notes.push(`retry in ${event.retryInMs}ms`)
  const suffix = notes.length > 0 ? ` (${notes.join(', ')})` : ''
  return `${event.method} ${event.path} ${outcome} ${Math.round(event.ms)}ms${suffix}`
}

export function formatRequestTotal(count: number): string {
  return `PagerDuty requests: ${count}`
}

export class RequestLogger {
  #seen = 0

  constructor(private readonly write: (line: string) => void) {}

  /** Pass as the client's `onRequest`. */
  readonly onRequest = (event: RequestEvent): void => {
    this.#seen++
    this.write(formatRequestEvent(event))
  }

  /** Attempts logged so far. */
  get count(): number {
    return this.#seen
  }

  /** Writes the total; pass client.requestCount (which includes requests made before logging began). */
  summary(requestCount: number = this.#seen): void {
    this.write(formatRequestTotal(requestCount))
  }
}
