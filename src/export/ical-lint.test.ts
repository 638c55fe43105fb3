import {describe, expect, it} from 'vitest'
import {lintIcs} from './ical-lint.js'

const good = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//t//t//EN',
  'X-WR-CALNAME:T',
  'REFRESH-INTERVAL;VALUE=DURATION:PT1H',
  'X-PUBLISHED-TTL:PT1H',
  'BEGIN:VEVENT',
  'UID:a',
  'DTSTAMP:20000101T000000Z',
  'DTSTART:20260105T010000Z',
  'DTEND:20260112T010000Z',
  'SUMMARY:x',
  'END:VEVENT',
  'END:VCALENDAR',
  '',
]
const ics = (lines: string[]): string => lines.join('\r\n')
const rules = (text: string | Uint8Array): string[] => [...new Set(lintIcs(text).map((p) => p.rule))]
const edit = (from: string, to: string[]): string[] => good.flatMap((l) => (l === from ? to : [l]))

describe('lintIcs', () => {
  it('accepts a minimal valid feed', () => {
    expect(lintIcs(ics(good))).toEqual([])
  })

  it.each([
    ['crlf', good.join('\n')],
    ['final-crlf', ics(good).slice(0, -2)],
    ['line-length', ics(edit('SUMMARY:x', ['SUMMARY:' + 'x'.repeat(80)]))],
    ['no-method', ics(edit('VERSION:2.0', ['VERSION:2.0', 'METHOD:PUBLISH']))],
    ['property-order', ics(edit('END:VEVENT', ['END:VEVENT', 'X-FOO:bar']))],
    ['feed-properties', ics(edit('X-PUBLISHED-TTL:PT1H', []))],
    ['utc-stamp', ics(edit('DTSTAMP:20000101T000000Z', ['DTSTAMP:20000101T000000']))],
    ['floating', ics(edit('DTSTART:20260105T010000Z', ['DTSTART:20260105T010000']))],
    ['vtimezone', ics(edit('DTSTART:20260105T010000Z', ['DTSTART;TZID=Asia/Tokyo:20260105T100000']))],
    ['uid', ics(edit('UID:a', []))],
    ['dtend', ics(edit('DTEND:20260112T010000Z', ['DTEND:20260105T010000Z']))],
    ['parse', ics(edit('SUMMARY:x', ['SUMMARY:x', 'no colon here']))],
  ])('flags %s', (rule, text) => {
    expect(rules(text)).toContain(rule)
  })

  it('flags duplicate UIDs', () => {
    const event = good.slice(6, 13)
    expect(rules(ics([...good.slice(0, 13), ...event, ...good.slice(13)]))).toEqual(['uid-unique'])
  })

  it('flags a fold that splits a UTF-8 character but not one between characters', () => {
    const prefix = Buffer.from('SUMMARY:' + 'x'.repeat(65)) // 73 octets, then "愛" (3 octets)
    const char = Buffer.from('愛')
    const split = Buffer.concat([prefix, char.subarray(0, 1), Buffer.from('\r\n '), char.subarray(1)])
    const whole = Buffer.concat([prefix, Buffer.from('\r\n '), char])
    const build = (summary: Buffer): Buffer =>
      Buffer.concat([Buffer.from(ics(good.slice(0, 11)) + '\r\n'), summary, Buffer.from('\r\n' + ics(good.slice(12)))])
    expect(rules(build(whole))).toEqual([])
    expect(rules(build(split))).toContain('utf8-fold')
  })
})
