import ical, {ICalEventTransparency, type ICalCalendar} from 'ical-generator'
import {joinContentLines} from './ics-text.js'

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

/**
 * X-WR-CALNAME is an x-property: ical.js (and so Thunderbird) types it as `unknown` and would show
 * `\,` literally, so the calendar name is reduced to one line without the characters that would
 * need escaping (ical-clients.md pitfall 5). The description keeps them (calendarDescriptionLine).
 */
export function safeCalendarText(text: string): string {
  return withoutControlCharacters(text)
    .replace(/[\r\n\t]+/g, ' ')
    .replace(/[,;\\]/g, ' ')
    .replace(/ {2,}/g, ' ')
    .trim()
}

/**
 * RFC 5545 (3.3.11) allows no control characters in TEXT but HTAB (a newline is written as `\n`):
 * names and descriptions come from the config or the account, so the others are dropped
 * (C0 but tab and newline, DEL, C1). A lone CR would otherwise end the line in some clients.
 */
export function withoutControlCharacters(text: string): string {
  // Most text has none: testing first spares two copies per event field.
  if (!/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\r]/.test(text)) return text
  return text.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '')
}

/**
 * The calendar description, kept whole: one line, TEXT-escaped (RFC 5545 §3.3.11) and written with
 * VALUE=TEXT, which makes ical.js (Thunderbird) unescape it instead of showing `\;` literally.
 */
export function calendarDescriptionLine(text: string): string {
  const oneLine = withoutControlCharacters(text).replace(/[\r\n\t]+/g, ' ').replace(/ {2,}/g, ' ').trim()
  return `X-WR-CALDESC;VALUE=TEXT:${oneLine.replace(/[\\;,]/g, (c) => `\\${c}`)}`
}

/**
 * Renders a feed as iCalendar text. Every time is UTC (`...Z`), so no VTIMEZONE is needed and no
 * time can be floating; clients show shifts in the viewer's zone, and the schedule's local times
 * are spelled out in DESCRIPTION. Calendar properties come before the first component (Outlook
 * ignores later ones), REFRESH-INTERVAL/X-PUBLISHED-TTL suggest hourly polling (advisory).
 * No METHOD: a feed is a snapshot (RFC 5545 §3.7.2), and METHOD:PUBLISH would demand ORGANIZERs.
 */
export function renderCalendar(feed: FeedCalendar): string {
  const name = safeCalendarText(feed.name)
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//oncall//oncall export//EN',
    'CALSCALE:GREGORIAN',
    `NAME:${name}`,
    `X-WR-CALNAME:${name}`,
    ...(feed.description.trim() === '' ? [] : [calendarDescriptionLine(feed.description)]),
    'REFRESH-INTERVAL;VALUE=DURATION:PT1H',
    'X-PUBLISHED-TTL:PT1H',
  ]
  const calendar = ical()
  for (const e of feed.events) lines.push(...eventLines(calendar, e, feed.busy))
  lines.push('END:VCALENDAR')
  return joinContentLines(lines)
}

/**
 * One VEVENT, serialized by ical-generator (property names, UTC date-times, text escaping).
 * The calendar frame and the line folding are ours: ical-generator's calendar.toString() writes
 * calendar properties after the events (Outlook ignores those) and folds with a TextEncoder per
 * character, about 1.3 s per 1,000 events here; an event's own toString() is unfolded and fast.
 */
function eventLines(calendar: ICalCalendar, e: FeedEvent, busy: boolean): string[] {
  const stamp = new Date(e.revisedAt)
  const event = calendar.createEvent({
    id: e.uid,
    sequence: e.sequence,
    stamp,
    lastModified: stamp,
    start: new Date(e.start),
    end: new Date(e.end),
    summary: withoutControlCharacters(e.summary),
    description: withoutControlCharacters(e.description),
    transparency: busy ? ICalEventTransparency.OPAQUE : ICalEventTransparency.TRANSPARENT,
    x: [
      // Outlook reads its own busy status rather than TRANSP when it has one.
      ['X-MICROSOFT-CDO-BUSYSTATUS', busy ? 'BUSY' : 'FREE'],
      ['X-ONCALL-CONTENT-HASH', e.contentHash],
    ],
  })
  return event.toString().split('\r\n').filter((line) => line !== '')
}
