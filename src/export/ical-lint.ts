import ICAL from 'ical.js'

/**
 * Checks the rules our feeds promise to calendar clients (ical-clients.md §1), which no parser
 * checks on its own: CRLF only, lines ≤ 75 octets folded without splitting UTF-8, ical.js strict
 * parse, no METHOD, calendar properties before the first component, UTC DTSTAMP/LAST-MODIFIED,
 * no floating DTSTART/DTEND, a VTIMEZONE for every TZID, unique opaque UIDs, DTEND after DTSTART.
 * Used by the export tests on every generated file; reusable for any .ics (ical.js is a
 * dev dependency, so import this only from tests and tools).
 */
export interface LintProblem {
  readonly rule: string
  readonly message: string
}

type JCalProperty = [string, Record<string, string | string[]>, string, ...unknown[]]
type JCalComponent = [string, JCalProperty[], JCalComponent[]]

const MAX_OCTETS = 75
const REQUIRED_FEED_PROPERTIES = ['version', 'prodid', 'x-wr-calname', 'refresh-interval', 'x-published-ttl']
const UTC_ONLY = ['dtstamp', 'last-modified', 'created']

function checkLines(bytes: Buffer, problems: LintProblem[]): void {
  const text = bytes.toString('latin1') // byte-per-char view, for octet-exact scanning
  if (/\r(?!\n)|(?<!\r)\n/.test(text)) problems.push({rule: 'crlf', message: 'line ending other than CRLF (bare LF or CR)'})
  if (!text.endsWith('\r\n')) problems.push({rule: 'final-crlf', message: 'the object does not end with CRLF'})
  const decoder = new TextDecoder('utf-8', {fatal: true})
  let offset = 0
  text.split('\r\n').forEach((line, i) => {
    const lineBytes = bytes.subarray(offset, offset + line.length)
    offset += line.length + 2
    if (line.length > MAX_OCTETS) problems.push({rule: 'line-length', message: `line ${i + 1} is ${line.length} octets (max ${MAX_OCTETS})`})
    try {
      decoder.decode(lineBytes)
    } catch {
      problems.push({rule: 'utf8-fold', message: `line ${i + 1} is not valid UTF-8 on its own (a fold split a character)`})
    }
  })
}

/** Calendar-level properties must come before the first component (Outlook ignores later ones). */
function checkPropertyOrder(unfolded: string[], problems: LintProblem[]): void {
  let depth = 0
  let seenComponent = false
  for (const line of unfolded) {
    if (line === 'BEGIN:VCALENDAR' || line === 'END:VCALENDAR' || line === '') continue
    if (line.startsWith('BEGIN:')) {
      depth++
      seenComponent = true
    } else if (line.startsWith('END:')) depth--
    else if (depth === 0 && seenComponent) {
      problems.push({rule: 'property-order', message: `calendar property after a component: ${line.slice(0, 40)}`})
    }
  }
}

function checkEvent(event: JCalComponent, tzids: Set<string>, uids: Set<string>, problems: LintProblem[]): void {
  const props = new Map<string, JCalProperty>()
  for (const p of event[1]) if (!props.has(p[0])) props.set(p[0], p)
  const uid = props.get('uid')?.[3]
  if (typeof uid !== 'string' || uid === '') problems.push({rule: 'uid', message: 'VEVENT without UID'})
  else {
    if (uids.has(uid)) problems.push({rule: 'uid-unique', message: `duplicate UID ${uid}`})
    if (Buffer.byteLength(uid) >= 255) problems.push({rule: 'uid', message: `UID of ${Buffer.byteLength(uid)} octets (must be < 255)`})
    uids.add(uid)
  }
  const where = typeof uid === 'string' ? ` (UID ${uid})` : ''
  if (!props.has('dtstamp')) problems.push({rule: 'dtstamp', message: `VEVENT without DTSTAMP${where}`})
  for (const name of UTC_ONLY) {
    const p = props.get(name)
    if (p && !(typeof p[3] === 'string' && p[3].endsWith('Z'))) {
      problems.push({rule: 'utc-stamp', message: `${name.toUpperCase()} is not in UTC${where}`})
    }
  }
  const instants: number[] = []
  for (const name of ['dtstart', 'dtend']) {
    const p = props.get(name)
    if (!p) {
      if (name === 'dtstart') problems.push({rule: 'dtstart', message: `VEVENT without DTSTART${where}`})
      continue
    }
    const value = String(p[3])
    const tzid = p[1].tzid
    if (p[2] === 'date-time' && !value.endsWith('Z') && tzid === undefined) {
      problems.push({rule: 'floating', message: `${name.toUpperCase()} ${value} is floating (no Z, no TZID)${where}`})
    }
    if (typeof tzid === 'string' && !tzids.has(tzid)) {
      problems.push({rule: 'vtimezone', message: `TZID=${tzid} has no VTIMEZONE in the file${where}`})
    }
    if (value.endsWith('Z')) instants.push(Date.parse(value))
  }
  const [start, end] = instants
  if (instants.length === 2 && start !== undefined && end !== undefined && end <= start) {
    problems.push({rule: 'dtend', message: `DTEND is not after DTSTART${where}`})
  }
}

export function lintIcs(input: string | Uint8Array): LintProblem[] {
  const bytes = typeof input === 'string' ? Buffer.from(input, 'utf8') : Buffer.from(input)
  const text = bytes.toString('utf8')
  const problems: LintProblem[] = []
  checkLines(bytes, problems)
  let root: JCalComponent
  try {
    root = ICAL.parse(text) as unknown as JCalComponent
  } catch (error) {
    problems.push({rule: 'parse', message: `ical.js cannot parse the file: ${(error as Error).message}`})
    return problems
  }
  if (!Array.isArray(root) || root[0] !== 'vcalendar') {
    problems.push({rule: 'parse', message: 'expected exactly one VCALENDAR'})
    return problems
  }
  checkPropertyOrder(text.replace(/\r?\n[ \t]/g, '').split(/\r?\n/), problems)
  const calProps = new Set(root[1].map((p) => p[0]))
  if (calProps.has('method')) problems.push({rule: 'no-method', message: 'METHOD is set (a feed is a snapshot; PUBLISH would require ORGANIZER)'})
  for (const name of REQUIRED_FEED_PROPERTIES) {
    if (!calProps.has(name)) problems.push({rule: 'feed-properties', message: `calendar property ${name.toUpperCase()} is missing`})
  }
  const refresh = root[1].find((p) => p[0] === 'refresh-interval')
  if (refresh && refresh[2] !== 'duration') problems.push({rule: 'feed-properties', message: 'REFRESH-INTERVAL needs VALUE=DURATION'})
  const tzids = new Set<string>()
  for (const c of root[2]) {
    if (c[0] !== 'vtimezone') continue
    const tzid = c[1].find((p) => p[0] === 'tzid')?.[3]
    if (typeof tzid === 'string') tzids.add(tzid)
  }
  const uids = new Set<string>()
  for (const c of root[2]) if (c[0] === 'vevent') checkEvent(c, tzids, uids, problems)
  return problems
}
