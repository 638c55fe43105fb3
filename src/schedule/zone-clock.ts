/**
 * Fast conversion between instants (epoch ms) and "local naive" times of one IANA zone.
 *
 * A local naive time is the zone's wall-clock reading written as if it were UTC epoch ms
 * (`Date.UTC(y, m, d, h, min)`), so wall-clock arithmetic ("add 3 calendar days", "next 10:00")
 * is plain integer arithmetic.
 *
 * Asking Intl for an offset costs microseconds and the engine converts hundreds of thousands of
 * boundaries, so each clock learns the zone's offset changes lazily, per year-sized chunk of
 * time (one Intl probe per week, bisection to the second where the offset changed), and answers
 * later lookups from that table. Chunks are independent, so an anchor ten years back costs one
 * more chunk, not ten. Weekly probes would miss two changes less than a week apart that cancel
 * out; tzdata has none in modern times. The probe is `Intl.DateTimeFormat#format` with
 * `timeZoneName: 'longOffset'` (about 1 µs), not luxon's offset() or formatToParts (20–100 µs).
 *
 * local → instant follows docs/language.md: a skipped local time (spring forward) moves forward
 * by the gap (it is read with the offset before the change); a repeated local time (fall back)
 * takes the earlier instant. Both cases reduce to one rule: the offset after a change at
 * instant T applies to local times from T + max(offsetBefore, offsetAfter).
 */
export class ZoneClock {
  private readonly chunks = new Map<number, Chunk>()
  /** One-entry cache: lookups come in runs within the same chunk. */
  private lastIndex = Number.NaN
  private lastChunk: Chunk | undefined

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
    const chunk = this.chunk(Math.floor(t / CHUNK))
    let i = chunk.starts.length - 1
    while (i > 0 && (chunk.starts[i] as number) > t) i--
    return chunk.offsets[i] as number
  }

  /** The wall-clock reading at instant `t`, as local naive ms. */
  toLocal(t: number): number {
    return t + this.offsetAt(t)
  }

  /** The instant of local naive time `local` (see the class comment for gaps and repeats). */
  toInstant(local: number): number {
    // Start from the offset two days earlier (every change before then is settled for `local`),
    // then apply the changes up to a day later whose local threshold `local` has reached.
    const from = local - 2 * DAY
    const to = local + DAY
    let offset = this.offsetAt(from)
    const last = Math.floor(to / CHUNK)
    for (let c = Math.floor(from / CHUNK); c <= last; c++) {
      const chunk = this.chunk(c)
      for (let i = 0; i < chunk.starts.length; i++) {
        const change = chunk.starts[i] as number
        if (change <= from) continue
        if (change > to) return local - offset
        const next = chunk.offsets[i] as number
        if (next === offset) continue // a chunk start, not a change
        if (local < change + Math.max(offset, next)) return local - offset
        offset = next
      }
    }
    return local - offset
  }

  private chunk(index: number): Chunk {
    if (index === this.lastIndex) return this.lastChunk as Chunk
    let chunk = this.chunks.get(index)
    if (chunk === undefined) {
      chunk = this.scanChunk(index)
      this.chunks.set(index, chunk)
    }
    this.lastIndex = index
    this.lastChunk = chunk
    return chunk
  }

  /** Offset segments of one chunk: probe weekly, bisect to the second where the offset changes. */
  private scanChunk(index: number): Chunk {
    const from = index * CHUNK
    const to = from + CHUNK
    if (!Number.isFinite(from) || Math.abs(from) > MAX_INSTANT) {
      throw new RangeError(`${this.timeZone}: time out of range (${from})`)
    }
    const starts = [from]
    const offsets = [this.intlOffset(from)]
    let prevT = from
    let prevOffset = offsets[0] as number
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
        // A change exactly at `to` shows as the next chunk starting with another offset.
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
    const m = OFFSET_TEXT.exec(this.probe.format(Math.min(Math.max(t, -MAX_INSTANT), MAX_INSTANT)))
    if (!m) throw new Error(`cannot read the UTC offset of ${this.timeZone} at ${t}`)
    if (m[1] === undefined) return 0
    const ms = (Number(m[2]) * 3600 + Number(m[3]) * 60 + Number(m[4] ?? 0)) * 1000
    return m[1] === '-' ? -ms : ms
  }
}

/** Offsets within one chunk: `offsets[i]` holds from `starts[i]`; `starts[0]` is the chunk start. */
interface Chunk {
  readonly starts: number[]
  readonly offsets: number[]
}

const DAY = 86_400_000
const OFFSET_TEXT = /GMT(?:([+-])(\d{2}):(\d{2})(?::(\d{2}))?)?$/
/** 366 days: a chunk holds about one year of changes. */
const CHUNK = 366 * DAY
const PROBE_STEP = 7 * DAY
/** The largest instant a JavaScript Date can hold. */
const MAX_INSTANT = 8.64e15
