/**
 * ical-generator writes calendar-level x-properties (X-WR-CALDESC, ...) after the events, and
 * Outlook ignores calendar properties that follow a component (ical-clients.md §1 "Property
 * order"). This moves every calendar-level content line (with its folded continuation lines) in
 * front of the first component and ends the object with the CRLF that RFC 5545 §3.4 requires.
 */
export function hoistCalendarProperties(ics: string): string {
  const lines = ics.replace(/\r\n$/, '').split('\r\n')
  const head: string[] = []
  const components: string[] = []
  const hoisted: string[] = []
  let depth = 0 // nesting below VCALENDAR
  let lastTarget: string[] = head
  for (const line of lines) {
    if (line.startsWith(' ') || line.startsWith('\t')) {
      lastTarget.push(line)
      continue
    }
    if (line === 'BEGIN:VCALENDAR' || line === 'END:VCALENDAR') {
      lastTarget = head
      continue
    }
    if (line.startsWith('BEGIN:')) depth++
    const target = depth > 0 ? components : components.length > 0 ? hoisted : head
    target.push(line)
    lastTarget = target
    if (line.startsWith('END:')) depth--
  }
  return ['BEGIN:VCALENDAR', ...head, ...hoisted, ...components, 'END:VCALENDAR', ''].join('\r\n')
}
