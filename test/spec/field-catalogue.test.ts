/**
 * docs/fields.md classifies every field of every PagerDuty object `oncall` reads or writes as
 * managed, preserved or read-only. This reads the spec's schemas of those objects (the committed
 * subset of the official spec) and fails when a field is in none of the classes, or when the
 * catalogue names a field the spec does not have: a field PagerDuty adds can never be dropped
 * unnoticed, and the catalogue cannot drift into fiction.
 */
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {REPO} from '../integration/harness.js'

type Json = Record<string, unknown>
const spec = JSON.parse(readFileSync(join(REPO, 'src', 'sandbox', 'spec', 'pagerduty-subset.json'), 'utf8')) as Json
const catalogue = readFileSync(join(REPO, 'docs', 'fields.md'), 'utf8')
const CLASSES = ['managed', 'preserved', 'read-only']

/** `#/components/schemas/Tag/allOf/0` → the node it points at. */
function resolve(ref: string): Json {
  let node: unknown = spec
  for (const part of ref.slice(2).split('/')) node = (node as Json | unknown[])[part as never]
  return node as Json
}

/** Property names of a schema, through $ref and allOf. */
function properties(schema: Json): string[] {
  if (typeof schema.$ref === 'string') return properties(resolve(schema.$ref))
  const own = Object.keys((schema.properties as Json | undefined) ?? {})
  const parts = ((schema.allOf as Json[] | undefined) ?? []).flatMap(properties)
  return [...new Set([...parts, ...own])]
}

function schemaNamed(name: string): Json {
  if (name === 'TeamMembership') {
    const put = (spec.paths as Json)['/teams/{id}/users/{user_id}'] as Json
    return ((((put.put as Json).requestBody as Json).content as Json)['application/json'] as Json).schema as Json
  }
  return resolve(`#/components/schemas/${name}`)
}

/** `## Name` sections of docs/fields.md → field → class. */
function catalogued(): Map<string, Map<string, string>> {
  const out = new Map<string, Map<string, string>>()
  let current: Map<string, string> | undefined
  for (const line of catalogue.split('\n')) {
    const heading = /^## (\w+)$/.exec(line)
    if (heading) {
      current = new Map()
      out.set(heading[1] as string, current)
      continue
    }
    const row = /^\| `([a-z_]+)` \| ([a-z-]+) \|/.exec(line)
    if (row && current) current.set(row[1] as string, row[2] as string)
  }
  return out
}

// Every object type apply writes or plan reads, with the objects nested in them.
const OBJECTS = [
  'User',
  'Team',
  'TeamMembership',
  'Schedule',
  'ScheduleLayer',
  'ScheduleLayerUser',
  'Restriction',
  'EventAssignmentStrategy',
  'ShiftMember',
  'ZonedDateTime',
  'EscalationPolicy',
  'EscalationRule',
  'Service',
  'SupportHours',
  'ScheduledAction',
  'IncidentUrgencyRule',
  'IncidentUrgencyType',
  'AlertGroupingParameters',
  'AutoPauseNotificationsParameters',
]

describe('docs/fields.md classifies every field of the spec', () => {
  const sections = catalogued()

  for (const name of OBJECTS) {
    it(name, () => {
      const fields = properties(schemaNamed(name))
      expect(fields.length, name).toBeGreaterThan(0)
      const section = sections.get(name)
      expect(section, `docs/fields.md has no "## ${name}" table`).toBeDefined()
      const unclassified = fields.filter((f) => !CLASSES.includes(section?.get(f) ?? ''))
      expect(unclassified, `fields of ${name} in no class (add them to docs/fields.md: managed, preserved or read-only)`).toEqual([])
      const unknown = [...(section?.keys() ?? [])].filter((f) => !fields.includes(f))
      expect(unknown, `docs/fields.md lists fields ${name} does not have in the spec`).toEqual([])
    })
  }

  it('has no table for an object the test does not check', () => {
    const checked = new Set(OBJECTS)
    expect([...sections.keys()].filter((s) => !checked.has(s) && /^[A-Z]/.test(s))).toEqual([])
  })

  it('the parser sees a missing field (a spec field absent from the catalogue fails)', () => {
    // Guard against a parser that reads nothing: the Service table must have the fields this issue was about.
    const service = sections.get('Service')
    expect(service?.get('scheduled_actions')).toBe('managed')
    expect(service?.get('status')).toBe('preserved')
    expect(service?.get('created_at')).toBe('read-only')
    expect(properties(schemaNamed('Service'))).toContain('auto_pause_notifications_parameters')
  })
})
