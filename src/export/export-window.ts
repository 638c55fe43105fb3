import type {TimeWindow} from '../schedule/shift.js'

const DAY = 86_400_000
export const DEFAULT_DAYS_BACK = 14
export const DEFAULT_DAYS_AHEAD = 180
/** Longest window accepted: two years (leap day included). Bigger feeds slow clients down for nothing. */
export const MAX_WINDOW_DAYS = 731
/**
 * Shifts are computed at least this far beyond the window on both sides, so that shifts
 * overlapping the window's edges are written whole (and keep their start, hence their UID) as
 * the window slides.
 */
export const WINDOW_PADDING_MS = 35 * DAY
/**
 * ...and the padded edges are snapped outwards to a fixed 28-day grid (from the Unix epoch): a
 * shift longer than the padding (a one-person layer, a manager who is always secondary) is cut
 * at the same instants for four weeks, instead of getting a new start (hence a new UID) and a
 * new end every day.
 */
export const WINDOW_GRID_MS = 28 * DAY

/** Thrown for --since/--until/--now values a person typed wrong; the command turns it into a UserError. */
export class WindowError extends Error {}

/**
 * `2026-01-05` (UTC midnight) or an ISO date-time with `Z` or an offset. Times without an offset
 * are refused: they would depend on the machine's zone, and the output must not.
 */
export function parseInstant(text: string, what: string): number {
  const t = text.trim()
  const ms = /^\d{4}-\d{2}-\d{2}$/.test(t)
    ? Date.parse(`${t}T00:00:00Z`)
    : /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i.test(t)
      ? Date.parse(t)
      : NaN
  if (Number.isNaN(ms)) {
    throw new WindowError(`${what} "${text}" is not a date (YYYY-MM-DD) or a date-time with Z or an offset (2026-01-05T09:00Z)`)
  }
  return ms
}

/**
 * The export window. Defaults are 14 days back to 180 days ahead of `now`, snapped to UTC
 * midnight so that every export on the same day gives the same files (a CI job re-running
 * hourly commits at most one change a day, and only when a shift enters or leaves the window).
 */
export function exportWindow(opts: {readonly since?: string; readonly until?: string; readonly now: number}): TimeWindow {
  const today = Math.floor(opts.now / DAY) * DAY
  const start = opts.since === undefined ? today - DEFAULT_DAYS_BACK * DAY : parseInstant(opts.since, '--since')
  const end = opts.until === undefined ? today + DEFAULT_DAYS_AHEAD * DAY : parseInstant(opts.until, '--until')
  if (end <= start) throw new WindowError(`--until (${iso(end)}) must be after --since (${iso(start)})`)
  if (end - start > MAX_WINDOW_DAYS * DAY) {
    const days = Math.ceil((end - start) / DAY)
    throw new WindowError(`the export window is ${days} days; at most 2 years (${MAX_WINDOW_DAYS} days) is allowed: narrow --since/--until`)
  }
  return {start, end}
}

export function paddedWindow(w: TimeWindow): TimeWindow {
  return {
    start: Math.floor((w.start - WINDOW_PADDING_MS) / WINDOW_GRID_MS) * WINDOW_GRID_MS,
    end: Math.ceil((w.end + WINDOW_PADDING_MS) / WINDOW_GRID_MS) * WINDOW_GRID_MS,
  }
}

function iso(ms: number): string {
  return new Date(ms).toISOString().replace(':00.000Z', 'Z')
}

/**
 * The export's notion of "now": the hidden --now flag, else ONCALL_NOW, else the clock. Injecting
 * it makes the default window (and the page's "now" marker) reproducible in tests and CI.
 */
export function resolveNow(flag: string | undefined, env: string | undefined, clock: () => number = Date.now): number {
  const text = flag ?? (env === '' ? undefined : env)
  return text === undefined ? clock() : parseInstant(text, flag !== undefined ? '--now' : 'ONCALL_NOW')
}
