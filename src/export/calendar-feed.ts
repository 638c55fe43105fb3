import ical, {ICalEventBusyStatus, ICalEventTransparency} from 'ical-generator'
import {hoistCalendarProperties} from './hoist-calendar-properties.js'

/** What an event says, before revision numbers; instants are epoch ms, always written in UTC. */
export interface EventDraft {
  readonly uid: string
  readonly start: number
  readonly end: number
  readonly summary: string
  readonly description: string
}

/** One VEVENT as the feeds write it. */
export interface FeedEvent extends EventDraft {
  readonly sequence: number
  /** Hash of everything a person sees, written as X-ONCALL-CONTENT-HASH (see revision.ts). */
  readonly contentHash: string
  /** DTSTAMP and LAST-MODIFIED (epoch ms, UTC): see revision.ts for why this is not "now". */
  readonly revisedAt: number
}

export interface FeedCalendar {
  /** Calendar display name (X-WR-CALNAME / NAME). Reduced to one safe line before writing. */
  readonly name: string
  readonly description: string
  readonly events: readonly FeedEvent[]
  /** Mark shifts as busy time (default: transparent, i.e. free). */
  readonly busy: boolean
}

/** How often clients should poll (advisory; Google ignores it, Apple/Outlook/Thunderbird may honour it). */
const REFRESH_SECONDS = 3600

/**
 * ical-generator 10 leaves NAME / X-WR-CALNAME / X-WR-CALDESC unescaped (ical-clients.md pitfall 5)
 * and ical.js shows `\,` literally in them, so calendar-level text is reduced to one line without
 * the characters that would need escaping.
 */
export function safeCalendarText(text: string): string {
  return text
    .replace(/[\r\n\t]+/g, ' ')
    .replace(/[,;\\]/g, ' ')
    .replace(/ {2,}/g, ' ')
    .trim()
}

/**
 * Renders a feed as iCalendar text. Every time is UTC (`...Z`), so no VTIMEZONE is needed and no
 * time can be floating; clients show the shifts in the viewer's zone. ical-generator does the
 * escaping and the UTF-8-aware folding at 75 octets; we post-process what it gets wrong for feeds:
 * calendar properties after components and no final CRLF (ical-clients.md pitfalls 7 and f).
 * No METHOD: a feed is a snapshot (RFC 5545 §3.7.2), and METHOD:PUBLISH would demand ORGANIZERs.
 */
export function renderCalendar(feed: FeedCalendar): string {
  const cal = ical({
    prodId: {company: 'oncall', product: 'oncall export', language: 'EN'},
    name: safeCalendarText(feed.name),
    description: safeCalendarText(feed.description) || null,
    ttl: REFRESH_SECONDS,
  })
  for (const e of feed.events) {
    cal.createEvent({
      id: e.uid,
      start: new Date(e.start),
      end: new Date(e.end),
      stamp: new Date(e.revisedAt),
      lastModified: new Date(e.revisedAt),
      sequence: e.sequence,
      summary: e.summary,
      description: e.description,
      transparency: feed.busy ? ICalEventTransparency.OPAQUE : ICalEventTransparency.TRANSPARENT,
      // Outlook reads its own busy status rather than TRANSP when it has one.
      busystatus: feed.busy ? ICalEventBusyStatus.BUSY : ICalEventBusyStatus.FREE,
      x: [['X-ONCALL-CONTENT-HASH', e.contentHash]],
    })
  }
  return hoistCalendarProperties(cal.toString())
}
