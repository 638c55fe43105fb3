/**
 * Line folding for our feeds (RFC 5545 §3.1). ical-generator serializes each VEVENT (see
 * calendar-feed.ts), but its calendar-level folding builds a TextEncoder per character (about
 * 1.3 s per 1,000 events), so the calendar frame is folded here, in one pass over code points.
 */

const MAX_OCTETS = 75

function utf8Length(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4
}

/**
 * Folds one content line at 75 octets (RFC 5545 §3.1): continuation lines start with a space,
 * which counts towards their 75, and a UTF-8 sequence (one code point) is never split.
 */
export function foldLine(line: string): string {
  if (!/[^\x00-\x7f]/.test(line)) return foldAscii(line)
  const parts: string[] = []
  let current = ''
  let octets = 0
  let limit = MAX_OCTETS
  for (const ch of line) {
    const n = utf8Length(ch.codePointAt(0) ?? 0)
    if (octets + n > limit) {
      parts.push(current)
      current = ''
      octets = 0
      limit = MAX_OCTETS - 1
    }
    current += ch
    octets += n
  }
  parts.push(current)
  return parts.join('\r\n ')
}

/** foldLine of a line of ASCII only (most of a feed): one octet per character, so plain slices of 75, then 74. */
function foldAscii(line: string): string {
  if (line.length <= MAX_OCTETS) return line
  const parts = [line.slice(0, MAX_OCTETS)]
  for (let i = MAX_OCTETS; i < line.length; i += MAX_OCTETS - 1) parts.push(line.slice(i, i + MAX_OCTETS - 1))
  return parts.join('\r\n ')
}

/** Joins content lines into an iCalendar object: folded, CRLF-terminated (including the last). */
export function joinContentLines(lines: readonly string[]): string {
  return lines.map(foldLine).join('\r\n') + '\r\n'
}
