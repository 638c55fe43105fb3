/**
 * Fast conversion between instants (epoch ms) and "local naive" times of one IANA zone.
 *
 * A local naive time is the zone's wall-clock reading written as if it were UTC epoch ms
 * (`Date.UTC(y, m, d, h, min)`), so wall-clock arithmetic ("add 3 calendar days", "next 10:00")
 * is plain integer arithmetic. Asking Intl for an offset costs microseconds, and the engine
 * converts hundreds of thousands of boundaries, so each clock learns the zone's offset
 * transitions once per year-sized chunk (one Intl probe per week, bisection to the second where
 * the offset changes) and answers later lookups by binary search. Weekly probes would miss two
 * changes less than a week apart that cancel out; tzdata has none in modern times. The probe is `Intl.DateTimeFormat#format`
 * with `timeZoneName: 'longOffset'` (about 1 µs), not luxon's offset() or formatToParts (20–100 µs),
 * which made learning a zone-year take tens of milliseconds.
 *
 * local → instant follows docs/language.md: a skipped local time (spring forward) moves forward
 * by the gap (it is read with the offset before the change); a repeated local time (fall back)
 * takes the earlier instant. Both cases reduce to one rule: the offset after a transition at
 * instant T applies to local times from T + max(offsetBefore, offsetAfter).
 */
export class ZoneClock {
  /** Instants at which `offsets[i]` begins; `starts[0]` is the start of the covered range. */
  private starts: number[] = []
  private offsets: number[] = []
  /** Local naive times from which `offsets[i]` applies when reading local times. */
  private thresholds: number[] = []
  private coveredFrom = 0
  private coveredTo = 0

  private constructor(
    readonly timeZone: string,
    private readonly probe: Intl.DateTimeFormat,
  ) {}

  private static readonly cache = new Map<string, ZoneClock>()

  /** The shared clock of `timeZone`; throws on a zone name Intl does not know. */
  static of(timeZone: string): ZoneClock {
    let clock = ZoneClock.cache.get(timeZone)
    if (clock === undefined) {
      let probe: Intl.DateTimeFormat
      try {
        probe = new Intl.DateTimeFormat('en-US', {timeZone, timeZoneName: 'longOffset', hour: 'numeric'})
      } catch {
        throw new Error(`unknown time zone: ${timeZone}`)
      }
      clock = new ZoneClock(timeZone, probe)
      ZoneClock.cache.set(timeZone, clock)
    }
    return clock
  }

  /** Offset in ms (local − UTC) at instant `t`. */
  offsetAt(t: number): number {
    this.cover(t)
    return this.offsets[lastAtOrBefore(this.starts, t)] ?? 0
  }

  /** The wall-clock reading at instant `t`, as local naive ms. */
  toLocal(t: number): number {
    return t + this.offsetAt(t)
  }

  /** The instant of local naive time `local` (see the class comment for gaps and repeats). */
  toInstant(local: number): number {
    // Any instant for this local time lies within ±1 day of it; covering that range also makes
    // every transition that could affect `local` known.
    this.cover(local - DAY)
    this.cover(local + DAY)
    const i = lastAtOrBefore(this.thresholds, local)
    return local - (this.offsets[i] ?? 0)
  }

  private cover(t: number): void {
    if (this.starts.length === 0) {
      const chunk = Math.floor(t / CHUNK)
      const first = this.scanChunk(chunk)
      this.starts = first.starts
      this.offsets = first.offsets
      this.coveredFrom = chunk * CHUNK
      this.coveredTo = (chunk + 1) * CHUNK
      this.rebuildThresholds()
      return
    }
    if (t >= this.coveredFrom && t < this.coveredTo) return
    while (t < this.coveredFrom) {
      const chunk = this.coveredFrom / CHUNK - 1
      const earlier = this.scanChunk(chunk)
      // Drop the old first segment when it merely continues the new chunk's last offset.
      const continues = earlier.offsets[earlier.offsets.length - 1] === this.offsets[0]
      this.starts = [...earlier.starts, ...(continues ? this.starts.slice(1) : this.starts)]
      this.offsets = [...earlier.offsets, ...(continues ? this.offsets.slice(1) : this.offsets)]
      this.coveredFrom = chunk * CHUNK
    }
    while (t >= this.coveredTo) {
      const chunk = this.coveredTo / CHUNK
      const later = this.scanChunk(chunk)
      const continues = later.offsets[0] === this.offsets[this.offsets.length - 1]
      this.starts.push(...(continues ? later.starts.slice(1) : later.starts))
      this.offsets.push(...(continues ? later.offsets.slice(1) : later.offsets))
      this.coveredTo = (chunk + 1) * CHUNK
    }
    this.rebuildThresholds()
  }

  private rebuildThresholds(): void {
    this.thresholds = this.starts.map((start, i) => {
      if (i === 0) return -Infinity
      const before = this.offsets[i - 1] ?? 0
      const after = this.offsets[i] ?? 0
      return start + Math.max(before, after)
    })
  }

  /** Offset segments of one chunk: probe weekly, bisect to the second where the offset changes. */
  private scanChunk(chunk: number): {starts: number[]; offsets: number[]} {
    const from = chunk * CHUNK
    const to = from + CHUNK
    const starts = [from]
    const offsets = [this.intlOffset(from)]
    let prevT = from
    let prevOffset = offsets[0] ?? 0
    for (let t = Math.min(from + PROBE_STEP, to); ; t = Math.min(t + PROBE_STEP, to)) {
      const sample = this.intlOffset(t)
      if (sample !== prevOffset) {
        // Invariant: offset(lo) is the old one, offset(hi) the new one; both whole seconds.
        let lo = prevT
        let hi = t
        while (hi - lo > 1000) {
          const mid = lo + Math.floor((hi - lo) / 2000) * 1000
          if (this.intlOffset(mid) === prevOffset) lo = mid
          else hi = mid
        }
        // A change exactly at `to` belongs to the next chunk, which starts with the new offset.
        if (hi < to) {
          starts.push(hi)
          offsets.push(sample)
        }
        prevOffset = sample
      }
      prevT = t
      if (t === to) break
    }
    return {starts, offsets}
  }

  /** Offset in ms at `t`, read from e.g. `7 PM GMT-05:00` (`GMT-04:56:02` for old local mean times). */
  private intlOffset(t: number): number {
    const m = OFFSET_TEXT.exec(this.probe.format(t))
    if (!m) throw new Error(`cannot read the UTC offset of ${this.timeZone} at ${new Date(t).toISOString()}`)
    if (m[1] === undefined) return 0
    const ms = (Number(m[2]) * 3600 + Number(m[3]) * 60 + Number(m[4] ?? 0)) * 1000
    return m[1] === '-' ? -ms : ms
  }
}

const DAY = 86_400_000
const OFFSET_TEXT = /GMT(?:([+-])(\d{2}):(\d{2})(?::(\d{2}))?)?$/
/** 366 days: a chunk always holds a whole DST cycle's worth of transitions at most. */
const CHUNK = 366 * DAY
const PROBE_STEP = 7 * DAY

/** Index of the last element ≤ x in an ascending array (0 when none is). */
function lastAtOrBefore(sorted: readonly number[], x: number): number {
  let lo = 0
  let hi = sorted.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if ((sorted[mid] ?? Infinity) <= x) lo = mid
    else hi = mid - 1
  }
  return lo
}
