import {readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import ICAL from 'ical.js'

/** Every event of every feed in an export directory, as `file uid start/end summary` (UTC), sorted. */
export function feedEvents(dir: string): string[] {
  const out: string[] = []
  for (const sub of ['schedules', 'users']) {
    for (const name of readdirSync(join(dir, sub)).sort()) {
      const cal = new ICAL.Component(ICAL.parse(readFileSync(join(dir, sub, name), 'utf8')))
      for (const v of cal.getAllSubcomponents('vevent')) {
        const e = new ICAL.Event(v)
        out.push(`${sub}/${name} ${e.uid} ${e.startDate.toJSDate().toISOString()}/${e.endDate.toJSDate().toISOString()} ${e.summary}`)
      }
    }
  }
  return out.sort()
}
