/**
 * Human durations as written in the config language: one or more `<n><unit>` with units
 * `w d h m`, largest first, each at most once (`30m`, `4h`, `1h30m`, `2w`). No seconds: PagerDuty
 * works in minutes at best, so a seconds unit would only invite values that cannot be kept.
 */

const UNIT_SECONDS = {w: 604_800, d: 86_400, h: 3_600, m: 60} as const
type Unit = keyof typeof UNIT_SECONDS
const UNITS: readonly Unit[] = ['w', 'd', 'h', 'm']

/** The pattern the JSON Schema uses for a duration string (kept here so both agree). */
export const DURATION_PATTERN = '^(?=\\d)(\\d+w)?(\\d+d)?(\\d+h)?(\\d+m)?$'
const DURATION_RE = new RegExp(DURATION_PATTERN)

/** Seconds in `text`, or undefined when it is not a duration (`1h30m` → 5400). */
export function tryParseDuration(text: string): number | undefined {
  const trimmed = text.trim().toLowerCase()
  const match = DURATION_RE.exec(trimmed)
  if (!match) return undefined
  let seconds = 0
  UNITS.forEach((unit, i) => {
    const part = match[i + 1]
    if (part !== undefined) seconds += Number(part.slice(0, -1)) * UNIT_SECONDS[unit]
  })
  return seconds
}

/** Seconds in `text` (`30m` → 1800); throws a RangeError with the accepted format otherwise. */
export function parseDuration(text: string): number {
  const seconds = tryParseDuration(text)
  if (seconds === undefined) {
    throw new RangeError(`"${text}" is not a duration: use <n><unit> parts with units w, d, h, m (e.g. 30m, 4h, 1h30m, 2w)`)
  }
  return seconds
}

/**
 * The shortest written form of `seconds` (1800 → `30m`, 93600 → `1d2h`, 0 → `0m`). Seconds that
 * are not whole minutes (only possible from live data) get a trailing `<n>s` so nothing is hidden.
 */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) throw new RangeError(`cannot format duration ${seconds}`)
  let rest = Math.round(seconds)
  let out = ''
  for (const unit of UNITS) {
    const n = Math.floor(rest / UNIT_SECONDS[unit])
    if (n > 0) out += `${n}${unit}`
    rest -= n * UNIT_SECONDS[unit]
  }
  if (rest > 0) out += `${rest}s`
  return out === '' ? '0m' : out
}
