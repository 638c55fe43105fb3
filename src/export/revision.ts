import {hash as sha256} from 'node:crypto'
import type {EventDraft, FeedEvent} from './calendar-feed.js'

/**
 * DTSTAMP, LAST-MODIFIED and SEQUENCE without a clock.
 *
 * Feeds are regenerated (often by a CI job that commits the result), so an unchanged schedule
 * must give byte-identical files: "now" can't go into any of them. Without METHOD, RFC 5545
 * defines DTSTAMP as the time the information was last revised, and some clients (Google, per
 * community reports) only take an update when SEQUENCE goes up. So:
 * - every event carries a hash of what a person sees (X-ONCALL-CONTENT-HASH);
 * - on export, the previous file for the same feed (if any) is read back: an event whose UID and
 *   content hash are unchanged keeps its SEQUENCE; a changed one gets SEQUENCE + 1; a new one 0;
 * - DTSTAMP = LAST-MODIFIED = REVISION_EPOCH + SEQUENCE seconds: a synthetic, fixed "revision
 *   clock" that is deterministic and still moves forward whenever the event changes.
 * The previous export is the only state; deleting the output directory resets sequences to 0,
 * which clients tolerate (they replace a subscribed snapshot wholesale).
 */
export const REVISION_EPOCH = Date.UTC(2000, 0, 1)

export interface PreviousRevision {
  readonly sequence: number
  readonly contentHash: string
}

/** UID → what the previous export wrote for it. */
export type PreviousRevisions = ReadonlyMap<string, PreviousRevision>

/** Gives each draft its SEQUENCE, DTSTAMP/LAST-MODIFIED and content hash. */
export function reviseEvents(drafts: readonly EventDraft[], busy: boolean, previous: PreviousRevisions): FeedEvent[] {
  return drafts.map((d) => {
    const hash = sha256('sha256', [d.start, d.end, d.summary, d.description, busy ? 'busy' : 'free'].map(String).join('\u0000'), 'hex').slice(0, 16)
    const prev = previous.get(d.uid)
    const sequence = prev === undefined ? 0 : prev.contentHash === hash ? prev.sequence : prev.sequence + 1
    return {...d, sequence, contentHash: hash, revisedAt: REVISION_EPOCH + sequence * 1000}
  })
}

/**
 * Reads UID, SEQUENCE and X-ONCALL-CONTENT-HASH back from a file this exporter wrote. A small
 * unfolding reader is enough for our own output and keeps ical.js a test-only dependency;
 * anything unexpected just yields no previous revision (sequence restarts at 0).
 */
export function readPreviousRevisions(ics: string): Map<string, PreviousRevision> {
  const out = new Map<string, PreviousRevision>()
  const lines = ics.replace(/\r?\n[ \t]/g, '').split(/\r?\n/)
  let uid: string | undefined
  let sequence = 0
  let hash: string | undefined
  for (const line of lines) {
    if (line === 'BEGIN:VEVENT') {
      uid = undefined
      sequence = 0
      hash = undefined
    } else if (line.startsWith('UID:')) uid = line.slice(4)
    else if (line.startsWith('SEQUENCE:')) sequence = Number(line.slice(9)) || 0
    else if (line.startsWith('X-ONCALL-CONTENT-HASH:')) hash = line.slice(22)
    else if (line === 'END:VEVENT' && uid !== undefined && hash !== undefined) out.set(uid, {sequence, contentHash: hash})
  }
  return out
}
